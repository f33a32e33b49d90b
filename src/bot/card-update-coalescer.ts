/**
 * At most one update per posted card per interval (Teams throttles message updates per
 * conversation), always ending on the latest state: an update asked for within the interval of
 * the last one waits for the interval to end, and if more arrive meanwhile only the newest card is
 * sent; everyone who asked learns the outcome of that one send. Sends of new cards pass through.
 */
import type { ChatGateway } from '../app/ports/chat-gateway.port';
import type { ConversationReference } from '../app/ports/conversation-store.port';

/** One second: Teams' documented per-thread budget is higher, so this is the lower bound. */
export const CARD_UPDATE_INTERVAL_MS = 1000;

interface Waiting {
  ref: ConversationReference;
  card: object;
  resolve: Array<() => void>;
  reject: Array<(err: unknown) => void>;
}

interface CardState {
  lastAt: number;
  waiting: Waiting | null;
  inFlight: Promise<void> | null;
}

export class CoalescingGateway implements ChatGateway {
  private readonly cards = new Map<string, CardState>();
  /** Updates actually sent (for tests and the bench). */
  sentUpdates = 0;

  constructor(
    private readonly inner: ChatGateway,
    private readonly intervalMs = CARD_UPDATE_INTERVAL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  sendCard(ref: ConversationReference, card: object, summary: string): Promise<{ activityId: string }> {
    return this.inner.sendCard(ref, card, summary);
  }

  updateCard(ref: ConversationReference, activityId: string, card: object): Promise<void> {
    const key = `${ref.conversationId}|${activityId}`;
    if (this.cards.size > 1000) this.prune();
    const state = this.cards.get(key) ?? { lastAt: -Infinity, waiting: null, inFlight: null };
    this.cards.set(key, state);
    return new Promise<void>((resolve, reject) => {
      if (state.waiting) {
        // A newer state replaces the one not yet sent; its callers learn this send's outcome.
        state.waiting = { ...state.waiting, ref, card };
        state.waiting.resolve.push(resolve);
        state.waiting.reject.push(reject);
        return;
      }
      state.waiting = { ref, card, resolve: [resolve], reject: [reject] };
      const due = Math.max(0, state.lastAt + this.intervalMs - this.now());
      const fire = () => void this.flush(activityId, state);
      if (due === 0 && !state.inFlight) fire();
      else setTimeout(fire, due);
    });
  }

  /** Forgets cards that are idle and past their interval (their state no longer matters). */
  private prune(): void {
    for (const [key, state] of this.cards) {
      if (!state.waiting && !state.inFlight && this.now() - state.lastAt >= this.intervalMs)
        this.cards.delete(key);
    }
  }

  private async flush(activityId: string, state: CardState): Promise<void> {
    if (state.inFlight) await state.inFlight.catch(() => undefined);
    // The previous send may have ended early in its interval: wait out the rest of it.
    const rest = state.lastAt + this.intervalMs - this.now();
    if (rest > 0) await new Promise((r) => setTimeout(r, rest));
    if (state.inFlight) return; // another flush took the job meanwhile
    const job = state.waiting;
    if (!job) return;
    state.waiting = null;
    state.lastAt = this.now();
    this.sentUpdates++;
    state.inFlight = this.inner.updateCard(job.ref, activityId, job.card);
    try {
      await state.inFlight;
      for (const r of job.resolve) r();
    } catch (err) {
      for (const r of job.reject) r(err);
    } finally {
      state.inFlight = null;
    }
  }
}
