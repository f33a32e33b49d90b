import type { Middleware } from '@microsoft/microsoft-graph-client';
import { GraphTransportError } from './graph-errors';
import { middleware, optionOf, requestMethod, responseOf } from './middleware';
import { RequestIntent } from './request-options';
import { type RetryPolicy, TRANSIENT_STATUSES, isRetryable, retryDelayMs } from './retry-policy';

/** What a retry looked like, for logging: no URL, no body (they may hold ids or personal data). */
export interface RetryEvent {
  readonly useCase: string;
  readonly method: string;
  readonly attempt: number;
  readonly status: number | 'timeout' | 'network';
  readonly delayMs: number;
}

/**
 * Sends a request again after transient failures, when sending it twice is harmless. Used instead
 * of the SDK's RetryHandler, which (3.0.7) retries any POST with a JSON body (`isBuffered`, and the
 * default `shouldRetry` answers true), never retries a 502 or a request without an answer (a timeout,
 * a reset connection), allows at most 10 retries, waits in whole seconds on its own timer, and
 * caps a long Retry-After at 180 s instead of giving up. The last answer (or transport error) is
 * handed on unchanged when the policy gives up.
 */
export function withRetry(policy: RetryPolicy, onRetry?: (event: RetryEvent) => void): Middleware {
  return middleware('retry', async (context, next) => {
    const intent = optionOf(context, RequestIntent);
    const method = requestMethod(context);
    const retryable = isRetryable({ method, idempotencyKey: intent?.idempotencyKey });
    const report = (attempt: number, status: RetryEvent['status'], delayMs: number) =>
      onRetry?.({ useCase: intent?.useCase ?? 'other', method, attempt, status, delayMs });
    for (let attempt = 1; ; attempt++) {
      try {
        await next(context);
      } catch (err) {
        if (!(err instanceof GraphTransportError) || !retryable) throw err;
        const delayMs = retryDelayMs(attempt, undefined, policy);
        if (delayMs === null) throw err;
        report(attempt, err.reason, delayMs);
        await policy.sleep(delayMs);
        continue;
      }
      const res = responseOf(context);
      if (!retryable || !TRANSIENT_STATUSES.has(res.status)) return;
      const delayMs = retryDelayMs(attempt, res.headers.get('retry-after') ?? undefined, policy);
      if (delayMs === null) return;
      report(attempt, res.status, delayMs);
      await policy.sleep(delayMs);
    }
  });
}
