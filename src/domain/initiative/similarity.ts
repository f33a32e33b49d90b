import { foldSwedish } from '../shared/text-fold';
import type { Initiative, InitiativeForm } from './initiative.types';

const STOP_WORDS = new Set(
  'och att det som en ett för med på av till i är om vi de den inte har kan ska så från eller men the and for with'.split(
    ' ',
  ),
);

/** The words two initiatives are compared by: title and need, longer than three letters, no stop words. */
export function similarityWords(form: Pick<InitiativeForm, 'title' | 'background'>): Set<string> {
  return new Set(
    foldSwedish(`${form.title} ${form.background}`)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 3 && !STOP_WORDS.has(w)),
  );
}

/**
 * Up to three of `candidates` that look like `form` (overlapping words, shared target groups), best
 * first; a single shared word counts only together with a shared target group.
 */
export function rankSimilar(
  form: InitiativeForm,
  candidates: readonly Initiative[],
  excludeId?: string,
): Initiative[] {
  const mine = similarityWords(form);
  return candidates
    .filter((c) => c.id !== excludeId)
    .map((c) => {
      const theirs = similarityWords(c.form);
      const overlap = [...mine].filter((w) => theirs.has(w)).length;
      const sharedGroups = c.form.targetGroupIds.filter((g) => form.targetGroupIds.includes(g)).length;
      return { c, overlap, score: overlap * 2 + sharedGroups };
    })
    .filter((s) => s.overlap >= 2 || (s.overlap >= 1 && s.score >= 3))
    .sort((a, b) => b.score - a.score || b.c.updatedAt.localeCompare(a.c.updatedAt))
    .slice(0, 3)
    .map((s) => s.c);
}
