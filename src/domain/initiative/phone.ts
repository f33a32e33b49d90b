import { containsIdentityNumber } from './personnummer';
import { normaliseForScan } from './scan-normalise';

export type PhoneProblem = 'not_a_phone_number' | 'identity_number';

/**
 * The contact phone field holds a phone number, and is judged as one: a Swedish mobile number such
 * as 0701010035 reads like a date with a valid check digit, so the free-text personnummer scan would
 * refuse it. A phone number starts with 0 (national) or + (international) and has 7–15 digits,
 * optionally grouped with spaces, dashes or a parenthesised area code. Written the way an identity
 * number is written (six or eight digits, a dash or plus, four digits) it is still refused.
 */
export function phoneProblem(value: string): PhoneProblem | null {
  const seen = normaliseForScan(value).text.trim();
  if (seen === '') return null;
  const digits = seen.replace(/\D/g, '');
  const shaped = /^(\+|\(?0)[\d ()-]*$/.test(seen) && digits.length >= 7 && digits.length <= 15;
  if (!shaped) return containsIdentityNumber(value) ? 'identity_number' : 'not_a_phone_number';
  if (/^\d{6}(\d{2})? ?[-+] ?\d{4}$/.test(seen) && containsIdentityNumber(value)) return 'identity_number';
  return null;
}
