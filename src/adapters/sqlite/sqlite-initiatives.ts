import type { DatabaseSync } from 'node:sqlite';
import type { Initiative } from '../../domain/initiative/initiative.types';
import { hasRecords } from '../../domain/records/pending';
import type {
  InitiativeIndex,
  InitiativeRepository,
  NewInitiative,
} from '../../app/ports/initiative-repository.port';
import { type Page, type PageRequest, pageSize } from '../../app/ports/paging';
import { ConflictError, NotFoundError } from '../../app/ports/store.errors';
import { inTransaction, writeInitiative } from './query/projection-writes';
import { readEach, type ReportUnreadable } from '../../app/ports/read-each';
import { decodeCursor, encodeCursor, mapSqlite } from './sqlite-errors';

interface Row {
  seq: number;
  data: string;
  version: number;
}

function toInitiative(row: Row): Initiative {
  return { ...(JSON.parse(row.data) as NewInitiative), version: String(row.version) };
}

function serialise(i: NewInitiative | Initiative): string {
  const { version: _version, ...rest } = i as Initiative;
  return JSON.stringify(rest);
}

/** Initiatives in one table; indexed columns mirror the SharePoint list's indexed columns. */
export class SqliteInitiatives implements InitiativeRepository {
  constructor(
    private readonly db: DatabaseSync,
    private readonly report: ReportUnreadable = () => undefined,
  ) {}

  async create(i: NewInitiative): Promise<{ initiative: Initiative; created: boolean }> {
    const existing = this.byClientKey(i.clientKey);
    if (existing) return { initiative: existing, created: false };
    try {
      // The record and its query-model rows change in one transaction: they never disagree.
      mapSqlite('create initiative', () =>
        inTransaction(this.db, () => {
          this.db
            .prepare(
              `INSERT INTO initiatives (id, client_key, ref, status, initiator_id, year, pending, data, version)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)`,
            )
            .run(
              i.id,
              i.clientKey,
              i.ref,
              i.status,
              i.initiator.objectId,
              yearOf(i),
              pendingOf(i),
              serialise(i),
            );
          writeInitiative(this.db, { ...i, version: '1' });
        }),
      );
    } catch (err) {
      // Lost a race on the same clientKey: the winner's initiative is the answer.
      const winner = err instanceof ConflictError ? this.byClientKey(i.clientKey) : null;
      if (winner) return { initiative: winner, created: false };
      throw err;
    }
    return { initiative: { ...i, version: '1' }, created: true };
  }

  async get(id: string): Promise<Initiative | null> {
    const row = this.db.prepare('SELECT seq, data, version FROM initiatives WHERE id = ?').get(id) as
      Row | undefined;
    return row ? toInitiative(row) : null;
  }

  async getByRef(ref: string): Promise<Initiative | null> {
    const row = this.db.prepare('SELECT seq, data, version FROM initiatives WHERE ref = ?').get(ref) as
      Row | undefined;
    return row ? toInitiative(row) : null;
  }

  async update(i: Initiative): Promise<Initiative> {
    const expected = Number(i.version);
    const saved = { ...i, version: String(expected + 1) };
    const result = mapSqlite('update initiative', () =>
      inTransaction(this.db, () => {
        const r = this.db
          .prepare(
            `UPDATE initiatives SET ref = ?, status = ?, initiator_id = ?, year = ?, pending = ?, data = ?,
               version = version + 1
             WHERE id = ? AND version = ?`,
          )
          .run(i.ref, i.status, i.initiator.objectId, yearOf(i), pendingOf(i), serialise(i), i.id, expected);
        if (Number(r.changes) === 1) writeInitiative(this.db, saved);
        return r;
      }),
    );
    if (Number(result.changes) === 1) return saved;
    const exists = this.db.prepare('SELECT 1 AS x FROM initiatives WHERE id = ?').get(i.id);
    if (!exists) throw new NotFoundError(`initiative ${i.id} not found`);
    throw new ConflictError(`initiative ${i.id} was changed by someone else`, 'stale');
  }

  async list(index: InitiativeIndex, page?: PageRequest): Promise<Page<Initiative>> {
    const limit = pageSize(page);
    const after = decodeCursor(page?.cursor);
    const [where, params] = whereFor(index);
    const rows = this.db
      .prepare(`SELECT seq, data, version FROM initiatives WHERE ${where} AND seq > ? ORDER BY seq LIMIT ?`)
      .all(...params, after, limit + 1) as unknown as Row[];
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: readEach(items, toInitiative, 'initiative', (r) => String(r.seq), this.report),
      nextCursor: rows.length > limit && last ? encodeCursor(last.seq) : null,
    };
  }

  private byClientKey(key: string): Initiative | null {
    const row = this.db
      .prepare('SELECT seq, data, version FROM initiatives WHERE client_key = ?')
      .get(key) as Row | undefined;
    return row ? toInitiative(row) : null;
  }
}

const pendingOf = (i: NewInitiative): number => (hasRecords(i.pendingRecords) ? 1 : 0);

function yearOf(i: NewInitiative): number {
  return Number((i.submittedAt ?? i.createdAt).slice(0, 4));
}

function whereFor(index: InitiativeIndex): [string, (string | number)[]] {
  switch (index.by) {
    case 'all':
      return ['1 = 1', []];
    case 'status':
      return ['status = ?', [index.value]];
    case 'initiator':
      return ['initiator_id = ?', [index.value]];
    case 'year':
      return ['year = ?', [index.value]];
    case 'pending':
      return ['pending = 1', []];
  }
}
