import type { DatabaseSync } from 'node:sqlite';
import type { Notification, Outbox, OutboxEntry } from '../../app/ports/outbox.port';
import { ConflictError } from '../../app/ports/store.errors';
import { readEach, type ReportUnreadable } from '../../app/ports/read-each';
import { mapSqlite } from './sqlite-errors';

interface Row {
  seq: number;
  data: string;
  attempts: number;
  next_attempt_at: string;
  sent_at: string | null;
  last_error: string | null;
  version: number;
}

const toEntry = (r: Row): OutboxEntry => ({
  notification: JSON.parse(r.data) as Notification,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  sentAt: r.sent_at,
  lastError: r.last_error,
  version: String(r.version),
});

/** Durable notification queue; versions keep two instances from delivering the same entry twice. */
export class SqliteOutbox implements Outbox {
  constructor(
    private readonly db: DatabaseSync,
    private readonly report: ReportUnreadable = () => undefined,
  ) {}

  async enqueue(n: Notification): Promise<void> {
    mapSqlite('enqueue notification', () =>
      this.db
        .prepare('INSERT INTO outbox (id, data, next_attempt_at) VALUES (?, ?, ?) ON CONFLICT(id) DO NOTHING')
        .run(n.id, JSON.stringify(n), n.createdAt),
    );
  }

  async due(now: Date, limit: number): Promise<OutboxEntry[]> {
    const rows = this.db
      .prepare('SELECT * FROM outbox WHERE sent_at IS NULL AND next_attempt_at <= ? ORDER BY seq LIMIT ?')
      .all(now.toISOString(), limit) as unknown as Row[];
    return readEach(rows, toEntry, 'notification', (r) => String(r.seq), this.report);
  }

  async claim(entry: OutboxEntry, until: Date): Promise<OutboxEntry> {
    this.change(
      entry,
      'UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, version = version + 1 WHERE id = ? AND version = ?',
      [until.toISOString()],
    );
    const row = this.db
      .prepare('SELECT * FROM outbox WHERE id = ?')
      .get(entry.notification.id) as unknown as Row;
    return toEntry(row);
  }

  async markSent(entry: OutboxEntry, at: Date): Promise<void> {
    this.change(entry, 'UPDATE outbox SET sent_at = ?, version = version + 1 WHERE id = ? AND version = ?', [
      at.toISOString(),
    ]);
  }

  async markFailed(entry: OutboxEntry, error: string, retryAt: Date): Promise<void> {
    this.change(
      entry,
      `UPDATE outbox SET last_error = ?, next_attempt_at = ?, version = version + 1
       WHERE id = ? AND version = ?`,
      [error.slice(0, 500), retryAt.toISOString()],
    );
  }

  private change(entry: OutboxEntry, sql: string, values: string[]): void {
    const result = mapSqlite('update notification', () =>
      this.db.prepare(sql).run(...values, entry.notification.id, Number(entry.version)),
    );
    if (Number(result.changes) !== 1)
      throw new ConflictError('notification was handled by someone else', 'stale');
  }
}
