import type { ProposalInput } from '../../contracts/actions';
import type { Person, Proposal } from '../../domain/initiative/initiative.types';
import { assertMay, may } from '../../domain/policy/policy';
import type { AppDeps } from '../deps';
import { records, recordingConflicts } from './change-records';
import { act, commit, drain } from './commit';
import { assertApproved, assertResponsible, loadInitiative, viewerFor } from './support';
import { requireText } from './text-input';

export type { ProposalInput } from '../../contracts/actions';

/**
 * Beredningsgruppen (or the RUG chair/secretary) assigns a preparer: themselves by default, or a
 * member of the preparation group they name. An initiator never prepares their own initiative.
 */
export async function assignPreparer(
  deps: AppDeps,
  person: Person,
  initiativeId: string,
  preparer: Person = person,
) {
  const [viewer, candidate] = await Promise.all([
    viewerFor(deps, person),
    preparer.objectId === person.objectId ? null : viewerFor(deps, preparer),
  ]);
  const result = await recordingConflicts(deps, person, initiativeId, 'be_preparer', () =>
    commit(deps, initiativeId, (current) => {
      assertMay('assign_preparer', current, viewer);
      assertMay('be_preparer', current, candidate ?? viewer);
      if (current.preparer?.objectId === preparer.objectId) return null;
      return {
        next: { ...current, preparer },
        records: records(deps)
          .audit(initiativeId, 'preparer_assigned', person, {
            before: { preparer: current.preparer?.name ?? null },
            after: { preparer: preparer.name },
          })
          .refreshCards(initiativeId),
      };
    }),
  );
  // Already the preparer (a double click, a retry): finish whatever the first press left pending.
  return result?.after ?? drain(deps, await loadInitiative(deps, initiativeId));
}

/** Sends the initiative back to the initiator with a question; it returns to preparation when completed. */
export async function returnForCompletion(
  deps: AppDeps,
  person: Person,
  initiativeId: string,
  question: string,
) {
  const text = requireText('question', question, 2000);
  const [viewer, current] = await Promise.all([viewerFor(deps, person), loadInitiative(deps, initiativeId)]);
  if (current.status === 'awaiting_completion' && current.completionRequest === text) {
    return drain(deps, current); // the same question again: a double click or a retried request
  }
  const { after } = await act(
    deps,
    viewer,
    initiativeId,
    'return_for_completion',
    (_before, next) =>
      records(deps)
        .audit(initiativeId, 'returned_for_completion', person, { after: { question: text } })
        .notify({
          kind: 'returned_for_completion',
          initiativeId,
          recipient: { type: 'user', objectId: next.initiator.objectId },
          data: {},
        })
        .refreshCards(initiativeId),
    () => ({ completionRequest: text }),
    current,
  );
  return after;
}

/** The preparation group's decision proposal; RUG gets a decision card. */
export async function proposeDecision(
  deps: AppDeps,
  person: Person,
  initiativeId: string,
  input: ProposalInput,
) {
  const rationale = requireText('rationale', input.rationale, 4000);
  const [viewer, current] = await Promise.all([viewerFor(deps, person), loadInitiative(deps, initiativeId)]);
  assertResponsible(deps, input.responsibleId, current);
  const p = current.proposal;
  if (
    current.status === 'proposal_ready' &&
    p?.recommendation === input.recommendation &&
    p.rationale === rationale &&
    p.proposedBy.objectId === person.objectId
  ) {
    return drain(deps, current); // the same proposal again: a double click or a retried request
  }
  await assertApproved(deps, initiativeId);
  const proposal: Proposal = {
    recommendation: input.recommendation,
    rationale,
    ...(input.responsibleId ? { responsibleId: input.responsibleId } : {}),
    proposedBy: person,
    proposedAt: deps.clock.now().toISOString(),
  };
  const { after } = await act(
    deps,
    viewer,
    initiativeId,
    'propose',
    () =>
      records(deps)
        .audit(initiativeId, 'proposed', person, { after: { recommendation: proposal.recommendation } })
        .notify({
          kind: 'proposal_ready',
          initiativeId,
          recipient: { type: 'channel', key: 'rug' },
          data: {},
        })
        .refreshCards(initiativeId),
    () => ({ proposal }),
    current,
  );
  return after;
}

/** Takes a ready proposal back into preparation (the preparation group wants to change it). */
export async function reviseProposal(deps: AppDeps, person: Person, initiativeId: string) {
  const [viewer, current] = await Promise.all([viewerFor(deps, person), loadInitiative(deps, initiativeId)]);
  // Already back in preparation with its proposal (a double click, a retry): nothing more to do.
  if (current.status === 'in_preparation' && current.proposal && may('revise_proposal', null, viewer)) {
    return drain(deps, current);
  }
  const { after } = await act(deps, viewer, initiativeId, 'revise_proposal', (_b, next) =>
    records(deps)
      .audit(initiativeId, 'proposal_revised', person, { after: { status: next.status } })
      .refreshCards(initiativeId),
  );
  return after;
}
