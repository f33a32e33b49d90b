import type { Initiative, InitiativeForm, Person } from '../../domain/initiative/initiative.types';
import type { Status } from '../../domain/initiative/status';
import { parseReference } from '../../domain/initiative/reference';
import { rankSimilar, similarityWords } from '../../domain/initiative/similarity';
import type { AppDeps } from '../deps';
import { SYSTEM_VIEWER } from '../ports/query-model.port';

/** The initiatives of some statuses, newest change first (sets small by nature). */
export async function listByStatus(deps: AppDeps, statuses: readonly Status[]): Promise<Initiative[]> {
  return (await deps.store.queries.rows({ viewerId: SYSTEM_VIEWER, statuses })).map((r) => r.initiative);
}

/** The person's own initiatives, drafts included, newest first. */
export async function listMine(deps: AppDeps, person: Person): Promise<Initiative[]> {
  const rows = await deps.store.queries.rows({
    viewerId: person.objectId,
    initiatorId: person.objectId,
    includeDrafts: true,
  });
  return rows.map((r) => r.initiative);
}

/** Finds an initiative by the reference a user typed, e.g. "status oh-2026-0007". */
export async function findByReference(deps: AppDeps, typed: string): Promise<Initiative | null> {
  const parsed = parseReference(typed);
  return parsed ? deps.store.initiatives.getByRef(parsed.ref) : null;
}

const ACTIVE: readonly Status[] = [
  'submitted',
  'in_preparation',
  'awaiting_completion',
  'proposal_ready',
  'approved',
  'in_implementation',
];

/** How many full-text candidates are scored; the best matches come first, so few are needed. */
const CANDIDATES = 50;

/**
 * Up to three active initiatives that look like this one (shared target group, overlapping words in
 * title and need), so people can join forces instead of duplicating work. Candidates come from the
 * query model's word index; only they are scored.
 */
export async function findSimilar(
  deps: AppDeps,
  form: InitiativeForm,
  excludeId?: string,
): Promise<Initiative[]> {
  const words = [...similarityWords(form)];
  const candidates = await deps.store.queries.similarCandidates(words, ACTIVE, CANDIDATES + 1);
  return rankSimilar(form, candidates, excludeId);
}
