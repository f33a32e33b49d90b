import { hasRecords } from '../../domain/records/pending';
import type { DatabaseSync } from 'node:sqlite';
import type { Stance } from '../../domain/approval/approval';
import type { AuditEvent } from '../../domain/audit/audit-event';
import type { AuditLog } from '../../app/ports/audit-log.port';
import type { ConversationReference, ConversationStore } from '../../app/ports/conversation-store.port';
import { type Page, type PageRequest, pageSize } from '../../app/ports/paging';
import type { ReferenceCounter } from '../../app/ports/reference-counter.port';
import type { NewStance, StanceRepository } from '../../app/ports/stance-repository.port';
import { ConflictError } from '../../app/ports/store.errors';
import { inTransaction, writeStance } from './query/projection-writes';
import { decodeCursor, encodeCursor, mapSqlite } from './sqlite-errors';

interface StanceRow {
  data: string;
  version: number;
}

const toStance = (row: StanceRow): Stance => ({
  ...(JSON.parse(row.data) as NewStance),
  version: String(row.version),
});

const pendingOf = (s: NewStance) => (hasRecords(s.pendingRecords) ? 1 : 0);

/** One row per (initiative, member): the primary key is the one-stance-per-member rule. */
export class SqliteStances implements StanceRepository {
  constructor(private readonly db: DatabaseSync) {}

  async put(stance: NewStance, expectedVersion: string | null): Promise<Stance> {
    const data = JSON.stringify(stance);
    if (expectedVersion === null) {
      mapSqlite('create stance', () =>
        inTransaction(this.db, () => {
          this.db
            .prepare(
              'INSERT INTO stances (initiative_id, member_id, data, version, pending) VALUES (?, ?, ?, 1, ?)',
            )
            .run(stance.initiativeId, stance.memberId, data, pendingOf(stance));
          writeStance(this.db, stance);
        }),
      );
      return { ...stance, version: '1' };
    }
    const expected = Number(expectedVersion);
    const result = mapSqlite('update stance', () =>
      inTransaction(this.db, () => {
        const r = this.db
          .prepare(
            'UPDATE stances SET data = ?, pending = ?, version = version + 1 WHERE initiative_id = ? AND member_id = ? AND version = ?',
          )
          .run(data, pendingOf(stance), stance.initiativeId, stance.memberId, expected);
        if (Number(r.changes) === 1) writeStance(this.db, stance);
        return r;
      }),
    );
    if (Number(result.changes) !== 1) throw new ConflictError('stance was changed by someone else', 'stale');
    return { ...stance, version: String(expected + 1) };
  }

  async listPending(limit: number): Promise<Stance[]> {
    const rows = this.db
      .prepare('SELECT data, version FROM stances WHERE pending = 1 LIMIT ?')
      .all(limit) as unknown as StanceRow[];
    return rows.map(toStance);
  }

  async get(initiativeId: string, memberId: string): Promise<Stance | null> {
    const row = this.db
      .prepare('SELECT data, version FROM stances WHERE initiative_id = ? AND member_id = ?')
      .get(initiativeId, memberId) as StanceRow | undefined;
    return row ? toStance(row) : null;
  }

  async listFor(initiativeId: string): Promise<Stance[]> {
    const rows = this.db
      .prepare('SELECT data, version FROM stances WHERE initiative_id = ? ORDER BY rowid')
      .all(initiativeId) as unknown as StanceRow[];
    return rows.map(toStance);
  }
}

/** Append-only: the table has triggers that refuse UPDATE and DELETE. */
export class SqliteAuditLog implements AuditLog {
  constructor(private readonly db: DatabaseSync) {}

  async append(event: AuditEvent): Promise<void> {
    mapSqlite('append audit event', () =>
      this.db
        .prepare('INSERT INTO audit_events (id, initiative_id, data) VALUES (?, ?, ?)')
        .run(event.id, event.initiativeId, JSON.stringify(event)),
    );
  }

  async list(initiativeId: string, page?: PageRequest): Promise<Page<AuditEvent>> {
    const limit = pageSize(page);
    const rows = this.db
      .prepare('SELECT seq, data FROM audit_events WHERE initiative_id = ? AND seq > ? ORDER BY seq LIMIT ?')
      .all(initiativeId, decodeCursor(page?.cursor), limit + 1) as unknown as { seq: number; data: string }[];
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map((r) => JSON.parse(r.data) as AuditEvent),
      nextCursor: rows.length > limit && last ? encodeCursor(last.seq) : null,
    };
  }
}

/** A single atomic upsert per number, so concurrent instances never hand out the same one. */
export class SqliteCounters implements ReferenceCounter {
  constructor(private readonly db: DatabaseSync) {}

  async next(year: number): Promise<number> {
    const row = mapSqlite('next reference', () =>
      this.db
        .prepare(
          `INSERT INTO counters (name, value) VALUES (?, 1)
           ON CONFLICT(name) DO UPDATE SET value = value + 1 RETURNING value`,
        )
        .get(`ref-${year}`),
    ) as { value: number };
    return row.value;
  }
}

export class SqliteConversations implements ConversationStore {
  constructor(private readonly db: DatabaseSync) {}

  async save(ref: ConversationReference): Promise<void> {
    mapSqlite('save conversation', () =>
      this.db
        .prepare(
          'INSERT INTO conversations (key, data) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET data = excluded.data',
        )
        .run(ref.key, JSON.stringify(ref)),
    );
  }

  async get(key: string): Promise<ConversationReference | null> {
    const row = this.db.prepare('SELECT data FROM conversations WHERE key = ?').get(key) as
      { data: string } | undefined;
    return row ? (JSON.parse(row.data) as ConversationReference) : null;
  }
}
