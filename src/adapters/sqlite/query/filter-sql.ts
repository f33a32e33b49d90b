import type { InitiativeFilter, QueryOrder } from '../../../app/ports/query-model.port';
import { foldSwedish } from '../../../domain/shared/text-fold';
import type { TagKind } from './projection-writes';

export type SqlValue = string | number;

/** FTS5 phrase syntax: the word in double quotes, inner quotes doubled, so user text stays inert. */
export const phrase = (word: string): string => `"${word.replace(/"/g, '""')}"`;

const likeEscaped = (word: string): string => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The WHERE clause (over `q_initiatives q`) and its parameters for a filter. */
export function whereFor(f: InitiativeFilter): [string, SqlValue[]] {
  const clauses: string[] = ["(q.status <> 'draft' OR q.initiator_id = ?)"];
  const params: SqlValue[] = [f.viewerId];
  if (!f.includeDrafts) clauses.push("q.status <> 'draft'");
  if (f.initiatorId !== undefined) {
    clauses.push('q.initiator_id = ?');
    params.push(f.initiatorId);
  }
  if (f.statuses && f.statuses.length > 0) {
    clauses.push(`q.status IN (${f.statuses.map(() => '?').join(', ')})`);
    params.push(...f.statuses);
  }
  const tag = (kinds: readonly TagKind[], value: string) => {
    clauses.push(
      `EXISTS (SELECT 1 FROM q_tags t WHERE t.kind IN (${kinds.map(() => '?').join(', ')}) AND t.tag = ? AND t.seq = q.seq)`,
    );
    params.push(...kinds, value);
  };
  if (f.organisation) tag(['organisation'], f.organisation);
  if (f.targetGroup) tag(['targetGroup'], f.targetGroup);
  if (f.malbild) tag(['goalWord', 'factor', 'statement'], f.malbild);
  if (f.year !== undefined && f.year !== null) {
    clauses.push('q.year = ?');
    params.push(f.year);
  }
  if (f.decisionYear !== undefined && f.decisionYear !== null) {
    clauses.push('q.decision_year = ?');
    params.push(f.decisionYear);
  }
  for (const word of foldSwedish(f.text ?? '')
    .split(/\s+/)
    .filter(Boolean)) {
    // Trigrams find substrings of three letters or more through the index; shorter words scan
    // the folded text (still no record is read or parsed).
    if ([...word].length >= 3) {
      clauses.push('q.seq IN (SELECT rowid FROM q_text WHERE q_text MATCH ?)');
      params.push(phrase(word));
    } else {
      clauses.push("q.seq IN (SELECT rowid FROM q_text WHERE hay LIKE ? ESCAPE '\\')");
      params.push(likeEscaped(word));
    }
  }
  if (f.clientKey !== undefined) {
    // Among the initiator's rows (indexed); compared in SQL, so no other record is parsed.
    clauses.push("json_extract(q.data, '$.clientKey') = ?");
    params.push(f.clientKey);
  }
  if (f.withoutStanceOf !== undefined) {
    clauses.push('NOT EXISTS (SELECT 1 FROM q_stances s WHERE s.initiative_id = q.id AND s.member_id = ?)');
    params.push(f.withoutStanceOf);
  }
  return [clauses.join(' AND '), params];
}

const COLUMN: Record<QueryOrder['by'], string> = {
  updated: 'q.updated_at',
  submitted: 'q.submitted_at',
  ref: 'q.ref',
  title: 'q.title_key',
  status: 'q.status_rank',
};

/** ORDER BY for a sort; ties fall back to the id in the same direction, so pages are stable. */
export function orderFor(order: QueryOrder): string {
  const dir = order.desc ? 'DESC' : 'ASC';
  return `${COLUMN[order.by]} ${dir}, q.id ${dir}`;
}
