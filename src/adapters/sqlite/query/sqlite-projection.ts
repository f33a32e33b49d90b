import { DatabaseSync } from 'node:sqlite';
import type { QueryProjection } from '../../../app/ports/query-model.port';
import type { Stance } from '../../../domain/approval/approval';
import type { Initiative } from '../../../domain/initiative/initiative.types';
import {
  deleteInitiative,
  deleteStance,
  inTransaction,
  writeInitiative,
  writeStance,
} from './projection-writes';
import { QUERY_SCHEMA } from './schema';
import { SqliteQueryReads } from './sqlite-query-model';

/** A query model in a database of its own (in memory by default): the SharePoint store's replica. */
export class SqliteProjection extends SqliteQueryReads implements QueryProjection {
  constructor(private readonly own: DatabaseSync) {
    super(own);
  }

  putInitiative(i: Initiative): void {
    inTransaction(this.own, () => writeInitiative(this.own, i));
  }

  removeInitiative(id: string): void {
    inTransaction(this.own, () => deleteInitiative(this.own, id));
  }

  putStance(s: Stance): void {
    inTransaction(this.own, () => writeStance(this.own, s));
  }

  removeStance(initiativeId: string, memberId: string): void {
    inTransaction(this.own, () => deleteStance(this.own, initiativeId, memberId));
  }

  /** Applies many changes in one transaction (a replica build or a delta page). */
  batch(fn: () => void): void {
    inTransaction(this.own, fn);
  }

  size(): number {
    return Number((this.own.prepare('SELECT count(*) AS n FROM q_initiatives').get() as { n: number }).n);
  }

  close(): void {
    if (this.own.isOpen) this.own.close();
  }
}

/** Opens an empty query model; `path` ':memory:' (the default) keeps it in the process. */
export function openQueryProjection(path = ':memory:'): QueryProjection {
  const db = new DatabaseSync(path);
  db.exec(QUERY_SCHEMA);
  return new SqliteProjection(db);
}
