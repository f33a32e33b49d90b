/** Why a token was refused; the reason is logged, never shown to the caller. */
export class TokenRejectedError extends Error {
  constructor(readonly reason: string) {
    super(`token rejected: ${reason}`);
    this.name = 'TokenRejectedError';
  }
}

/**
 * A genuine token of an organisation that is not on the allow-list. Not a 401: signing in again
 * gives the same answer, so the tab must show a page saying so instead of sending the person back
 * to sign-in (which looped).
 */
export class TenantNotAllowedError extends TokenRejectedError {
  constructor() {
    super('tenant not allowed');
    this.name = 'TenantNotAllowedError';
  }
}
