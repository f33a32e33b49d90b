import type { DatabaseSync } from 'node:sqlite';
import type {
  InitiativeFilter,
  InitiativeQueries,
  QueryOrder,
  QueryRow,
  QueryStats,
} from '../../../app/ports/query-model.port';
import type { Initiative } from '../../../domain/initiative/initiative.types';
import { leadTimes } from '../../../domain/initiative/lead-times';
import type { Status } from '../../../domain/initiative/status';
import { type SqlValue, orderFor, phrase, whereFor } from './filter-sql';
import type { TagKind } from './projection-writes';
import { ResultCache } from './result-cache';

interface Row {
  data: string;
  approvals: number;
  voters: string | null;
}

const toRow = (r: Row): QueryRow => ({
  initiative: JSON.parse(r.data) as Initiative,
  approvals: r.approvals,
  stanceMemberIds: r.voters ? (JSON.parse(r.voters) as string[]) : [],
});

const SELECT_ROW = `SELECT q.data, q.approvals,
  (SELECT json_group_array(s.member_id) FROM q_stances s WHERE s.initiative_id = q.id) AS voters
  FROM q_initiatives q`;

/** Reads of the query model: SQL over indexed columns; only the rows a page shows are parsed. */
export class SqliteQueryReads implements InitiativeQueries {
  private readonly cache: ResultCache;

  constructor(private readonly db: DatabaseSync) {
    this.cache = new ResultCache(db);
  }

  async page(
    filter: InitiativeFilter,
    order: QueryOrder,
    offset: number,
    limit: number,
  ): Promise<{ rows: QueryRow[]; total: number }> {
    const db = this.db;
    const [where, params] = whereFor(filter);
    const total = this.cache.get(`count:${where}:${JSON.stringify(params)}`, () =>
      Number(
        (
          db.prepare(`SELECT count(*) AS n FROM q_initiatives q WHERE ${where}`).get(...params) as {
            n: number;
          }
        ).n,
      ),
    );
    const rows = db
      .prepare(`${SELECT_ROW} WHERE ${where} ORDER BY ${orderFor(order)} LIMIT ? OFFSET ?`)
      .all(...params, limit, offset) as unknown as Row[];
    return { rows: rows.map(toRow), total: Number(total) };
  }

  async rows(filter: InitiativeFilter): Promise<QueryRow[]> {
    const [where, params] = whereFor(filter);
    const rows = this.db
      .prepare(`${SELECT_ROW} WHERE ${where} ORDER BY ${orderFor({ by: 'updated', desc: true })}`)
      .all(...params) as unknown as Row[];
    return rows.map(toRow);
  }

  async stats(filter: InitiativeFilter): Promise<QueryStats> {
    const [where, params] = whereFor(filter);
    return this.cache.get(`stats:${where}:${JSON.stringify(params)}`, () => this.computeStats(where, params));
  }

  private computeStats(where: string, params: SqlValue[]): QueryStats {
    const db = this.db;
    const grouped = (column: string): Map<string, number> =>
      new Map(
        (
          db
            .prepare(`SELECT ${column} AS k, count(*) AS n FROM q_initiatives q WHERE ${where} GROUP BY k`)
            .all(...params) as unknown as { k: string | number; n: number }[]
        ).map((r) => [String(r.k), Number(r.n)]),
      );
    const tags = (kind: TagKind): Map<string, number> =>
      new Map(
        (
          db
            .prepare(
              `SELECT t.tag AS k, count(*) AS n FROM q_tags t JOIN q_initiatives q ON q.seq = t.seq
               WHERE t.kind = ? AND ${where} GROUP BY t.tag`,
            )
            .all(kind, ...params) as unknown as { k: string; n: number }[]
        ).map((r) => [r.k, Number(r.n)]),
      );
    const timings = db
      .prepare(
        `SELECT q.submitted_at AS s, q.proposed_at AS p, q.first_decided_at AS d FROM q_initiatives q WHERE ${where}`,
      )
      .all(...params) as unknown as { s: string; p: string | null; d: string | null }[];
    return {
      total: timings.length,
      byStatus: grouped('q.status'),
      byOrganisation: tags('organisation'),
      byTargetGroup: tags('targetGroup'),
      byGoalWord: tags('goalWord'),
      byFactor: tags('factor'),
      byYear: grouped('q.year'),
      leadTimes: leadTimes(
        timings.map((t) => ({ submittedAt: t.s || null, proposedAt: t.p, firstDecidedAt: t.d })),
      ),
    };
  }

  async similarCandidates(
    words: readonly string[],
    statuses: readonly Status[],
    limit: number,
  ): Promise<Initiative[]> {
    if (words.length === 0 || statuses.length === 0) return [];
    const params: SqlValue[] = [words.map(phrase).join(' OR '), ...statuses, limit];
    const rows = this.db
      .prepare(
        `SELECT q.data FROM q_words w JOIN q_initiatives q ON q.seq = w.rowid
         WHERE q_words MATCH ? AND q.status IN (${statuses.map(() => '?').join(', ')})
         ORDER BY w.rank LIMIT ?`,
      )
      .all(...params) as unknown as { data: string }[];
    return rows.map((r) => JSON.parse(r.data) as Initiative);
  }
}
