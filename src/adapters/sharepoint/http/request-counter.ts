import type { Middleware } from '@microsoft/microsoft-graph-client';
import { middleware, optionOf } from './middleware';
import { RequestIntent } from './request-options';

/**
 * Counts Graph round trips per use case (retries included, token requests excluded), so a bench can
 * report how many requests a vote or a submission costs. One per store, never module-level.
 */
export class RequestCounter {
  private readonly counts = new Map<string, number>();
  private sum = 0;

  record(useCase: string): void {
    this.counts.set(useCase, (this.counts.get(useCase) ?? 0) + 1);
    this.sum += 1;
  }

  get total(): number {
    return this.sum;
  }

  /** Round trips of one use case, e.g. `stances.put`. */
  of(useCase: string): number {
    return this.counts.get(useCase) ?? 0;
  }

  snapshot(): Readonly<Record<string, number>> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.counts.clear();
    this.sum = 0;
  }
}

/**
 * Placed below retry and auth (next to the transport) so every attempt that goes on the wire is
 * counted under the use case the request names (its RequestIntent option). The SDK has no
 * counterpart: its TelemetryHandler only adds headers.
 */
export function withRequestCounter(counter: RequestCounter): Middleware {
  return middleware('request-counter', async (context, next) => {
    counter.record(optionOf(context, RequestIntent)?.useCase ?? 'other');
    await next(context);
  });
}
