import type { FollowUpInput } from '../../contracts/actions';
import type { FollowUp, Person } from '../../domain/initiative/initiative.types';
import { RECORD_SOFT_MAX } from '../../domain/initiative/record-size';
import { assertMay, may, type Viewer } from '../../domain/policy/policy';
import type { AppDeps } from '../deps';
import { records } from './change-records';
import { act, commit, drain } from './commit';
import { loadInitiative, viewerFor } from './support';
import { requireText } from './text-input';

export type { FollowUpInput } from '../../contracts/actions';

const startRecords = (deps: AppDeps, person: Person, initiativeId: string) =>
  records(deps)
    .audit(initiativeId, 'implementation_started', person, { after: { status: 'in_implementation' } })
    .refreshCards(initiativeId);

async function start(deps: AppDeps, viewer: Viewer, person: Person, initiativeId: string) {
  const { after } = await act(deps, viewer, initiativeId, 'start_implementation', () =>
    startRecords(deps, person, initiativeId),
  );
  return after;
}

/** Marks an approved initiative as being carried out. */
export async function startImplementation(deps: AppDeps, person: Person, initiativeId: string) {
  const [viewer, current] = await Promise.all([viewerFor(deps, person), loadInitiative(deps, initiativeId)]);
  // Already started (a double click, a retry): finish what the first press left pending.
  if (current.status === 'in_implementation' && may('start_implementation', null, viewer)) {
    return drain(deps, current);
  }
  return start(deps, viewer, person, initiativeId);
}

/**
 * Adds a progress update or follow-up report. The initiator, the preparation group and preparer, the
 * RUG chair/secretary and admins may report; a final report closes the implementation phase. The
 * first report on an approved initiative also starts its implementation, in the same write.
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
  // The same report again (a double click, a retried request): finish what it left pending.
  if (repeated) return drain(deps, current);
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
  const result = await commit(
    deps,
    initiativeId,
    (latest) => {
      assertMay('add_follow_up', latest, viewer);
      const changes = records(deps);
      let next = { ...latest, followUps: [...latest.followUps, followUp] };
      if (next.status === 'approved') {
        next = { ...next, status: 'in_implementation' as const };
        assertMay('start_implementation', latest, viewer);
        changes.audit(initiativeId, 'implementation_started', person, { after: { status: next.status } });
      }
      if (followUp.final) {
        assertMay('report_final_follow_up', next, viewer);
        next = { ...next, status: 'followed_up' as const };
      }
      // The audit event keeps the whole report, so the record may shorten it later (record-size.ts).
      changes.audit(initiativeId, 'follow_up_added', person, {
        after: { state: followUp.state, final: followUp.final, whatWasDone, effects },
      });
      if (followUp.sharedAsStory) {
        changes.notify({
          kind: 'success_story',
          initiativeId,
          recipient: { type: 'channel', key: 'rug' },
          data: { followUpId: followUp.id },
        });
      }
      // Ordinary reports stay under the soft limit, so a final report and the closing always fit.
      return {
        next,
        records: changes.refreshCards(initiativeId),
        ...(followUp.final ? {} : { sizeLimit: RECORD_SOFT_MAX }),
      };
    },
    current,
  );
  return result!.after;
}

/** Closes an initiative for good: rejected, followed up, or ended during implementation. */
export async function closeInitiative(deps: AppDeps, person: Person, initiativeId: string) {
  const [viewer, current] = await Promise.all([viewerFor(deps, person), loadInitiative(deps, initiativeId)]);
  // Already closed (a double click, a retry): finish what the first press left pending.
  if (current.status === 'closed' && may('close', null, viewer)) return drain(deps, current);
  const { after } = await act(deps, viewer, initiativeId, 'close', (before, next) =>
    records(deps)
      .audit(initiativeId, 'closed', person, {
        before: { status: before.status },
        after: { status: next.status },
      })
      .refreshCards(initiativeId),
  );
  return after;
}
