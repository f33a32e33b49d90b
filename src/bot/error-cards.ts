import { StoreError } from '../app/ports/store.errors';
import type { CardTone } from '../cards/tone';
import {
  DomainError,
  type ErrorKind,
  type FieldIssue,
  ValidationError,
} from '../domain/shared/domain.errors';
import { type Locale, text } from '../domain/shared/label';
import { strings } from '../i18n/strings';

/** The one table from an error's kind to the tone of the card that reports it. */
const TONE_OF_KIND: Readonly<Record<ErrorKind, CardTone>> = {
  forbidden: 'attention',
  not_found: 'attention',
  conflict: 'warning',
  invalid: 'attention',
  bad_request: 'attention',
};

/** A card tone for any failure: store hitches (busy, conflict) are passing, so a warning. */
export function toneOf(err: unknown): CardTone {
  if (err instanceof DomainError) return TONE_OF_KIND[err.kind];
  return err instanceof StoreError ? 'warning' : 'attention';
}

/**
 * The one place where failures become words for the user. Validation errors keep their field
 * issues; everything else becomes a single form-level issue, so the card comes back with every
 * typed value kept and the message at the top.
 */
export function issuesFor(err: unknown, locale: Locale): FieldIssue[] {
  if (err instanceof ValidationError) return [...err.issues];
  return [{ field: 'form', code: codeOf(err), message: messageOf(err, locale) }];
}

export function codeOf(err: unknown): string {
  if (err instanceof DomainError || err instanceof StoreError) return err.code;
  return 'INTERNAL';
}

/** A user-facing message for any failure; no internal details leak. */
export function messageOf(err: unknown, locale: Locale): { sv: string; en: string } {
  if (err instanceof DomainError) return err.userMessage;
  const t = { sv: strings('sv'), en: strings('en') };
  if (err instanceof StoreError && (err.code === 'STORE.UNAVAILABLE' || err.code === 'STORE.CONFLICT')) {
    return { sv: t.sv.busyError, en: t.en.busyError };
  }
  void locale;
  return { sv: t.sv.genericError, en: t.en.genericError };
}

export function messageText(err: unknown, locale: Locale): string {
  return text(messageOf(err, locale), locale);
}
