import { BadRequestError } from '../shared/domain.errors';

// Any prefix the settings allow: references keep the prefix they were given, also after a change.
const REF = /^([A-Z]{1,6})-(\d{4})-(\d{4,})$/;

/** Formats the human-readable reference for the n:th initiative sent in a year, e.g. OH-2026-0007. */
export function formatReference(year: number, n: number, prefix = 'OH'): string {
  if (!Number.isInteger(year) || year < 2000 || year > 9999 || !Number.isInteger(n) || n < 1) {
    throw new BadRequestError('INITIATIVE.BAD_REFERENCE', {
      sv: 'Ogiltigt referensnummer.',
      en: 'Invalid reference number.',
    });
  }
  return `${prefix}-${year}-${String(n).padStart(4, '0')}`;
}

/** Parses a reference typed by a user (case and surrounding space forgiven); null if it is not one. */
export function parseReference(input: string): { year: number; n: number; ref: string } | null {
  const m = REF.exec(input.trim().toUpperCase());
  if (!m) return null;
  const year = Number(m[2]);
  const n = Number(m[3]);
  if (n < 1 || year < 2000) return null;
  return { year, n, ref: formatReference(year, n, m[1]) };
}
