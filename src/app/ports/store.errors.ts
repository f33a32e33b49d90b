/**
 * Port-level store errors. Adapters translate SQLite or Graph failures into these, so nothing above
 * the adapters ever sees a driver error or an HTTP status.
 */
export type StoreErrorCode = 'STORE.CONFLICT' | 'STORE.NOT_FOUND' | 'STORE.UNAVAILABLE' | 'STORE.FORBIDDEN';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/** A stale version (another writer won) or a unique key that is already taken. */
export class ConflictError extends StoreError {
  constructor(
    message: string,
    readonly reason: 'stale' | 'duplicate',
  ) {
    super('STORE.CONFLICT', message);
    this.name = 'ConflictError';
  }
}

export class NotFoundError extends StoreError {
  constructor(message: string) {
    super('STORE.NOT_FOUND', message);
    this.name = 'NotFoundError';
  }
}

/** The store could not be reached or kept failing after retries; the action may be tried again. */
export class UnavailableError extends StoreError {
  constructor(message: string) {
    super('STORE.UNAVAILABLE', message);
    this.name = 'UnavailableError';
  }
}

export class ForbiddenError extends StoreError {
  constructor(message: string) {
    super('STORE.FORBIDDEN', message);
    this.name = 'ForbiddenError';
  }
}
