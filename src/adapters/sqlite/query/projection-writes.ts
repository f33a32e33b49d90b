import type { DatabaseSync } from 'node:sqlite';
import type { Stance } from '../../../domain/approval/approval';
import type { Initiative } from '../../../domain/initiative/initiative.types';
import { STATUSES } from '../../../domain/initiative/status';
import { similarityWords } from '../../../domain/initiative/similarity';
import { foldSwedish, swedishSortKey } from '../../../domain/shared/text-fold';

const RANK = new Map<string, number>(STATUSES.map((s, n) => [s, n]));

/** The tag kinds the list filters and the overview counts by. */
export const TAG_KINDS = {
  organisation: 'organisationIds',
  targetGroup: 'targetGroupIds',
  goalWord: 'goalWordIds',
  factor: 'factorIds',
  statement: 'statementIds',
} as const;
export type TagKind = keyof typeof TAG_KINDS;

const year = (iso: string | null | undefined): number | null => (iso ? Number(iso.slice(0, 4)) : null);

/** What the text search looks in, folded once here so every query compares folded text. */
export function searchText(i: Initiative): string {
  const f = i.form;
  return foldSwedish(`${i.ref ?? ''} ${f.title} ${f.background} ${f.description} ${i.initiator.name}`);
}

/**
 * Writes one initiative's rows (replacing what was there) in the caller's transaction. Kept free
 * of the store's own tables so the same code feeds the embedded store and the SharePoint replica.
 */
export function writeInitiative(db: DatabaseSync, i: Initiative): void {
  const decision = i.decisions[i.decisions.length - 1];
  const firstDecidedAt = i.decisions[0]?.decidedAt ?? i.decidedAt;
  const existing = db.prepare('SELECT seq FROM q_initiatives WHERE id = ?').get(i.id) as
    { seq: number } | undefined;
  const values = [
    i.status,
    RANK.get(i.status) ?? STATUSES.length,
    i.initiator.objectId,
    Number((i.submittedAt ?? i.createdAt).slice(0, 4)),
    decision ? year(decision.meetingDate || decision.decidedAt) : null,
    i.ref ?? '',
    swedishSortKey(i.form.title),
    i.submittedAt ?? '',
    i.updatedAt,
    i.proposal?.proposedAt ?? null,
    firstDecidedAt ?? null,
    JSON.stringify(i),
  ] as const;
  let seq: number;
  if (existing) {
    seq = existing.seq;
    db.prepare(
      `UPDATE q_initiatives SET status = ?, status_rank = ?, initiator_id = ?, year = ?, decision_year = ?,
         ref = ?, title_key = ?, submitted_at = ?, updated_at = ?, proposed_at = ?, first_decided_at = ?,
         data = ? WHERE seq = ?`,
    ).run(...values, seq);
    db.prepare('DELETE FROM q_tags WHERE seq = ?').run(seq);
    db.prepare('DELETE FROM q_text WHERE rowid = ?').run(seq);
    db.prepare('DELETE FROM q_words WHERE rowid = ?').run(seq);
  } else {
    const row = db
      .prepare(
        `INSERT INTO q_initiatives (id, status, status_rank, initiator_id, year, decision_year, ref, title_key,
           submitted_at, updated_at, proposed_at, first_decided_at, data)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq`,
      )
      .get(i.id, ...values) as { seq: number };
    seq = row.seq;
  }
  const tag = db.prepare('INSERT OR IGNORE INTO q_tags (kind, tag, seq) VALUES (?, ?, ?)');
  for (const [kind, field] of Object.entries(TAG_KINDS)) {
    for (const value of i.form[field]) tag.run(kind, value, seq);
  }
  db.prepare('INSERT INTO q_text (rowid, hay) VALUES (?, ?)').run(seq, searchText(i));
  db.prepare('INSERT INTO q_words (rowid, words) VALUES (?, ?)').run(
    seq,
    [...similarityWords(i.form)].join(' '),
  );
  recount(db, i.id);
}

export function deleteInitiative(db: DatabaseSync, id: string): void {
  const existing = db.prepare('SELECT seq FROM q_initiatives WHERE id = ?').get(id) as
    { seq: number } | undefined;
  if (!existing) return;
  db.prepare('DELETE FROM q_tags WHERE seq = ?').run(existing.seq);
  db.prepare('DELETE FROM q_text WHERE rowid = ?').run(existing.seq);
  db.prepare('DELETE FROM q_words WHERE rowid = ?').run(existing.seq);
  db.prepare('DELETE FROM q_initiatives WHERE seq = ?').run(existing.seq);
}

export function writeStance(db: DatabaseSync, s: Pick<Stance, 'initiativeId' | 'memberId' | 'stance'>): void {
  db.prepare(
    `INSERT INTO q_stances (initiative_id, member_id, stance) VALUES (?, ?, ?)
     ON CONFLICT(initiative_id, member_id) DO UPDATE SET stance = excluded.stance`,
  ).run(s.initiativeId, s.memberId, s.stance);
  recount(db, s.initiativeId);
}

export function deleteStance(db: DatabaseSync, initiativeId: string, memberId: string): void {
  db.prepare('DELETE FROM q_stances WHERE initiative_id = ? AND member_id = ?').run(initiativeId, memberId);
  recount(db, initiativeId);
}

/** The tally column: stances may arrive before or after their initiative, so both recount. */
function recount(db: DatabaseSync, initiativeId: string): void {
  db.prepare(
    `UPDATE q_initiatives SET approvals =
       (SELECT count(*) FROM q_stances WHERE initiative_id = ? AND stance = 'approve') WHERE id = ?`,
  ).run(initiativeId, initiativeId);
}

/** Runs `fn` in one transaction (or inside the caller's, if one is open). */
export function inTransaction<T>(db: DatabaseSync, fn: () => T): T {
  if (db.isTransaction) return fn();
  db.exec('BEGIN');
  try {
    const out = fn();
    db.exec('COMMIT');
    return out;
  } catch (err) {
    db.exec('ROLLBACK');
    throw err;
  }
}
