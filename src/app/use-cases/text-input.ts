import { containsIdentityNumber } from '../../domain/initiative/personnummer';
import { cleanText } from '../../domain/shared/clean-text';
import { ValidationError } from '../../domain/shared/domain.errors';

/** Trims free text and applies the rules every write follows: required, a length limit, no identity numbers. */
export function requireText(field: string, value: string, max: number, required = true): string {
  const text = cleanText(value).trim();
  if (required && text === '') {
    throw new ValidationError([
      { field, code: 'FIELD.REQUIRED', message: { sv: 'Obligatoriskt fält.', en: 'Required field.' } },
    ]);
  }
  if (text.length > max) {
    throw new ValidationError([
      {
        field,
        code: 'FIELD.TOO_LONG',
        message: { sv: `Högst ${max} tecken.`, en: `At most ${max} characters.` },
      },
    ]);
  }
  if (containsIdentityNumber(text)) {
    throw new ValidationError([
      {
        field,
        code: 'FIELD.PERSONAL_IDENTITY_NUMBER',
        message: {
          sv: 'Texten innehåller något som ser ut som ett personnummer eller samordningsnummer. Ta bort det.',
          en: 'The text contains what looks like a personal identity or coordination number. Remove it.',
        },
      },
    ]);
  }
  return text;
}
