import type { DatabaseSync } from 'node:sqlite';
import type { Stance } from '../../../domain/approval/approval';
import type { Initiative } from '../../../domain/initiative/initiative.types';
import { readEach, type ReportUnreadable } from '../../../app/ports/read-each';
import { writeInitiative, writeStance } from './projection-writes';

/** Fills the query model from the records (in the caller's transaction): run once, when it is added. */
export function rebuildQueryModel(db: DatabaseSync, report: ReportUnreadable): void {
  const initiatives = db
    .prepare('SELECT id, data, version FROM initiatives ORDER BY seq')
    .all() as unknown as {
    id: string;
    data: string;
    version: number;
  }[];
  // An unreadable record is left out (and reported) rather than stopping the app from starting.
  const read = readEach(
    initiatives,
    (row) => ({ ...(JSON.parse(row.data) as Initiative), version: String(row.version) }),
    'initiative',
    (row) => row.id,
    report,
  );
  for (const i of read) writeInitiative(db, i);
  const stances = db.prepare('SELECT rowid, data FROM stances').all() as unknown as {
    rowid: number;
    data: string;
  }[];
  const votes = readEach(
    stances,
    (row) => JSON.parse(row.data) as Stance,
    'stance',
    (row) => String(row.rowid),
    report,
  );
  for (const s of votes) writeStance(db, s);
}
