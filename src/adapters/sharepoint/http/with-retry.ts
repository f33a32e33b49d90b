import { GraphTransportError } from './graph-errors';
import type { GraphResponse, Middleware } from './graph-http';
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
 * Sends a request again after transient failures, when sending it twice is harmless. The last
 * answer (or transport error) is handed on unchanged when the policy gives up.
 */
export function withRetry(policy: RetryPolicy, onRetry?: (event: RetryEvent) => void): Middleware {
  return (next) => async (req) => {
    const retryable = isRetryable(req);
    for (let attempt = 1; ; attempt++) {
      let res: GraphResponse;
      try {
        res = await next(req);
      } catch (err) {
        if (!(err instanceof GraphTransportError) || !retryable) throw err;
        const delayMs = retryDelayMs(attempt, undefined, policy);
        if (delayMs === null) throw err;
        onRetry?.({
          useCase: req.useCase ?? 'other',
          method: req.method,
          attempt,
          status: err.reason,
          delayMs,
        });
        await policy.sleep(delayMs);
        continue;
      }
      if (!retryable || !TRANSIENT_STATUSES.has(res.status)) return res;
      const delayMs = retryDelayMs(attempt, res.headers['retry-after'], policy);
      if (delayMs === null) return res;
      onRetry?.({
        useCase: req.useCase ?? 'other',
        method: req.method,
        attempt,
        status: res.status,
        delayMs,
      });
      await policy.sleep(delayMs);
    }
  };
}
