import type { DecisionInput } from '../../contracts/actions';
import type { Decision, MeetingLink, Person } from '../../domain/initiative/initiative.types';
import type { Action } from '../../domain/initiative/lifecycle';
import { StateConflictError, ValidationError } from '../../domain/shared/domain.errors';
import type { AppDeps } from '../deps';
import { records, recordingConflicts } from './change-records';
import { act, drain } from './commit';
import { assertApproved, assertResponsible, assertShown, loadInitiative, viewerFor } from './support';
import { requireText } from './text-input';

export type { DecisionInput } from '../../contracts/actions';

export const ACTION_FOR: Readonly<Record<Decision['outcome'], Action>> = {
  bifall: 'decide_approve',
  avslag: 'decide_reject',
  aterremiss: 'decide_refer_back',
};

function validDate(value: string): string {
  const ok = /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
  if (!ok || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw new ValidationError([
      {
        field: 'meetingDate',
        code: 'FIELD.DATE',
        message: { sv: 'Ange mötesdatum (ÅÅÅÅ-MM-DD).', en: 'Enter the meeting date (YYYY-MM-DD).' },
      },
    ]);
  }
  return value;
}

/**
 * Records a RUG decision (chair or secretary; not one who is the initiator or declared jäv). A
 * recorded decision is never edited: deciding again appends a new decision that supersedes the
 * previous one, with a reason.
 */
export async function recordDecision(
  deps: AppDeps,
  person: Person,
  initiativeId: string,
  /** `meeting` is set by the meeting's decide use case: the agenda item and its paragraph (§). */
  input: DecisionInput & { readonly meeting?: MeetingLink },
) {
  const meetingDate = validDate(input.meetingDate.trim());
  const rationale = requireText('rationale', input.rationale, 4000);
  const diarienummer = requireText('diarienummer', input.diarienummer ?? '', 60, false);
  const [current, stanceViewer] = await Promise.all([
    loadInitiative(deps, initiativeId),
    viewerFor(deps, person, initiativeId),
  ]);
  assertResponsible(deps, input.responsibleId, current);
  // Jäv noted on an agenda item bars the member from deciding it by any path, not only the meeting's.
  const onAgenda = current.javDeclaredBy?.includes(person.objectId) === true;
  const viewer = onAgenda ? { ...stanceViewer, javDeclared: true } : stanceViewer;
  const latest = current.decisions[current.decisions.length - 1];
  if (
    latest &&
    latest.outcome === input.outcome &&
    latest.meetingDate === meetingDate &&
    latest.rationale === rationale &&
    latest.decidedBy.objectId === person.objectId &&
    // A decision on a meeting's item is the same only if it is on that very item.
    (latest.meeting?.itemId ?? null) === (input.meeting?.itemId ?? null)
  ) {
    // The same decision again (a double click, a retried request): finish what it left pending.
    return drain(deps, current);
  }
  assertShown(current, 'decision', input.shown);
  if (input.outcome !== 'aterremiss') await assertApproved(deps, initiativeId);
  // Only a standing decision (bifall or avslag) is superseded; a referral back is a step, not a verdict.
  const previous = current.status === 'approved' || current.status === 'rejected' ? latest : undefined;
  const supersedeReason = previous
    ? requireText('supersedeReason', input.supersedeReason ?? '', 2000)
    : undefined;
  const decision: Decision = {
    id: deps.ids.newId(),
    outcome: input.outcome,
    meetingDate,
    rationale,
    ...(diarienummer ? { diarienummer } : {}),
    ...(input.responsibleId ? { responsibleId: input.responsibleId } : {}),
    decidedBy: person,
    decidedAt: deps.clock.now().toISOString(),
    ...(previous ? { supersedesId: previous.id, supersedeReason } : {}),
    ...(input.meeting ? { meeting: input.meeting } : {}),
  };
  const change = (now: typeof current) => {
    if (now.decisions.length !== current.decisions.length) {
      // Someone recorded a decision meanwhile: never silently supersede it.
      throw new StateConflictError('DECISION.CHANGED', {
        sv: 'Ett annat beslut registrerades samtidigt. Läs det och försök igen.',
        en: 'Another decision was recorded meanwhile. Read it and try again.',
      });
    }
    return { decisions: [...now.decisions, decision], decidedAt: decision.decidedAt };
  };
  const { after } = await recordingConflicts(deps, person, initiativeId, ACTION_FOR[input.outcome], () =>
    act(
      deps,
      viewer,
      initiativeId,
      ACTION_FOR[input.outcome],
      (before, next) =>
        records(deps)
          .audit(initiativeId, previous ? 'decision_superseded' : 'decided', person, {
            before: { status: before.status, decision: previous?.outcome ?? null },
            // The whole decision, so the record may shorten a superseded one later (record-size.ts).
            after: {
              status: next.status,
              decision: decision.outcome,
              meetingDate,
              rationale,
              ...(diarienummer ? { diarienummer } : {}),
              ...(supersedeReason ? { supersedeReason } : {}),
            },
          })
          .notify({
            kind: 'decided',
            initiativeId,
            recipient: { type: 'user', objectId: next.initiator.objectId },
            data: {},
          })
          .refreshCards(initiativeId),
      change,
      current,
    ),
  );
  return after;
}
