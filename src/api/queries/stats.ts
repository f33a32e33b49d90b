import type { AppDeps } from '../../app/deps';
import type { Person } from '../../domain/initiative/initiative.types';
import { STATUSES } from '../../domain/initiative/status';
import type { Count, Stats } from '../../contracts/tab-api';
import { visibleFilter } from './visible';
import { isActive } from '../../domain/catalogue/catalogue-version';

/**
 * Counts in the catalogue's order (zeros included for entries in use), then any other key the data
 * holds — a retired entry shows while initiatives still count under it.
 */
function inOrder(counts: ReadonlyMap<string, number>, order: readonly string[]): Count[] {
  const out = new Map<string, number>(order.map((k) => [k, 0]));
  for (const [key, count] of counts) out.set(key, (out.get(key) ?? 0) + count);
  return [...out].map(([key, count]) => ({ key, count }));
}

/** Figures for the overview: sent initiatives (drafts never count), optionally of one year. */
export async function stats(deps: AppDeps, person: Person, year: number | null): Promise<Stats> {
  const c = deps.catalogue;
  const facts = await deps.store.queries.stats(visibleFilter(person, { year }));
  return {
    total: facts.total,
    byStatus: inOrder(
      facts.byStatus,
      STATUSES.filter((s) => s !== 'draft'),
    ),
    byTargetGroup: inOrder(
      facts.byTargetGroup,
      c.targetGroups.filter(isActive).map((g) => g.id),
    ),
    byGoalWord: inOrder(
      facts.byGoalWord,
      c.goalWords.filter(isActive).map((g) => g.id),
    ),
    byFactor: inOrder(
      facts.byFactor,
      c.factors.filter(isActive).map((f) => f.id),
    ),
    byOrganisation: inOrder(
      facts.byOrganisation,
      c.organisations.filter(isActive).map((o) => o.id),
    ),
    byYear: inOrder(facts.byYear, [...facts.byYear.keys()].sort()),
    medianDays: facts.leadTimes,
  };
}
