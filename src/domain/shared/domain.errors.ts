import type { Label } from './label';

/**
 * Broken rules that a caller could not have avoided by validating first (an illegal transition, a
 * missing right). Expected rule failures such as unmet skallkrav are returned as values instead.
 */
export class DomainError extends Error {
  constructor(
    /** Stable code, e.g. INITIATIVE.INVALID_TRANSITION; clients and tests key on it. */
    readonly code: string,
    readonly userMessage: Label,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(`${code}: ${userMessage.en}`);
    this.name = 'DomainError';
  }
}

/** One problem with one field of a form, in both languages. */
export interface FieldIssue {
  readonly field: string;
  readonly code: string;
  readonly message: Label;
}

/** A form that failed validation; carries every issue so the UI can show them all at once. */
export class ValidationError extends DomainError {
  constructor(readonly issues: readonly FieldIssue[]) {
    super('INITIATIVE.VALIDATION', {
      sv: 'Formuläret har fel som behöver rättas.',
      en: 'The form has errors that need fixing.',
    });
    this.name = 'ValidationError';
  }
}
