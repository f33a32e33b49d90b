import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  StoreError,
  UnavailableError,
} from '../../../app/ports/store.errors';
import { type GraphResponse, asRecord } from './graph-http';

/** A non-2xx Graph answer. Internal to the adapter: it never crosses the port (see toStoreError). */
export class GraphHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
  ) {
    super(`Graph answered ${status} ${code}`);
    this.name = 'GraphHttpError';
  }

  static from(res: GraphResponse): GraphHttpError {
    const error = asRecord(asRecord(res.body).error);
    const code = typeof error.code === 'string' ? error.code : 'unknown';
    const message = typeof error.message === 'string' ? error.message : '';
    return new GraphHttpError(res.status, code, message);
  }
}

/** The request never got an HTTP answer (connection refused or reset, timeout). */
export class GraphTransportError extends Error {
  constructor(readonly reason: 'timeout' | 'network') {
    super(`Graph request failed: ${reason}`);
    this.name = 'GraphTransportError';
  }
}

/** No token could be had from Microsoft Entra (wrong credentials, or the authority unreachable). */
export class GraphAuthError extends Error {
  constructor() {
    super('could not get an app-only token for Microsoft Graph');
    this.name = 'GraphAuthError';
  }
}

/** True for SharePoint's answer to a value that is already taken in a unique column. */
export function isDuplicate(err: unknown): boolean {
  if (!(err instanceof GraphHttpError)) return false;
  if (err.status === 409) return err.code !== 'resourceModified';
  // Some SharePoint paths report the same SPDuplicateValuesFoundException as a 400.
  return err.status === 400 && /duplicate values/i.test(err.detail);
}

export function isStale(err: unknown): boolean {
  return err instanceof GraphHttpError && (err.status === 412 || (err.status === 409 && !isDuplicate(err)));
}

export function isNotFound(err: unknown): boolean {
  return err instanceof GraphHttpError && err.status === 404;
}

/**
 * Turns a Graph failure into a port error. Messages name the operation only: no status text, URL,
 * or Graph error body leaks upward (they may hold list ids or filter values).
 */
export function toStoreError(err: unknown, what: string): Error {
  if (err instanceof StoreError) return err;
  if (err instanceof GraphTransportError) return new UnavailableError(`${what}: SharePoint did not answer`);
  if (err instanceof GraphAuthError) {
    return new UnavailableError(`${what}: could not sign in to Microsoft Entra (check the app credentials)`);
  }
  if (!(err instanceof GraphHttpError)) return err instanceof Error ? err : new Error(String(err));
  if (isDuplicate(err)) return new ConflictError(`${what}: a unique key is already taken`, 'duplicate');
  if (isStale(err)) return new ConflictError(`${what}: changed by someone else`, 'stale');
  switch (err.status) {
    case 404:
      return new NotFoundError(`${what}: not found`);
    case 401:
    case 403:
      return new ForbiddenError(`${what}: the app has no access to the SharePoint site`);
    case 400:
      return new UnavailableError(`${what}: SharePoint refused the request (is the list design current?)`);
    default:
      return new UnavailableError(`${what}: SharePoint is unavailable, try again`);
  }
}

/** Runs a store operation and maps whatever Graph throws into port errors. */
export async function mapGraph<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toStoreError(err, what);
  }
}
