import { GraphClientError, GraphError } from '@microsoft/microsoft-graph-client';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  StoreError,
  UnavailableError,
} from '../../../app/ports/store.errors';
import { type GraphResponse, asRecord } from './graph-http';

/**
 * Failures the middleware raises itself. They extend the SDK's GraphClientError because
 * GraphRequest.send rethrows a GraphClientError unchanged and turns anything else into a
 * GraphError with statusCode -1 (GraphRequest.js, `send`), which would lose the reason.
 * GraphClientError's constructor resets the prototype to its own (GraphClientError.js), so each
 * subclass sets it back, or `instanceof` would not see the subclass.
 */
abstract class GraphPipelineError extends GraphClientError {
  constructor(message: string) {
    super(message);
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = new.target.name;
  }
}

/** The request never got an HTTP answer (connection refused or reset, timeout). */
export class GraphTransportError extends GraphPipelineError {
  constructor(readonly reason: 'timeout' | 'network') {
    super(`Graph request failed: ${reason}`);
  }
}

/** No token could be had from Microsoft Entra (wrong credentials, or the authority unreachable). */
export class GraphAuthError extends GraphPipelineError {
  constructor() {
    super('could not get an app-only token for Microsoft Graph');
  }
}

/** A request (a tampered cursor, a stray link) pointed away from the Graph origin: not sent at all. */
export class ForeignHostError extends GraphPipelineError {
  constructor() {
    super('refusing to send a Graph token to another host');
  }
}

/** A Graph error answer inside a `$batch`, shaped as the client shapes outer ones. */
export function graphErrorFrom(res: GraphResponse): GraphError {
  const error = asRecord(asRecord(res.body).error);
  const err = new GraphError(res.status, typeof error.message === 'string' ? error.message : '');
  err.code = typeof error.code === 'string' ? error.code : null;
  return err;
}

const status = (err: unknown): number | null => (err instanceof GraphError ? err.statusCode : null);

/** True for SharePoint's answer to a value that is already taken in a unique column. */
export function isDuplicate(err: unknown): boolean {
  if (!(err instanceof GraphError)) return false;
  if (err.statusCode === 409) return err.code !== 'resourceModified';
  // Some SharePoint paths report the same SPDuplicateValuesFoundException as a 400.
  return err.statusCode === 400 && /duplicate values/i.test(err.message);
}

export function isStale(err: unknown): boolean {
  return status(err) === 412 || (status(err) === 409 && !isDuplicate(err));
}

export function isNotFound(err: unknown): boolean {
  return status(err) === 404;
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
  if (err instanceof ForeignHostError) return new UnavailableError(`${what}: refused a link to another host`);
  if (!(err instanceof GraphError)) return err instanceof Error ? err : new Error(String(err));
  if (isDuplicate(err)) return new ConflictError(`${what}: a unique key is already taken`, 'duplicate');
  if (isStale(err)) return new ConflictError(`${what}: changed by someone else`, 'stale');
  switch (err.statusCode) {
    case 404:
      return new NotFoundError(`${what}: not found`);
    case 401:
    case 403:
      return new ForbiddenError(`${what}: the app has no access to the SharePoint site`);
    case 400:
      return new UnavailableError(`${what}: SharePoint refused the request (is the list design current?)`);
    default:
      // Includes statusCode -1: the client failed without an HTTP answer for a reason of its own.
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
