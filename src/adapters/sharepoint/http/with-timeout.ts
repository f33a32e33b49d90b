import type { Middleware } from '@microsoft/microsoft-graph-client';
import { GraphTransportError } from './graph-errors';
import { middleware, responseOf } from './middleware';

/** Statuses whose Response may not carry a body (the Response constructor refuses one). */
const NULL_BODY: ReadonlySet<number> = new Set([101, 103, 204, 205, 304]);

/**
 * The piece right above the SDK's HTTPMessageHandler (which is a bare `fetch`): each attempt gets
 * its own deadline, and the answer's body is read inside it, so a call that hangs before or during
 * its body fails as a retryable transport error instead of waiting forever. Reading the body here
 * also frees the connection of an answer that the retry or auth piece throws away. Fetch failures
 * become GraphTransportError (a GraphClientError), which GraphRequest passes on unchanged.
 */
export function withTimeout(timeoutMs: number): Middleware {
  return middleware('timeout', async (context, next) => {
    const signal = AbortSignal.timeout(timeoutMs);
    context.options = { ...context.options, signal };
    try {
      await next(context);
      const res = responseOf(context);
      const text = await res.text();
      context.response = new Response(NULL_BODY.has(res.status) ? null : text, {
        status: res.status,
        statusText: res.statusText,
        headers: res.headers,
      });
    } catch (err) {
      const timedOut = signal.aborted || (err instanceof Error && err.name === 'TimeoutError');
      throw new GraphTransportError(timedOut ? 'timeout' : 'network');
    }
  });
}
