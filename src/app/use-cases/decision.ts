import type { Decision, FollowUp, Person } from '../../domain/initiative/initiative.types';
import type { Action } from '../../domain/initiative/lifecycle';
import { actorsFor } from '../../domain/initiative/actors';
import { DomainError, ValidationError } from '../../domain/shared/domain.errors';
import type { AppDeps } from '../deps';
import { act, assertApproved, assertResponsible, refreshCards } from './preparation';
import { audit, loadInitiative, notify, updateWithRetry } from './support';
import { requireText } from './text-input';

export interface DecisionInput {
  readonly outcome: Decision['outcome'];
  /** The RUG meeting date, YYYY-MM-DD. */
  readonly meetingDate: string;
  readonly rationale: string;
  readonly diarienummer?: string;
  readonly responsibleId?: string;
  /** Required when a decision already exists: why the new one supersedes it. */
  readonly supersedeReason?: string;
}

const ACTION_FOR: Readonly<Record<Decision['outcome'], Action>> = {
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
 * Records a RUG decision (chair or secretary). A recorded decision is never edited: deciding again
 * appends a new decision that supersedes the previous one, with a reason.
 */
export async function recordDecision(
  deps: AppDeps,
  person: Person,
  initiativeId: string,
  input: DecisionInput,
) {
  const meetingDate = validDate(input.meetingDate.trim());
  const rationale = requireText('rationale', input.rationale, 4000);
  const diarienummer = requireText('diarienummer', input.diarienummer ?? '', 60, false);
  assertResponsible(deps, input.responsibleId);
  const current = await loadInitiative(deps, initiativeId);
  const latest = current.decisions[current.decisions.length - 1];
  if (
    latest &&
    latest.outcome === input.outcome &&
    latest.meetingDate === meetingDate &&
    latest.rationale === rationale &&
    latest.decidedBy.objectId === person.objectId
  ) {
    return current; // the same decision again: a double click or a retried request
  }
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
  };
  const { before, after } = await act(deps, person, initiativeId, ACTION_FOR[input.outcome], (now) => {
    if (now.decisions.length !== current.decisions.length) {
      // Someone recorded a decision meanwhile: never silently supersede it.
      throw new DomainError('DECISION.CHANGED', {
        sv: 'Ett annat beslut registrerades samtidigt. Läs det och försök igen.',
        en: 'Another decision was recorded meanwhile. Read it and try again.',
      });
    }
    return { decisions: [...now.decisions, decision], decidedAt: decision.decidedAt };
  });
  await audit(deps, initiativeId, previous ? 'decision_superseded' : 'decided', person, {
    before: { status: before.status, decision: previous?.outcome ?? null },
    after: { status: after.status, decision: decision.outcome, meetingDate },
  });
  await notify(deps, {
    kind: 'decided',
    initiativeId,
    recipient: { type: 'user', objectId: after.initiator.objectId },
    data: {},
  });
  await refreshCards(deps, initiativeId);
  return after;
}

/** Marks an approved initiative as being carried out. */
export async function startImplementation(deps: AppDeps, person: Person, initiativeId: string) {
  const { after } = await act(deps, person, initiativeId, 'start_implementation');
  await audit(deps, initiativeId, 'implementation_started', person, { after: { status: after.status } });
  await refreshCards(deps, initiativeId);
  return after;
}

export interface FollowUpInput {
  readonly state: FollowUp['state'];
  readonly whatWasDone: string;
  readonly effects: string;
  readonly malbildIds?: readonly string[];
  readonly final?: boolean;
  readonly shareAsStory?: boolean;
}

/**
 * Adds a progress update or follow-up report. The initiator, the preparer, the RUG chair/secretary
 * and admins may report; a final report closes the implementation phase ("followed up").
 */
export async function addFollowUp(deps: AppDeps, person: Person, initiativeId: string, input: FollowUpInput) {
  const whatWasDone = requireText('whatWasDone', input.whatWasDone, 4000);
  const effects = requireText('effects', input.effects, 4000, false);
  const current = await loadInitiative(deps, initiativeId);
  const roles = await deps.directory.rolesOf(person.objectId);
  const actors = actorsFor(person, current, roles);
  if (!actors.some((a) => ['initiator', 'preparer', 'rug_chair', 'rug_secretary', 'admin'].includes(a))) {
    throw new DomainError('FOLLOW_UP.NOT_ALLOWED', {
      sv: 'Du kan inte rapportera uppföljning för det här initiativet.',
      en: 'You cannot report follow-up for this initiative.',
    });
  }
  if (current.status !== 'in_implementation' && current.status !== 'approved') {
    throw new DomainError('FOLLOW_UP.NOT_IN_IMPLEMENTATION', {
      sv: 'Uppföljning rapporteras för beslutade initiativ som genomförs.',
      en: 'Follow-up is reported for approved initiatives being carried out.',
    });
  }
  const repeated = current.followUps.some(
    (f) =>
      f.by.objectId === person.objectId &&
      f.whatWasDone === whatWasDone &&
      f.state === input.state &&
      f.final === (input.final === true),
  );
  if (repeated) return current; // the same report again: a double click or a retried request
  const linked = new Set([
    ...current.form.goalWordIds,
    ...current.form.factorIds,
    ...current.form.statementIds,
  ]);
  const followUp: FollowUp = {
    id: deps.ids.newId(),
    final: input.final === true,
    state: input.state,
    whatWasDone,
    effects,
    malbildIds: (input.malbildIds ?? []).filter((id) => linked.has(id)),
    sharedAsStory: input.shareAsStory === true,
    by: person,
    at: deps.clock.now().toISOString(),
  };
  if (current.status === 'approved') await startImplementation(deps, person, initiativeId);
  const withFollowUp = (latest: { followUps: readonly FollowUp[] }) => ({
    followUps: [...latest.followUps, followUp],
  });
  const { after } = followUp.final
    ? await act(deps, person, initiativeId, 'report_final_follow_up', withFollowUp)
    : (await updateWithRetry(deps, initiativeId, (latest) => ({ ...latest, ...withFollowUp(latest) })))!;
  await audit(deps, initiativeId, 'follow_up_added', person, {
    after: { state: followUp.state, final: followUp.final },
  });
  if (followUp.sharedAsStory) {
    await notify(deps, {
      kind: 'success_story',
      initiativeId,
      recipient: { type: 'channel', key: 'rug' },
      data: { followUpId: followUp.id },
    });
  }
  await refreshCards(deps, initiativeId);
  return after;
}

/** Closes an initiative for good: rejected, followed up, or ended during implementation. */
export async function closeInitiative(deps: AppDeps, person: Person, initiativeId: string) {
  const { before, after } = await act(deps, person, initiativeId, 'close');
  await audit(deps, initiativeId, 'closed', person, {
    before: { status: before.status },
    after: { status: after.status },
  });
  await refreshCards(deps, initiativeId);
  return after;
}
