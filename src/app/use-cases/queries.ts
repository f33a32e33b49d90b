import type { Initiative, InitiativeForm, Person } from '../../domain/initiative/initiative.types';
import type { Status } from '../../domain/initiative/status';
import { parseReference } from '../../domain/initiative/reference';
import type { AppDeps } from '../deps';
import type { InitiativeIndex } from '../ports/initiative-repository.port';

/** Reads every page of one indexed query (used where result sets are naturally small). */
export async function listAll(deps: AppDeps, index: InitiativeIndex): Promise<Initiative[]> {
  const all: Initiative[] = [];
  let cursor: string | null = null;
  do {
    const page = await deps.store.initiatives.list(index, { cursor, limit: 1000 });
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

/** The person's own initiatives, drafts included, newest first. */
export async function listMine(deps: AppDeps, person: Person): Promise<Initiative[]> {
  const mine = await listAll(deps, { by: 'initiator', value: person.objectId });
  return mine.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
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

const STOP_WORDS = new Set(
  'och att det som en ett för med på av till i är om vi de den inte har kan ska så från eller men the and for with'.split(
    ' ',
  ),
);

function words(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .normalize('NFC')
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 3 && !STOP_WORDS.has(w)),
  );
}

/**
 * Up to three active initiatives that look like this one (shared target group, overlapping words in
 * title and need), so people can join forces instead of duplicating work.
 */
export async function findSimilar(
  deps: AppDeps,
  form: InitiativeForm,
  excludeId?: string,
): Promise<Initiative[]> {
  const mine = words(`${form.title} ${form.background}`);
  const candidates = (
    await Promise.all(ACTIVE.map((status) => listAll(deps, { by: 'status', value: status })))
  ).flat();
  const scored = candidates
    .filter((c) => c.id !== excludeId)
    .map((c) => {
      const theirs = words(`${c.form.title} ${c.form.background}`);
      const overlap = [...mine].filter((w) => theirs.has(w)).length;
      const sharedGroups = c.form.targetGroupIds.filter((g) => form.targetGroupIds.includes(g)).length;
      return { c, overlap, score: overlap * 2 + sharedGroups };
    })
    .filter((s) => s.overlap >= 2 || (s.overlap >= 1 && s.score >= 3));
  return scored
    .sort((a, b) => b.score - a.score || b.c.updatedAt.localeCompare(a.c.updatedAt))
    .slice(0, 3)
    .map((s) => s.c);
}
