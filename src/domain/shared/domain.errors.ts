import type { Label } from './label';

/**
 * What kind of failure an error is; the transports map kinds (never codes) to an HTTP status and to
 * a card's tone, in one table each (src/api/problem.ts, src/bot/error-cards.ts).
 */
export type ErrorKind = 'forbidden' | 'not_found' | 'conflict' | 'invalid' | 'bad_request';

/**
 * Broken rules that a caller could not have avoided by validating first (an illegal transition, a
 * missing right). Expected rule failures such as unmet skallkrav are returned as values instead.
 * Throw one of the subclasses below: each says its kind.
 */
export abstract class DomainError extends Error {
  abstract readonly kind: ErrorKind;

  constructor(
    /** Stable code, e.g. INITIATIVE.INVALID_TRANSITION; clients and tests key on it. */
    readonly code: string,
    readonly userMessage: Label,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(`${code}: ${userMessage.en}`);
    this.name = new.target.name;
  }
}

/** The person may not do this (role, own initiative, jäv). */
export class NotAllowedError extends DomainError {
  readonly kind = 'forbidden';
}

/** The thing asked for does not exist, or the person may not know that it does. */
export class MissingError extends DomainError {
  readonly kind = 'not_found';
}

/** The state does not allow it now (status, a decision recorded meanwhile, skallkrav 4 lost). */
export class StateConflictError extends DomainError {
  readonly kind = 'conflict';
}

/** A malformed request: a query parameter or reference that cannot be read. */
export class BadRequestError extends DomainError {
  readonly kind = 'bad_request';
}

/** One problem with one field of a form, in both languages. */
export interface FieldIssue {
  readonly field: string;
  readonly code: string;
  readonly message: Label;
}

/** A form that failed validation; carries every issue so the UI can show them all at once. */
export class ValidationError extends DomainError {
  readonly kind = 'invalid';

  constructor(readonly issues: readonly FieldIssue[]) {
    super('INITIATIVE.VALIDATION', {
      sv: 'Formuläret har fel som behöver rättas.',
      en: 'The form has errors that need fixing.',
    });
  }
}
