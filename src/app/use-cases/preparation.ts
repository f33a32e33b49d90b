import type { ProposalInput } from '../../contracts/actions';
import type { Person, Proposal } from '../../domain/initiative/initiative.types';
import { assertMay } from '../../domain/policy/policy';
import type { AppDeps } from '../deps';
import { records } from './change-records';
import { act, assertApproved, assertResponsible, updateWithRetry, viewerFor } from './support';
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
  const result = await updateWithRetry(deps, initiativeId, (current) => {
    assertMay('assign_preparer', current, viewer);
    assertMay('be_preparer', current, candidate ?? viewer);
    if (current.preparer?.objectId === preparer.objectId) return null;
    return { ...current, preparer };
  });
  if (!result) return (await deps.store.initiatives.get(initiativeId))!;
  await records(deps)
    .audit(initiativeId, 'preparer_assigned', person, {
      before: { preparer: result.before.preparer?.name ?? null },
      after: { preparer: preparer.name },
    })
    .refreshCards(initiativeId)
    .write();
  return result.after;
}

/** Sends the initiative back to the initiator with a question; it returns to preparation when completed. */
export async function returnForCompletion(
  deps: AppDeps,
  person: Person,
  initiativeId: string,
  question: string,
) {
  const text = requireText('question', question, 2000);
  const viewer = await viewerFor(deps, person);
  const { after } = await act(deps, viewer, initiativeId, 'return_for_completion', () => ({
    completionRequest: text,
  }));
  await records(deps)
    .audit(initiativeId, 'returned_for_completion', person, { after: { question: text } })
    .notify({
      kind: 'returned_for_completion',
      initiativeId,
      recipient: { type: 'user', objectId: after.initiator.objectId },
      data: {},
    })
    .refreshCards(initiativeId)
    .write();
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
  assertResponsible(deps, input.responsibleId);
  const viewer = await viewerFor(deps, person);
  await assertApproved(deps, initiativeId);
  const proposal: Proposal = {
    recommendation: input.recommendation,
    rationale,
    ...(input.responsibleId ? { responsibleId: input.responsibleId } : {}),
    proposedBy: person,
    proposedAt: deps.clock.now().toISOString(),
  };
  const { after } = await act(deps, viewer, initiativeId, 'propose', () => ({ proposal }));
  await records(deps)
    .audit(initiativeId, 'proposed', person, { after: { recommendation: proposal.recommendation } })
    .notify({ kind: 'proposal_ready', initiativeId, recipient: { type: 'channel', key: 'rug' }, data: {} })
    .refreshCards(initiativeId)
    .write();
  return after;
}

/** Takes a ready proposal back into preparation (the preparation group wants to change it). */
export async function reviseProposal(deps: AppDeps, person: Person, initiativeId: string) {
  const { after } = await act(deps, await viewerFor(deps, person), initiativeId, 'revise_proposal');
  await records(deps)
    .audit(initiativeId, 'proposal_revised', person, { after: { status: after.status } })
    .refreshCards(initiativeId)
    .write();
  return after;
}
