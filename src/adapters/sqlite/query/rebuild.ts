import type { DatabaseSync } from 'node:sqlite';
import type { Stance } from '../../../domain/approval/approval';
import type { Initiative } from '../../../domain/initiative/initiative.types';
import { writeInitiative, writeStance } from './projection-writes';

/** Fills the query model from the records (in the caller's transaction): run once, when it is added. */
export function rebuildQueryModel(db: DatabaseSync): void {
  const initiatives = db.prepare('SELECT data, version FROM initiatives ORDER BY seq').all() as unknown as {
    data: string;
    version: number;
  }[];
  for (const row of initiatives) {
    writeInitiative(db, { ...(JSON.parse(row.data) as Initiative), version: String(row.version) });
  }
  const stances = db.prepare('SELECT data FROM stances').all() as unknown as { data: string }[];
  for (const row of stances) writeStance(db, JSON.parse(row.data) as Stance);
}
