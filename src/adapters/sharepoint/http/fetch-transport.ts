import { GraphTransportError } from './graph-errors';
import type { GraphRequest, GraphResponse, Handler } from './graph-http';

export interface TransportOptions {
  /** e.g. `https://graph.microsoft.com/v1.0`; relative request URLs are resolved against it. */
  readonly baseUrl: string;
  /** Per-request timeout; a request that takes longer fails as a transport error (retryable). */
  readonly timeoutMs: number;
  /** Injectable for tests; defaults to the global fetch. */
  readonly fetch?: typeof fetch;
}

/** Resolves a request URL: absolute URLs (nextLinks) are used verbatim, paths are appended to the base. */
export function resolveUrl(baseUrl: string, url: string): string {
  if (/^https?:\/\//i.test(url)) return url;
  return `${baseUrl.replace(/\/+$/, '')}/${url.replace(/^\/+/, '')}`;
}

/** The terminal handler: one HTTP round trip. Answers every status; throws only when there is no answer. */
export function fetchTransport(options: TransportOptions): Handler {
  const doFetch = options.fetch ?? fetch;
  return async (req: GraphRequest): Promise<GraphResponse> => {
    const headers: Record<string, string> = { accept: 'application/json', ...req.headers };
    let body: string | undefined;
    if (req.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(req.body);
    }
    const signal = AbortSignal.timeout(options.timeoutMs);
    let res: Response;
    let text: string;
    try {
      res = await doFetch(resolveUrl(options.baseUrl, req.url), {
        method: req.method,
        headers,
        body,
        signal,
      });
      text = await res.text();
    } catch (err) {
      const timedOut = signal.aborted || (err instanceof Error && err.name === 'TimeoutError');
      throw new GraphTransportError(timedOut ? 'timeout' : 'network');
    }
    const out: Record<string, string> = {};
    res.headers.forEach((value, key) => {
      out[key.toLowerCase()] = value;
    });
    return { status: res.status, headers: out, body: parseJson(text) };
  };
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Gateways answer 502/504 with HTML; keep the status, drop the body.
    return null;
  }
}
