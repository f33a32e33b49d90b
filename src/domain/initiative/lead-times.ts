/** The steps of the process whose typical duration the overview shows. */
export type LeadStep = 'submitted_to_proposal' | 'proposal_to_decision' | 'submitted_to_decision';

export interface LeadTime {
  readonly step: LeadStep;
  /** Median in days, one decimal; null when no initiative has taken the step yet. */
  readonly days: number | null;
  /** How many initiatives the median is over. */
  readonly n: number;
}

/** The three dates lead times are measured between. */
export interface Milestones {
  readonly submittedAt: string | null;
  readonly proposedAt: string | null;
  readonly firstDecidedAt: string | null;
}

const DAY = 86_400_000;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const m = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return Math.round(m * 10) / 10;
}

function days(from: string | null, to: string | null): number | null {
  if (!from || !to) return null;
  const d = (Date.parse(to) - Date.parse(from)) / DAY;
  return Number.isFinite(d) && d >= 0 ? d : null;
}

const STEPS: Readonly<Record<LeadStep, (m: Milestones) => number | null>> = {
  submitted_to_proposal: (m) => days(m.submittedAt, m.proposedAt),
  proposal_to_decision: (m) => days(m.proposedAt, m.firstDecidedAt),
  submitted_to_decision: (m) => days(m.submittedAt, m.firstDecidedAt),
};

/** Median days per step (a step counts only when both its dates exist and are in order). */
export function leadTimes(all: readonly Milestones[]): LeadTime[] {
  return (Object.keys(STEPS) as LeadStep[]).map((step) => {
    const values = all.map(STEPS[step]).filter((d): d is number => d !== null);
    return { step, days: median(values), n: values.length };
  });
}
