import type { FollowUpInput } from '../../contracts/actions';
import type { FollowUp, Person } from '../../domain/initiative/initiative.types';
import { assertMay, type Viewer } from '../../domain/policy/policy';
import type { AppDeps } from '../deps';
import { records } from './change-records';
import { act, loadInitiative, updateWithRetry, viewerFor } from './support';
import { requireText } from './text-input';

export type { FollowUpInput } from '../../contracts/actions';

async function start(deps: AppDeps, viewer: Viewer, person: Person, initiativeId: string) {
  const { after } = await act(deps, viewer, initiativeId, 'start_implementation');
  await records(deps)
    .audit(initiativeId, 'implementation_started', person, { after: { status: after.status } })
    .refreshCards(initiativeId)
    .write();
  return after;
}

/** Marks an approved initiative as being carried out. */
export async function startImplementation(deps: AppDeps, person: Person, initiativeId: string) {
  return start(deps, await viewerFor(deps, person), person, initiativeId);
}

/**
 * Adds a progress update or follow-up report. The initiator, the preparation group and preparer, the
 * RUG chair/secretary and admins may report; a final report closes the implementation phase.
 */
export async function addFollowUp(deps: AppDeps, person: Person, initiativeId: string, input: FollowUpInput) {
  const whatWasDone = requireText('whatWasDone', input.whatWasDone, 4000);
  const effects = requireText('effects', input.effects, 4000, false);
  const [current, viewer] = await Promise.all([loadInitiative(deps, initiativeId), viewerFor(deps, person)]);
  assertMay('add_follow_up', current, viewer);
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
  if (current.status === 'approved') await start(deps, viewer, person, initiativeId);
  const withFollowUp = (latest: { followUps: readonly FollowUp[] }) => ({
    followUps: [...latest.followUps, followUp],
  });
  const { after } = followUp.final
    ? await act(deps, viewer, initiativeId, 'report_final_follow_up', withFollowUp)
    : (await updateWithRetry(deps, initiativeId, (latest) => {
        assertMay('add_follow_up', latest, viewer);
        return { ...latest, ...withFollowUp(latest) };
      }))!;
  const changes = records(deps).audit(initiativeId, 'follow_up_added', person, {
    after: { state: followUp.state, final: followUp.final },
  });
  if (followUp.sharedAsStory) {
    changes.notify({
      kind: 'success_story',
      initiativeId,
      recipient: { type: 'channel', key: 'rug' },
      data: { followUpId: followUp.id },
    });
  }
  await changes.refreshCards(initiativeId).write();
  return after;
}

/** Closes an initiative for good: rejected, followed up, or ended during implementation. */
export async function closeInitiative(deps: AppDeps, person: Person, initiativeId: string) {
  const { before, after } = await act(deps, await viewerFor(deps, person), initiativeId, 'close');
  await records(deps)
    .audit(initiativeId, 'closed', person, {
      before: { status: before.status },
      after: { status: after.status },
    })
    .refreshCards(initiativeId)
    .write();
  return after;
}
