import type { TokenCredential } from '@azure/identity';
import { withAuth } from './auth-header';
import { fetchTransport } from './fetch-transport';
import { GraphHttpError } from './graph-errors';
import { type GraphRequest, type GraphResponse, type Handler, pipeline, sleep } from './graph-http';
import { RequestCounter, withRequestCounter } from './request-counter';
import { DEFAULT_RETRY, type RetryPolicy } from './retry-policy';
import { type RetryEvent, withRetry } from './with-retry';

/** Microsoft Graph in the public cloud; national clouds and the test fake pass their own. */
export const PUBLIC_GRAPH_URL = 'https://graph.microsoft.com/v1.0';

export interface GraphClientOptions {
  /** e.g. `https://graph.microsoft.com/v1.0` (public cloud), `https://graph.microsoft.us/v1.0`, or a fake. */
  readonly baseUrl: string;
  readonly credential: TokenCredential;
  /** Defaults to `<Graph origin>/.default`: the app's granted permissions (Sites.Selected). */
  readonly scope?: string;
  readonly timeoutMs?: number;
  readonly retry?: Partial<RetryPolicy>;
  readonly counter?: RequestCounter;
  readonly onRetry?: (event: RetryEvent) => void;
  readonly fetch?: typeof fetch;
}

export interface GraphClient {
  readonly baseUrl: string;
  readonly counter: RequestCounter;
  readonly retry: RetryPolicy;
  /** The whole pipeline; answers every status. */
  readonly handler: Handler;
  /** Sends a request and returns the answer if it is 2xx; throws GraphHttpError otherwise. */
  send(req: GraphRequest): Promise<GraphResponse>;
}

/** The `.default` scope of the Graph cloud the base URL points at (national clouds have their own). */
export function graphScope(baseUrl: string): string {
  return `${new URL(baseUrl).origin}/.default`;
}

/** Assembles retry → auth → count → fetch. Retry is outermost so each attempt gets a valid token and is counted. */
export function createGraphClient(options: GraphClientOptions): GraphClient {
  const counter = options.counter ?? new RequestCounter();
  const retry: RetryPolicy = { ...DEFAULT_RETRY, sleep, ...options.retry };
  const handler = pipeline(
    fetchTransport({
      baseUrl: options.baseUrl,
      timeoutMs: options.timeoutMs ?? 30_000,
      fetch: options.fetch,
    }),
    withRetry(retry, options.onRetry),
    withAuth(options.credential, options.scope ?? graphScope(options.baseUrl), options.baseUrl),
    withRequestCounter(counter),
  );
  return {
    baseUrl: options.baseUrl,
    counter,
    retry,
    handler,
    async send(req) {
      const res = await handler(req);
      if (res.status < 200 || res.status > 299) throw GraphHttpError.from(res);
      return res;
    },
  };
}
