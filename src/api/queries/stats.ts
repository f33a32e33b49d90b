import type { AppDeps } from '../../app/deps';
import type { QueryStats } from '../../app/ports/query-model.port';
import type { Person } from '../../domain/initiative/initiative.types';
import { STATUSES } from '../../domain/initiative/status';
import type { Count, Stats, StepKey } from '../../contracts/tab-api';
import { visibleFilter } from './visible';

const DAY = 86_400_000;

/** Counts in the catalogue's order (zeros included), then any other key the data holds. */
function inOrder(counts: ReadonlyMap<string, number>, order: readonly string[]): Count[] {
  const out = new Map<string, number>(order.map((k) => [k, 0]));
  for (const [key, count] of counts) out.set(key, (out.get(key) ?? 0) + count);
  return [...out].map(([key, count]) => ({ key, count }));
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const m = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return Math.round(m * 10) / 10;
}

function days(from: string | null | undefined, to: string | null | undefined): number | null {
  if (!from || !to) return null;
  const d = (Date.parse(to) - Date.parse(from)) / DAY;
  return Number.isFinite(d) && d >= 0 ? d : null;
}

type Timing = QueryStats['timings'][number];

/** Figures for the overview: sent initiatives (drafts never count), optionally of one year. */
export async function stats(deps: AppDeps, person: Person, year: number | null): Promise<Stats> {
  const c = deps.catalogue;
  const facts = await deps.store.queries.stats(visibleFilter(person, { year }));
  const steps: Record<StepKey, (t: Timing) => number | null> = {
    submitted_to_proposal: (t) => days(t.submittedAt, t.proposedAt),
    proposal_to_decision: (t) => days(t.proposedAt, t.firstDecidedAt),
    submitted_to_decision: (t) => days(t.submittedAt, t.firstDecidedAt),
  };
  return {
    total: facts.total,
    byStatus: inOrder(
      facts.byStatus,
      STATUSES.filter((s) => s !== 'draft'),
    ),
    byTargetGroup: inOrder(
      facts.byTargetGroup,
      c.targetGroups.map((g) => g.id),
    ),
    byGoalWord: inOrder(
      facts.byGoalWord,
      c.goalWords.map((g) => g.id),
    ),
    byFactor: inOrder(
      facts.byFactor,
      c.factors.map((f) => f.id),
    ),
    byOrganisation: inOrder(
      facts.byOrganisation,
      c.organisations.map((o) => o.id),
    ),
    byYear: inOrder(facts.byYear, [...facts.byYear.keys()].sort()),
    medianDays: (Object.keys(steps) as StepKey[]).map((step) => {
      const values = facts.timings.map(steps[step]).filter((d): d is number => d !== null);
      return { step, days: median(values), n: values.length };
    }),
  };
}
