/**
 * What the adapter asks of Graph, independent of how it is sent: a method, a path relative to the
 * Graph base URL (or an absolute link Graph issued), headers, a JSON body, and two facts the
 * middleware needs (may it be sent twice, which use case it serves). graph-client.ts turns a call
 * into a `@microsoft/microsoft-graph-client` request.
 */
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface GraphCall {
  readonly method: HttpMethod;
  /** A path relative to the Graph base URL (`/sites/…`) or an absolute URL (a nextLink, sent verbatim). */
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** JSON body. */
  readonly body?: unknown;
  /**
   * Marks a POST as safe to send twice: the server rejects a second copy on a unique key and the
   * caller turns that answer into "return the existing". Without it a POST is never retried.
   */
  readonly idempotencyKey?: string;
  /** Use case this request serves (e.g. `stances.put`), for the request counter. */
  readonly useCase?: string;
}

/** One answer inside a `$batch` (outer answers come back as bodies or GraphErrors from the client). */
export interface GraphResponse {
  readonly status: number;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/** True for a link Graph issued (`@odata.nextLink`), as opposed to a path the adapter wrote. */
export function isAbsoluteUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** A plain JSON object from a response body, or an empty one (never throws on odd shapes). */
export function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

export const sleep = (ms: number): Promise<void> =>
  ms <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms));
