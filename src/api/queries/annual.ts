import type { AppDeps } from '../../app/deps';
import type { Initiative, Person } from '../../domain/initiative/initiative.types';
import type { Status } from '../../domain/initiative/status';
import type { AnnualReport, AnnualRow } from '../../contracts/tab-api';
import { latestFollowUp, responsibleOf } from './follow-ups';
import { readVisible } from './visible';

/** Statuses an initiative can have once RUG has decided on it. */
const DECIDED: readonly Status[] = ['approved', 'rejected', 'in_implementation', 'followed_up', 'closed'];

/**
 * The yearly compilation the preparation group makes: initiatives whose current RUG decision was
 * made in the year (by meeting date), with status, responsible party, målbild links and the latest
 * follow-up; in reference order.
 */
export async function annualReport(
  deps: AppDeps,
  person: Person,
  year: number,
  /** 'meeting': by meeting date and paragraph, as the minutes list them; else by reference. */
  order: 'ref' | 'meeting' = 'ref',
): Promise<AnnualReport> {
  // The decision year is an indexed column: only that year's decisions are read.
  const decided = await readVisible(deps, person, { statuses: DECIDED, decisionYear: year });
  const rows: AnnualRow[] = [];
  for (const { initiative: i } of decided) {
    const d = i.decisions[i.decisions.length - 1];
    if (!d || Number((d.meetingDate || d.decidedAt).slice(0, 4)) !== year) continue;
    rows.push(row(i, d));
  }
  rows.sort((a, b) => (a.ref ?? '').localeCompare(b.ref ?? ''));
  if (order === 'meeting') rows.sort(byMeetingAndParagraph);
  return { year, rows };
}

/** Meeting date, then § (decisions outside a meeting last on their day); the sort is stable. */
function byMeetingAndParagraph(a: AnnualRow, b: AnnualRow): number {
  if (a.meetingDate !== b.meetingDate) return a.meetingDate.localeCompare(b.meetingDate);
  return (a.paragraph ?? Number.MAX_SAFE_INTEGER) - (b.paragraph ?? Number.MAX_SAFE_INTEGER);
}

function row(i: Initiative, d: Initiative['decisions'][number]): AnnualRow {
  const f = i.form;
  return {
    id: i.id,
    ref: i.ref,
    title: f.title,
    status: i.status,
    outcome: d.outcome,
    meetingDate: d.meetingDate || d.decidedAt.slice(0, 10),
    paragraph: d.meeting?.paragraph ?? null,
    diarienummer: d.diarienummer ?? null,
    responsibleId: responsibleOf(i),
    organisationIds: f.organisationIds,
    targetGroupIds: f.targetGroupIds,
    goalWordIds: f.goalWordIds,
    factorIds: f.factorIds,
    statementIds: f.statementIds,
    agreementIds: f.agreementIds,
    catalogueVersion: i.catalogueVersion,
    latestFollowUp: latestFollowUp(i),
  };
}
