import {
  DEFAULT_RETRY,
  backoffMs,
  isRetryable,
  parseRetryAfter,
  retryDelayMs,
} from '../../../src/adapters/sharepoint/http/retry-policy';

const NOW = Date.parse('2026-03-01T12:00:00.000Z');
const policy = (random: number, extra: Partial<typeof DEFAULT_RETRY> = {}) => ({
  ...DEFAULT_RETRY,
  random: () => random,
  now: () => NOW,
  ...extra,
});

describe('Retry-After', () => {
  it('reads seconds', () => {
    expect(parseRetryAfter('0', NOW)).toBe(0);
    expect(parseRetryAfter('7', NOW)).toBe(7000);
    expect(parseRetryAfter(' 2.5 ', NOW)).toBe(2500);
  });

  it('reads an HTTP date, relative to now, never negative', () => {
    expect(parseRetryAfter('Sun, 01 Mar 2026 12:00:30 GMT', NOW)).toBe(30_000);
    expect(parseRetryAfter('Sun, 01 Mar 2026 11:59:00 GMT', NOW)).toBe(0);
  });

  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(undefined, NOW)).toBeNull();
    expect(parseRetryAfter('soon', NOW)).toBeNull();
  });

  it('is honoured as a floor: never shorter, at most jitter longer', () => {
    for (const r of [0, 0.5, 0.999]) {
      const d = retryDelayMs(1, '10', policy(r))!;
      expect(d).toBeGreaterThanOrEqual(10_000);
      expect(d).toBeLessThanOrEqual(10_000 * (1 + DEFAULT_RETRY.jitter));
    }
    expect(retryDelayMs(1, 'Sun, 01 Mar 2026 12:00:04 GMT', policy(0))).toBe(4000);
  });

  it('gives up instead of waiting longer than the longest wait it accepts', () => {
    expect(retryDelayMs(1, String(DEFAULT_RETRY.maxRetryAfterMs / 1000 + 1), policy(0))).toBeNull();
  });
});

describe('backoff without Retry-After', () => {
  it('doubles per attempt from the base delay', () => {
    const p = policy(0);
    expect([1, 2, 3, 4].map((a) => backoffMs(a, p))).toEqual([500, 1000, 2000, 4000]);
  });

  it('is capped', () => {
    expect(backoffMs(30, policy(0))).toBe(DEFAULT_RETRY.maxDelayMs);
  });

  it('keeps jitter within its bounds: between (1 - jitter) and 1 times the backoff', () => {
    const samples = Array.from({ length: 200 }, (_, n) => backoffMs(3, policy(n / 200)));
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(2000 * (1 - DEFAULT_RETRY.jitter));
    expect(Math.max(...samples)).toBeLessThanOrEqual(2000);
    expect(new Set(samples).size).toBeGreaterThan(50);
  });

  it('stops after the last attempt', () => {
    expect(retryDelayMs(DEFAULT_RETRY.maxAttempts - 1, undefined, policy(0))).not.toBeNull();
    expect(retryDelayMs(DEFAULT_RETRY.maxAttempts, undefined, policy(0))).toBeNull();
    expect(retryDelayMs(DEFAULT_RETRY.maxAttempts, '0', policy(0))).toBeNull();
  });
});

describe('which requests may be sent twice', () => {
  it('retries reads and field updates', () => {
    expect(isRetryable({ method: 'GET' })).toBe(true);
    expect(isRetryable({ method: 'PATCH' })).toBe(true);
    expect(isRetryable({ method: 'DELETE' })).toBe(true);
  });

  it('retries a POST only when it carries an idempotency key', () => {
    expect(isRetryable({ method: 'POST' })).toBe(false);
    expect(isRetryable({ method: 'POST', idempotencyKey: 'client-key' })).toBe(true);
  });
});
