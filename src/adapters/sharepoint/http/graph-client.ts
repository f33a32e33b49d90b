/**
 * Microsoft Graph through `@microsoft/microsoft-graph-client`: one `Client` per store, built with
 * `Client.initWithMiddleware` and a chain of small pieces, each in its own file:
 *
 *   exact-url → SDK TelemetryHandler → retry → auth → request-counter → timeout → SDK HTTPMessageHandler
 *
 * Exact-url goes first so every later piece sees the URL that will really be sent. Telemetry runs
 * once per call (client-request-id, SdkVersion). Retry sits above auth so each attempt gets a valid
 * token, and above the counter so every attempt is counted. docs/sharepoint-lists.md says why each
 * custom piece replaces the SDK's own.
 */
import type { TokenCredential } from '@azure/identity';
import {
  Client,
  type GraphRequest,
  HTTPMessageHandler,
  type Middleware,
  TelemetryHandler,
} from '@microsoft/microsoft-graph-client';
import { withAuth } from './auth-header';
import { withExactUrl } from './exact-url';
import { type GraphCall, isAbsoluteUrl, sleep } from './graph-http';
import { RequestCounter, withRequestCounter } from './request-counter';
import { ExactUrl, RequestIntent } from './request-options';
import { DEFAULT_RETRY, type RetryPolicy } from './retry-policy';
import { type RetryEvent, withRetry } from './with-retry';
import { withTimeout } from './with-timeout';

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
}

export interface GraphClient {
  readonly baseUrl: string;
  readonly counter: RequestCounter;
  readonly retry: RetryPolicy;
  /** The Microsoft Graph client every request goes through. */
  readonly sdk: Client;
  /** Sends a call and returns the parsed body of a 2xx answer; otherwise the SDK's GraphError is thrown. */
  send(call: GraphCall): Promise<unknown>;
}

/** The `.default` scope of the Graph cloud the base URL points at (national clouds have their own). */
export function graphScope(baseUrl: string): string {
  return `${new URL(baseUrl).origin}/.default`;
}

/**
 * The SDK joins `baseUrl` (a host) and `defaultVersion` (the path below it) for every relative
 * path (GraphRequest.buildFullUrl), so a configured base URL is split in two.
 */
export function sdkBase(baseUrl: string): { baseUrl: string; defaultVersion: string; host: string } {
  const url = new URL(baseUrl);
  return {
    baseUrl: `${url.origin}/`,
    defaultVersion: url.pathname.replace(/^\/+|\/+$/g, ''),
    host: url.hostname,
  };
}

/** The chain, outermost first; the SDK links it with setNext. */
function graphMiddleware(
  options: GraphClientOptions & { readonly counter: RequestCounter; readonly retry: RetryPolicy },
): Middleware[] {
  return [
    withExactUrl(),
    new TelemetryHandler(),
    withRetry(options.retry, options.onRetry),
    withAuth(options.credential, options.scope ?? graphScope(options.baseUrl), options.baseUrl),
    withRequestCounter(options.counter),
    withTimeout(options.timeoutMs ?? 30_000),
    new HTTPMessageHandler(),
  ];
}

/** Puts a call's method, headers and body on a GraphRequest and sends it. */
function dispatch(request: GraphRequest, call: GraphCall): Promise<unknown> {
  if (call.headers) request.headers({ ...call.headers });
  switch (call.method) {
    case 'GET':
      return request.get();
    case 'POST':
      return request.post(call.body);
    case 'PATCH':
      return request.patch(call.body);
    case 'PUT':
      return request.put(call.body);
    case 'DELETE':
      return request.delete();
  }
}

export function createGraphClient(options: GraphClientOptions): GraphClient {
  const counter = options.counter ?? new RequestCounter();
  const retry: RetryPolicy = { ...DEFAULT_RETRY, sleep, ...options.retry };
  const base = sdkBase(options.baseUrl);
  const sdk = Client.initWithMiddleware({
    baseUrl: base.baseUrl,
    defaultVersion: base.defaultVersion,
    // Lets the SDK's TelemetryHandler recognise a national-cloud proxy or the fake as Graph. The
    // token does not depend on it: withAuth compares the whole origin.
    customHosts: new Set([base.host]),
    fetchOptions: { headers: { Accept: 'application/json' } },
    middleware: graphMiddleware({ ...options, counter, retry }),
  });
  return {
    baseUrl: options.baseUrl,
    counter,
    retry,
    sdk,
    send(call) {
      const intent = new RequestIntent(call.useCase ?? 'other', call.idempotencyKey);
      // A link Graph issued is sent as issued; a path of ours is built by the SDK from the base URL.
      const exact = isAbsoluteUrl(call.url) ? [new ExactUrl(call.url)] : [];
      return dispatch(sdk.api(call.url).middlewareOptions([intent, ...exact]), call);
    },
  };
}
