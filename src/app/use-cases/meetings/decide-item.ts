import { records } from '../change-records';
import type { Decision, Initiative, Person } from '../../../domain/initiative/initiative.types';
import { transition } from '../../../domain/initiative/lifecycle';
import { assertMay } from '../../../domain/policy/policy';
import { StateConflictError } from '../../../domain/shared/domain.errors';
import { assertEditable, findItem, replaceItem } from '../../../domain/meeting/agenda';
import { assertMayDecide } from '../../../domain/meeting/jav';
import type { Meeting } from '../../../domain/meeting/meeting.types';
import { paragraphKey } from '../../../domain/meeting/paragraph';
import type { AppDeps } from '../../deps';
import { ACTION_FOR, type DecisionInput, recordDecision } from '../decision';
import { assertApproved, assertResponsible, loadInitiative, viewerFor, assertShown } from '../support';
import { requireText } from '../text-input';
import { cardRefresh, commitMeeting, loadMeeting } from './meeting-support';

export type ItemDecisionInput = Omit<DecisionInput, 'meetingDate' | 'meeting'>;

const linkedTo = (meeting: Meeting, itemId: string) => (d: Decision) =>
  d.meeting?.meetingId === meeting.id && d.meeting.itemId === itemId;

/**
 * Everything recordDecision would refuse, checked before a paragraph number is taken: a number is
 * claimed only for a decision that will be recorded, so the year's numbering keeps no holes.
 */
async function assertDecidable(
  deps: AppDeps,
  person: Person,
  initiative: Initiative,
  input: ItemDecisionInput,
) {
  requireText('rationale', input.rationale, 4000);
  requireText('diarienummer', input.diarienummer ?? '', 60, false);
  assertResponsible(deps, input.responsibleId, initiative);
  // The policy decides on the initiative as it is now: role, jäv declared on its review card, status.
  transition(ACTION_FOR[input.outcome], initiative, await viewerFor(deps, person, initiative.id));
  assertShown(initiative, 'decision', input.shown);
  if (input.outcome !== 'aterremiss') await assertApproved(deps, initiative.id);
  if (initiative.status === 'approved' || initiative.status === 'rejected') {
    requireText('supersedeReason', input.supersedeReason ?? '', 2000);
  }
}

/**
 * The chair records the decision on an agenda item: the one decision use case, tied to the meeting
 * and given the year's next paragraph number. A member with jäv on the item cannot decide it.
 * A retry after any fault finds the same number and the same decision and completes the record.
 */
export async function decideItem(
  deps: AppDeps,
  person: Person,
  meetingId: string,
  itemId: string,
  input: ItemDecisionInput,
): Promise<Meeting> {
  const [meeting, asker] = await Promise.all([loadMeeting(deps, meetingId), viewerFor(deps, person)]);
  // The role to decide (chair or secretary) before anything else, on every path: a replay that only
  // finishes the record (the item marked with its §) writes the minutes too. Jäv and the status are
  // asked of the initiative below, where they apply.
  assertMay(ACTION_FOR[input.outcome], null, asker);
  assertEditable(meeting);
  const item = findItem(meeting, itemId);
  if (item.decision) return meeting; // decided already: a double click or a retried request
  assertMayDecide(item, person.objectId);
  const initiative = await loadInitiative(deps, item.initiativeId);
  const done = initiative.decisions.find(linkedTo(meeting, itemId));
  let decision = done;
  if (!decision) {
    await assertDecidable(deps, person, initiative, input);
    // Mark the item first, in the meeting record: while the decision is recorded, the minutes cannot
    // go out for justering and the item cannot change (jäv, removal) — the checks above still hold.
    await commitMeeting(deps, meetingId, (m) => {
      assertEditable(m);
      const current = findItem(m, itemId);
      assertMayDecide(current, person.objectId);
      if (current.deciding) return null;
      const deciding = { by: person.objectId, at: deps.clock.now().toISOString() };
      return {
        next: { ...m, agenda: replaceItem(m.agenda, { ...current, deciding }) },
        records: records(deps),
      };
    });
    const paragraph = await deps.store.paragraphs.claim(meeting.year, paragraphKey(meeting.id, itemId));
    decision = await recordDecision(deps, person, item.initiativeId, {
      ...input,
      meetingDate: meeting.date,
      meeting: { meetingId: meeting.id, itemId, paragraph },
    }).then(
      (after) => after.decisions.find(linkedTo(meeting, itemId)),
      async (err: unknown) => {
        // A concurrent double click recorded this very item's decision first: that is our decision.
        const now = await loadInitiative(deps, item.initiativeId);
        const same = now.decisions.find(linkedTo(meeting, itemId));
        if (err instanceof StateConflictError && err.code === 'DECISION.CHANGED' && same) return same;
        throw err;
      },
    );
  }
  if (!decision?.meeting) return meeting; // recordDecision saw the same decision taken outside the meeting
  const { paragraph } = decision.meeting;
  const decisionId = decision.id;
  const { after } = await commitMeeting(deps, meetingId, (m) => {
    const current = findItem(m, itemId);
    if (current.decision) return null;
    const { deciding: _done, ...decided } = current;
    const agenda = replaceItem(m.agenda, { ...decided, decision: { paragraph, decisionId } });
    const next: Meeting = { ...m, agenda, status: m.status === 'planned' ? 'held' : m.status };
    return { next, records: cardRefresh(deps, m) };
  });
  return after;
}
