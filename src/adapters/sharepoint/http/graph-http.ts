/**
 * The Graph HTTP pipeline as small composable pieces (in the style of pnpjs' `using(...)`):
 * a terminal transport plus middlewares for auth, retry, request counting. Each piece is a
 * function from the next handler to a handler, so tests can assemble exactly the ones they need.
 */
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface GraphRequest {
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

export interface GraphResponse {
  readonly status: number;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

export type Handler = (req: GraphRequest) => Promise<GraphResponse>;
export type Middleware = (next: Handler) => Handler;

/** Builds a handler: the first middleware is the outermost (sees the request first). */
export function pipeline(transport: Handler, ...middlewares: readonly Middleware[]): Handler {
  return middlewares.reduceRight<Handler>((next, middleware) => middleware(next), transport);
}

/** Lower-cased header lookup on a request. */
export function requestHeader(req: GraphRequest, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(req.headers ?? {}))
    if (key.toLowerCase() === wanted) return value;
  return undefined;
}

/** A plain JSON object from a response body, or an empty one (never throws on odd shapes). */
export function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

export const sleep = (ms: number): Promise<void> =>
  ms <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms));
