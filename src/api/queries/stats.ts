import type { AppDeps } from '../../app/deps';
import type { Initiative, Person } from '../../domain/initiative/initiative.types';
import { STATUSES } from '../../domain/initiative/status';
import type { Count, Stats, StepKey } from '../../contracts/tab-api';
import { readVisible } from './visible';

const DAY = 86_400_000;

function countBy(
  items: readonly Initiative[],
  keys: (i: Initiative) => readonly string[],
  order: readonly string[],
): Count[] {
  const counts = new Map<string, number>(order.map((k) => [k, 0]));
  for (const i of items) for (const k of new Set(keys(i))) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, count }));
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

/** Figures for the overview: sent initiatives (drafts never count), optionally of one year. */
export async function stats(deps: AppDeps, person: Person, year: number | null): Promise<Stats> {
  const c = deps.catalogue;
  const all = (
    await readVisible(deps, person, year === null ? { by: 'all' } : { by: 'year', value: year })
  ).filter((i) => i.status !== 'draft');
  const firstDecision = (i: Initiative) => i.decisions[0]?.decidedAt ?? i.decidedAt;
  const steps: Record<StepKey, (i: Initiative) => number | null> = {
    submitted_to_proposal: (i) => days(i.submittedAt, i.proposal?.proposedAt),
    proposal_to_decision: (i) => days(i.proposal?.proposedAt, firstDecision(i)),
    submitted_to_decision: (i) => days(i.submittedAt, firstDecision(i)),
  };
  const years = [...new Set(all.map((i) => (i.submittedAt ?? i.createdAt).slice(0, 4)))].sort();
  return {
    total: all.length,
    byStatus: countBy(
      all,
      (i) => [i.status],
      STATUSES.filter((s) => s !== 'draft'),
    ),
    byTargetGroup: countBy(
      all,
      (i) => i.form.targetGroupIds,
      c.targetGroups.map((g) => g.id),
    ),
    byGoalWord: countBy(
      all,
      (i) => i.form.goalWordIds,
      c.goalWords.map((g) => g.id),
    ),
    byFactor: countBy(
      all,
      (i) => i.form.factorIds,
      c.factors.map((f) => f.id),
    ),
    byOrganisation: countBy(
      all,
      (i) => i.form.organisationIds,
      c.organisations.map((o) => o.id),
    ),
    byYear: countBy(all, (i) => [(i.submittedAt ?? i.createdAt).slice(0, 4)], years),
    medianDays: (Object.keys(steps) as StepKey[]).map((step) => {
      const values = all.map(steps[step]).filter((d): d is number => d !== null);
      return { step, days: median(values), n: values.length };
    }),
  };
}
