/**
 * When and how long to wait before sending a Graph request again. Pure functions, so the rules are
 * unit-tested without a clock: 429/502/503/504 and lost connections are transient; Retry-After
 * (seconds or an HTTP date) is honoured as a floor; otherwise capped exponential backoff with jitter.
 */
import type { GraphCall } from './graph-http';

export interface RetryPolicy {
  /** Attempts in total, the first included. */
  readonly maxAttempts: number;
  /** Backoff before the second attempt; doubles per attempt. */
  readonly baseDelayMs: number;
  /** Cap on the backoff. */
  readonly maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the operation fails as Unavailable instead. */
  readonly maxRetryAfterMs: number;
  /** Share of a delay drawn at random (0 = none, 0.5 = up to half), so instances do not retry in step. */
  readonly jitter: number;
  readonly random: () => number;
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY: Omit<RetryPolicy, 'sleep'> = {
  maxAttempts: 6,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
  jitter: 0.5,
  random: Math.random,
  now: Date.now,
};

/** Statuses Graph and SharePoint use for "not now": throttled, bad gateway, unavailable, timeout. */
export const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

/**
 * Whether sending this request twice is harmless. GET/PUT/DELETE are idempotent, our PATCHes set
 * field values (and carry If-Match where it matters), and a POST only when it has an idempotency key.
 */
export function isRetryable(req: Pick<GraphCall, 'idempotencyKey'> & { readonly method: string }): boolean {
  return req.method.toUpperCase() !== 'POST' || req.idempotencyKey !== undefined;
}

/** Milliseconds a Retry-After value asks for, or null if it is absent or unreadable. */
export function parseRetryAfter(value: string | undefined | null, nowMs: number): number | null {
  if (value === undefined || value === null) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

/** Exponential backoff for the given attempt (1 = the first retry), capped, minus up to `jitter` of it. */
export function backoffMs(
  attempt: number,
  policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'jitter' | 'random'>,
): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp * (1 - policy.jitter * policy.random()));
}

/**
 * The delay before retry number `attempt`, or null to give up. With a Retry-After the server's ask
 * is a floor (plus up to `jitter` more); without one, backoff applies.
 */
export function retryDelayMs(
  attempt: number,
  retryAfter: string | undefined,
  policy: Omit<RetryPolicy, 'sleep'>,
): number | null {
  if (attempt >= policy.maxAttempts) return null;
  const asked = parseRetryAfter(retryAfter, policy.now());
  if (asked === null) return backoffMs(attempt, policy);
  if (asked > policy.maxRetryAfterMs) return null;
  return Math.round(asked * (1 + policy.jitter * policy.random()));
}
