/**
 * Personnummer guard. Initiatives describe ways of working, never patients, so every free-text field is
 * scanned before anything is stored and a write holding a Swedish identity number is refused.
 * The scanner deliberately errs on the side of catching: a false hit costs a user a rewording,
 * a miss puts a patient's identity into a shared register.
 */
import { normaliseForScan } from './scan-normalise';

export type IdentityNumberKind = 'personnummer' | 'samordningsnummer';

/** A hit as an index range [start, end) into the scanned text; the digits are never echoed back so hits are safe to log. */
export interface IdentityNumberHit {
  readonly kind: IdentityNumberKind;
  readonly start: number;
  readonly end: number;
}

/** Options for the scan; only needed when a caller wants strict century inference for 10-digit numbers. */
export interface IdentityNumberScanOptions {
  /** Without it both centuries are tried, so an ambiguous leap day (YY=00, 29 Feb) is still caught. */
  readonly today?: Date;
}

type FieldValue = string | readonly string[] | undefined | null;

// Scanned on the normalised text (scan-normalise.ts): digits are ASCII, every dash is '-', every
// space or line break is one ' '. Boundaries are digits, so a 13-digit run never yields a hit.
// Letters may touch the number ('pnr8501011236'); the date part may be grouped ('81 12 18-9876',
// '81.12.18'); the separator before the last four may be '-' or '+' with spaces around it, a space,
// '/' or '.': people write numbers every way, and a miss is worse than a false hit.
const CANDIDATE = /(?<!\d)(?:(\d{2}) ?)?(\d{2})[ .]?(\d{2})[ .]?(\d{2})( ?[-+] ?|[ /.])?(\d{4})(?!\d)/g;

// Only centuries in which living people (or recent records) were born; '21…' or '16…' is some other number,
// e.g. an organisationsnummer written with its '16' prefix.
const PLAUSIBLE_CENTURIES: ReadonlySet<string> = new Set(['18', '19', '20']);

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth =
    month === 2
      ? isLeapYear(year)
        ? 29
        : 28
      : month === 4 || month === 6 || month === 9 || month === 11
        ? 30
        : 31;
  return day <= daysInMonth;
}

// Weights 2,1,2,1… over the 10-digit form; the check digit itself has weight 1, so the total must end in 0.
function hasValidLuhn(tenDigits: string): boolean {
  let sum = 0;
  for (let i = 0; i < tenDigits.length; i++) {
    const product = (tenDigits.charCodeAt(i) - 48) * (i % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return sum % 10 === 0;
}

// Century only matters for 29 February in a year ending in 00 (2000 was a leap year, 1900 was not).
function candidateYears(yy: number, month: number, day: number, separator: string, today?: Date): number[] {
  if (today === undefined) return [1900 + yy, 2000 + yy];
  const todayYear = today.getFullYear();
  const todayKey = todayYear * 10000 + (today.getMonth() + 1) * 100 + today.getDate();
  let year = todayYear - (todayYear % 100) + yy;
  if (year * 10000 + month * 100 + day > todayKey) year -= 100;
  // '+' is Skatteverket's marker for someone who has turned 100.
  if (separator === '+') year -= 100;
  return [year];
}

function classify(match: RegExpExecArray, today?: Date): IdentityNumberKind | undefined {
  const [, century, yy = '', mm = '', dd = '', rawSeparator = '', serial = ''] = match;
  const separator = rawSeparator.trim();
  if (century !== undefined && !PLAUSIBLE_CENTURIES.has(century)) return undefined;
  if (!hasValidLuhn(yy + mm + dd + serial)) return undefined;
  const rawDay = Number(dd);
  // Samordningsnummer carry the birth day plus 60.
  const kind: IdentityNumberKind = rawDay > 60 ? 'samordningsnummer' : 'personnummer';
  const day = kind === 'samordningsnummer' ? rawDay - 60 : rawDay;
  const month = Number(mm);
  const years =
    century !== undefined ? [Number(century + yy)] : candidateYears(Number(yy), month, day, separator, today);
  return years.some((year) => isValidDate(year, month, day)) ? kind : undefined;
}

/** Finds every Swedish personnummer/samordningsnummer with a valid date and check digit in free text. */
export function findIdentityNumbers(
  text: string,
  options: IdentityNumberScanOptions = {},
): IdentityNumberHit[] {
  const hits: IdentityNumberHit[] = [];
  const pattern = new RegExp(CANDIDATE.source, CANDIDATE.flags);
  let match: RegExpExecArray | null;
  const seen = normaliseForScan(text);
  while ((match = pattern.exec(seen.text)) !== null) {
    const kind = classify(match, options.today);
    if (kind !== undefined) {
      // Positions refer to the text as given, so masking covers every character of the hit.
      const start = seen.from[match.index]![0];
      const end = seen.from[match.index + match[0].length - 1]![1];
      hits.push({ kind, start, end });
    } else {
      // Defensive: boundaries already stop overlaps, but resuming one character on keeps a rejected
      // candidate from ever shadowing a real one if the pattern changes.
      pattern.lastIndex = match.index + 1;
    }
  }
  return hits;
}

/** True when the text must be refused because it holds an identity number. */
export function containsIdentityNumber(text: string, options: IdentityNumberScanOptions = {}): boolean {
  return findIdentityNumbers(text, options).length > 0;
}

/** Scans several named fields; returns the names of fields that hold an identity number. */
export function fieldsWithIdentityNumbers(
  fields: Readonly<Record<string, FieldValue>>,
  options: IdentityNumberScanOptions = {},
): string[] {
  return Object.entries(fields)
    .filter(([, value]) => {
      if (value === undefined || value === null) return false;
      const texts: readonly string[] = typeof value === 'string' ? [value] : value;
      return texts.some((text) => containsIdentityNumber(text, options));
    })
    .map(([name]) => name);
}

/** Replaces each hit's digits with 'x' (separators kept) so refused input can be logged without the number. */
export function maskIdentityNumbers(text: string, options: IdentityNumberScanOptions = {}): string {
  let masked = '';
  let cursor = 0;
  for (const hit of findIdentityNumbers(text, options)) {
    masked += text.slice(cursor, hit.start) + text.slice(hit.start, hit.end).replace(/\p{Nd}/gu, 'x');
    cursor = hit.end;
  }
  return masked + text.slice(cursor);
}
