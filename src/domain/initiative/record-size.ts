import { StateConflictError } from '../shared/domain.errors';
import type { Initiative } from './initiative.types';

/**
 * An initiative is stored as one JSON text (SharePoint: a multi-line text column, which holds 63,999
 * characters). Its own fields are bounded by the form's limits; what grows is its follow-ups and
 * superseded decisions. The hard limit leaves room for a change's pending records; the soft limit,
 * which ordinary follow-ups must stay under, leaves room to decide, report finally and close.
 */
export const RECORD_HARD_MAX = 48_000;
export const RECORD_SOFT_MAX = 36_000;
/** How much of a compacted text stays in the record; the whole text is in the audit event. */
const KEPT = 280;

export function recordSize(i: Initiative): number {
  const { version: _v, pendingRecords: _p, ...rest } = i;
  return JSON.stringify(rest).length;
}

const shorten = (s: string) => (s.length > KEPT ? `${s.slice(0, KEPT)}…` : s);

/**
 * Fits the record under `max`: the oldest follow-ups, then the oldest superseded decisions, keep a
 * shortened text (marked `compacted`; the audit event of each holds it whole). Throws a clear
 * refusal when even that is not enough.
 */
export function fitRecord(i: Initiative, max = RECORD_HARD_MAX): Initiative {
  let out = i;
  const followUps = [...out.followUps];
  for (let n = 0; recordSize(out) > max && n < followUps.length - 1; n++) {
    const f = followUps[n]!;
    if (f.compacted) continue;
    followUps[n] = {
      ...f,
      whatWasDone: shorten(f.whatWasDone),
      effects: shorten(f.effects),
      compacted: true,
    };
    out = { ...out, followUps: [...followUps] };
  }
  const decisions = [...out.decisions];
  for (let n = 0; recordSize(out) > max && n < decisions.length - 1; n++) {
    const d = decisions[n]!;
    if (d.compacted) continue;
    decisions[n] = {
      ...d,
      rationale: shorten(d.rationale),
      ...(d.supersedeReason ? { supersedeReason: shorten(d.supersedeReason) } : {}),
      compacted: true,
    };
    out = { ...out, decisions: [...decisions] };
  }
  if (recordSize(out) > max) {
    throw new StateConflictError(
      'INITIATIVE.RECORD_FULL',
      {
        sv: 'Initiativet har nått den största mängd text som kan sparas i det. Skriv en kortare text, lämna en slutlig uppföljning och avsluta initiativet, och fortsätt arbetet i ett nytt initiativ.',
        en: 'The initiative holds as much text as it can store. Write a shorter text, report the final follow-up and close the initiative, and continue the work in a new initiative.',
      },
      { size: recordSize(out), max },
    );
  }
  return out;
}
