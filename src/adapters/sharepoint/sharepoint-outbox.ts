import { randomUUID } from 'node:crypto';
import { type Notification, type Outbox, type OutboxEntry, PARKED_UNTIL } from '../../app/ports/outbox.port';
import { readEach, type ReportUnreadable } from '../../app/ports/read-each';
import { ConflictError } from '../../app/ports/store.errors';
import type { Fields, GraphList, ListItem } from './graph-list';
import type { GraphCall } from './http/graph-http';
import { isDuplicate, isNotFound, isStale, mapGraph } from './http/graph-errors';
import { decodeVersion, encodeVersion } from './list-paging';

export const OUTBOX_READ = ['Data', 'WriteToken'] as const;

type EntryState = Omit<OutboxEntry, 'version'>;

function toEntry(item: ListItem): OutboxEntry {
  const state = JSON.parse(String(item.fields.Data)) as EntryState;
  return { ...state, version: encodeVersion(item, state.notification.id) };
}

/**
 * Data holds the whole entry; State (indexed) keeps the "what is due" query to the entries that can
 * be: a parked one has its own state, so it is not read again on every pass.
 */
function fields(state: EntryState, writeToken: string): Fields {
  return {
    Title: state.notification.kind,
    NotificationId: state.notification.id,
    State: state.sentAt !== null ? 'sent' : state.nextAttemptAt >= PARKED_UNTIL ? 'parked' : 'pending',
    NextAttemptAt: state.nextAttemptAt,
    Data: JSON.stringify(state),
    WriteToken: writeToken,
  };
}

/**
 * Durable notification queue. Every change after enqueue is a PATCH with If-Match on the version
 * the caller read, so of two instances handling the same entry exactly one wins.
 */
export class SharePointOutbox implements Outbox {
  constructor(
    private readonly sp: GraphList,
    private readonly report: ReportUnreadable = () => undefined,
  ) {}

  /** The create request for one notification; `$batch` sends several of them in one round trip. */
  createRequest(n: Notification, useCase = 'outbox.enqueue'): GraphCall {
    const state: EntryState = {
      notification: n,
      attempts: 0,
      nextAttemptAt: n.createdAt,
      sentAt: null,
      lastError: null,
    };
    return this.sp.createRequest(fields(state, randomUUID()), useCase, n.id);
  }

  enqueue(n: Notification): Promise<void> {
    return mapGraph('enqueue notification', async () => {
      const state: EntryState = {
        notification: n,
        attempts: 0,
        nextAttemptAt: n.createdAt,
        sentAt: null,
        lastError: null,
      };
      try {
        await this.sp.create(fields(state, randomUUID()), 'outbox.enqueue', n.id);
      } catch (err) {
        // The same id again keeps the one already queued.
        if (!isDuplicate(err)) throw err;
      }
    });
  }

  due(now: Date, limit: number): Promise<OutboxEntry[]> {
    return mapGraph('list due notifications', async () => {
      const pending = await this.sp.findAll({ column: 'State', value: 'pending' }, 'outbox.due', () => true);
      return readEach(pending, toEntry, 'notification', (item) => item.itemId, this.report)
        .filter((e) => e.sentAt === null && Date.parse(e.nextAttemptAt) <= now.getTime())
        .slice(0, Math.max(0, limit));
    });
  }

  claim(entry: OutboxEntry, until: Date): Promise<OutboxEntry> {
    const next = { ...entry, attempts: entry.attempts + 1, nextAttemptAt: until.toISOString() };
    return mapGraph('claim notification', () => this.change(entry, next));
  }

  async markSent(entry: OutboxEntry, at: Date): Promise<void> {
    await mapGraph('mark notification sent', () =>
      this.change(entry, { ...entry, sentAt: at.toISOString() }),
    );
  }

  async markFailed(entry: OutboxEntry, error: string, retryAt: Date): Promise<void> {
    const next = { ...entry, lastError: error.slice(0, 500), nextAttemptAt: retryAt.toISOString() };
    await mapGraph('record failed notification', () => this.change(entry, next));
  }

  private async change(entry: OutboxEntry, next: OutboxEntry): Promise<OutboxEntry> {
    const id = entry.notification.id;
    const at = decodeVersion(entry.version, id);
    if (!at) throw new ConflictError('notification: not a version of this entry', 'stale');
    const { version: _version, ...state } = next;
    const token = randomUUID();
    try {
      const eTag = await this.sp.update(at.itemId, at.eTag, fields(state, token), 'outbox.change');
      return { ...state, version: encodeVersion({ itemId: at.itemId, eTag }, id) };
    } catch (err) {
      if (isNotFound(err)) throw new ConflictError('notification is gone', 'stale');
      if (!isStale(err)) throw err;
      const now = await this.sp.read(at.itemId, 'outbox.change');
      if (now?.fields.WriteToken === token) return toEntry(now);
      throw new ConflictError('notification was handled by someone else', 'stale');
    }
  }
}
