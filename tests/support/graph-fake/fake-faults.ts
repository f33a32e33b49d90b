/**
 * Injected trouble: throttling (429), unavailability (503/504) with Retry-After, writes that are
 * applied but answered with an error (the case that makes idempotency matter), latency, and calls
 * that never answer (client timeouts). Seeded, so a failing run can be repeated.
 */
export interface FaultPlan {
  /** Share (0–1) of Graph calls, outer and $batch-inner alike, that fail. */
  readonly rate?: number;
  /** Statuses to fail with; default 429 and 503. */
  readonly statuses?: readonly number[];
  /** The Retry-After header to send (seconds or an HTTP date); null sends none. Default '0'. */
  readonly retryAfter?: string | null;
  /** Share of failing writes (503/504 only) whose change is applied before the error is sent. */
  readonly afterApply?: number;
  /** Share of failing calls that get no answer at all (outer calls only). */
  readonly hang?: number;
  /** Added before every Graph answer. */
  readonly latencyMs?: number;
  /** Only calls for which this returns true can fail. */
  readonly match?: (method: string, path: string) => boolean;
  readonly seed?: number;
}

export type FaultDecision =
  | { readonly kind: 'none' }
  | { readonly kind: 'before' | 'after'; readonly status: number; readonly retryAfter: string | null }
  | { readonly kind: 'hang' };

/** A small seeded PRNG (mulberry32): reproducible runs without a dependency. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  private plan: FaultPlan = {};
  private random = seeded(1);
  private queued: { status: number; retryAfter: string | null; afterApply: boolean }[] = [];
  injected = 0;

  set(plan: FaultPlan): void {
    this.plan = plan;
    this.random = seeded(plan.seed ?? 1);
  }

  clear(): void {
    this.plan = {};
    this.queued = [];
  }

  /** Fails the next `count` calls (in order) with the given answer. */
  failNext(
    status: number,
    options: { count?: number; retryAfter?: string | null; afterApply?: boolean } = {},
  ): void {
    for (let n = 0; n < (options.count ?? 1); n++) {
      this.queued.push({
        status,
        retryAfter: options.retryAfter ?? null,
        afterApply: options.afterApply ?? false,
      });
    }
  }

  get latencyMs(): number {
    return this.plan.latencyMs ?? 0;
  }

  decide(method: string, path: string, inner: boolean): FaultDecision {
    const next = this.queued.shift();
    if (next) {
      this.injected += 1;
      return {
        kind: next.afterApply && method !== 'GET' ? 'after' : 'before',
        status: next.status,
        retryAfter: next.retryAfter,
      };
    }
    const rate = this.plan.rate ?? 0;
    if (rate <= 0 || (this.plan.match && !this.plan.match(method, path)) || this.random() >= rate)
      return { kind: 'none' };
    this.injected += 1;
    if (!inner && this.random() < (this.plan.hang ?? 0)) return { kind: 'hang' };
    const statuses = this.plan.statuses ?? [429, 503];
    const status = statuses[Math.floor(this.random() * statuses.length)] ?? 503;
    const retryAfter = this.plan.retryAfter === undefined ? '0' : this.plan.retryAfter;
    const applied = method !== 'GET' && status !== 429 && this.random() < (this.plan.afterApply ?? 0);
    return { kind: applied ? 'after' : 'before', status, retryAfter };
  }
}

export function faultAnswer(
  status: number,
  retryAfter: string | null,
): { status: number; headers: Record<string, string>; body: unknown } {
  const code = status === 429 ? 'TooManyRequests' : status === 503 ? 'serviceNotAvailable' : 'gatewayTimeout';
  return {
    status,
    headers: retryAfter === null ? {} : { 'retry-after': retryAfter },
    body: { error: { code, message: 'Injected by the Graph fake.' } },
  };
}
