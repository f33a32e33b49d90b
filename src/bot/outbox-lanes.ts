/**
 * How a batch of due outbox entries is delivered: one lane per initiative (its notifications stay
 * in order: a card is posted before it is refreshed), a bounded number of lanes at once, and the
 * card refreshes of one initiative in a batch folded into one (each re-renders the current state,
 * so the last one alone shows everything). A Teams 429 pauses the batch: nothing more is started,
 * and the entry is retried when Retry-After says.
 */
import type { OutboxEntry } from '../app/ports/outbox.port';

/** Lanes delivering at once: enough to drain a burst in seconds, few enough not to flood Teams. */
export const OUTBOX_PARALLELISM = 8;

/** Entries handled as one delivery: the first is sent, all are marked sent when it lands. */
export interface Delivery {
  readonly entries: readonly OutboxEntry[];
}

/** Groups a batch into lanes (by initiative, in order) of deliveries (refreshes folded together). */
export function lanesOf(entries: readonly OutboxEntry[]): Delivery[][] {
  const lanes = new Map<string, Delivery[]>();
  for (const entry of entries) {
    const n = entry.notification;
    // Notifications about no initiative (the digest) each get a lane of their own.
    const key = n.initiativeId ? `i:${n.initiativeId}` : `n:${n.id}`;
    const lane = lanes.get(key) ?? [];
    const last = lane[lane.length - 1];
    if (n.kind === 'refresh_cards' && last?.entries[0]?.notification.kind === 'refresh_cards') {
      lane[lane.length - 1] = { entries: [...last.entries, entry] };
    } else {
      lane.push({ entries: [entry] });
    }
    lanes.set(key, lane);
  }
  return [...lanes.values()];
}

/** Retry-After of a throttled Teams answer, in ms; null if the error is not a 429. */
export function throttledFor(err: unknown): number | null {
  const e = err as {
    status?: unknown;
    statusCode?: unknown;
    response?: { status?: unknown; headers?: Record<string, unknown> };
    headers?: Record<string, unknown>;
  };
  const status = e?.response?.status ?? e?.status ?? e?.statusCode;
  if (status !== 429) return null;
  const raw = e.response?.headers?.['retry-after'] ?? e.headers?.['retry-after'];
  const seconds = Number(raw);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 1000;
}

/** Runs `work` over the lanes, at most `parallelism` at once, until done or `stop()` says so. */
export async function runLanes<T>(
  lanes: readonly T[],
  parallelism: number,
  work: (lane: T) => Promise<void>,
  stop: () => boolean,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < lanes.length && !stop()) await work(lanes[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(parallelism, lanes.length) }, worker));
}
