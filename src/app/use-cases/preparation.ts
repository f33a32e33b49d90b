import type { Initiative, Person, Proposal } from '../../domain/initiative/initiative.types';
import { type Action, transition } from '../../domain/initiative/lifecycle';
import { actorsFor } from '../../domain/initiative/actors';
import { DomainError } from '../../domain/shared/domain.errors';
import { tally } from '../../domain/approval/approval';
import { checkApprovalSkallkrav } from '../../domain/initiative/skallkrav';
import type { AppDeps } from '../deps';
import { audit, notify, updateWithRetry } from './support';
import { requireText } from './text-input';

/** Changes an initiative through one lifecycle action, checking the person's capacity on it. */
export async function act(
  deps: AppDeps,
  person: Person,
  initiativeId: string,
  action: Action,
  change: (current: Initiative) => Partial<Initiative> = () => ({}),
): Promise<{ before: Initiative; after: Initiative }> {
  const roles = await deps.directory.rolesOf(person.objectId);
  const result = await updateWithRetry(deps, initiativeId, (current) => {
    const status = transition(current.status, action, actorsFor(person, current, roles));
    return { ...current, ...change(current), status };
  });
  return result!;
}

/** Beredningsgruppen takes on an initiative: the person (or someone they name) becomes its preparer. */
export async function assignPreparer(
  deps: AppDeps,
  person: Person,
  initiativeId: string,
  preparer: Person = person,
) {
  const roles = await deps.directory.rolesOf(person.objectId);
  const preparerRoles = await deps.directory.rolesOf(preparer.objectId);
  const result = await updateWithRetry(deps, initiativeId, (current) => {
    const actors = actorsFor(person, current, roles);
    if (!actors.some((a) => a === 'preparer' || a === 'rug_chair' || a === 'rug_secretary')) {
      throw new DomainError('PREPARATION.NOT_ALLOWED', {
        sv: 'Bara beredningsgruppen eller RUG:s ordförande/sekreterare kan utse beredare.',
        en: 'Only the preparation group or the RUG chair/secretary can assign a preparer.',
      });
    }
    if (!preparerRoles.includes('beredning') && preparer.objectId !== person.objectId) {
      throw new DomainError('PREPARATION.NOT_PREPARER', {
        sv: 'Beredaren måste ingå i beredningsgruppen.',
        en: 'The preparer must belong to the preparation group.',
      });
    }
    if (!['in_preparation', 'awaiting_completion', 'proposal_ready'].includes(current.status)) {
      throw new DomainError('PREPARATION.CLOSED', {
        sv: 'Initiativet är inte under beredning.',
        en: 'The initiative is not in preparation.',
      });
    }
    if (current.preparer?.objectId === preparer.objectId) return null;
    return { ...current, preparer };
  });
  if (result) {
    await audit(deps, initiativeId, 'preparer_assigned', person, {
      before: { preparer: result.before.preparer?.name ?? null },
      after: { preparer: preparer.name },
    });
    await refreshCards(deps, initiativeId);
    return result.after;
  }
  return (await deps.store.initiatives.get(initiativeId))!;
}

/** Sends the initiative back to the initiator with a question; it returns to preparation when completed. */
export async function returnForCompletion(
  deps: AppDeps,
  person: Person,
  initiativeId: string,
  question: string,
) {
  const text = requireText('question', question, 2000);
  const { after } = await act(deps, person, initiativeId, 'return_for_completion', () => ({
    completionRequest: text,
  }));
  await audit(deps, initiativeId, 'returned_for_completion', person, { after: { question: text } });
  await notify(deps, {
    kind: 'returned_for_completion',
    initiativeId,
    recipient: { type: 'user', objectId: after.initiator.objectId },
    data: {},
  });
  await refreshCards(deps, initiativeId);
  return after;
}

export interface ProposalInput {
  readonly recommendation: 'bifall' | 'avslag';
  readonly rationale: string;
  readonly responsibleId?: string;
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
  await assertApproved(deps, initiativeId);
  const proposal: Proposal = {
    recommendation: input.recommendation,
    rationale,
    ...(input.responsibleId ? { responsibleId: input.responsibleId } : {}),
    proposedBy: person,
    proposedAt: deps.clock.now().toISOString(),
  };
  const { after } = await act(deps, person, initiativeId, 'propose', () => ({ proposal }));
  await audit(deps, initiativeId, 'proposed', person, { after: { recommendation: proposal.recommendation } });
  await notify(deps, {
    kind: 'proposal_ready',
    initiativeId,
    recipient: { type: 'channel', key: 'rug' },
    data: {},
  });
  await refreshCards(deps, initiativeId);
  return after;
}

/** Takes a ready proposal back into preparation (the preparation group wants to change it). */
export async function reviseProposal(deps: AppDeps, person: Person, initiativeId: string) {
  const { after } = await act(deps, person, initiativeId, 'revise_proposal');
  await audit(deps, initiativeId, 'proposal_revised', person, { after: { status: after.status } });
  await refreshCards(deps, initiativeId);
  return after;
}

/** A responsible party must be an organisation or network from the catalogue. */
export function assertResponsible(deps: AppDeps, responsibleId: string | undefined): void {
  if (!responsibleId) return;
  const known = [...deps.catalogue.organisations, ...deps.catalogue.networks].some(
    (x) => x.id === responsibleId,
  );
  if (!known) {
    throw new DomainError('DECISION.UNKNOWN_RESPONSIBLE', {
      sv: 'Ansvarig organisation eller nätverk finns inte i katalogen.',
      en: 'The responsible organisation or network is not in the catalogue.',
    });
  }
}

/**
 * Skallkrav 4 must still hold when the process moves on: if the only approval was changed, no
 * proposal or decision (other than a referral back) can be made until a RUG member approves again.
 */
export async function assertApproved(deps: AppDeps, initiativeId: string): Promise<void> {
  const unmet = checkApprovalSkallkrav(tally(await deps.store.stances.listFor(initiativeId)));
  if (unmet.length > 0) throw new DomainError('SKALLKRAV.RUG_APPROVAL', unmet[0]!.message);
}

/** Asks the dispatcher to re-render the initiative's channel cards for everyone. */
export async function refreshCards(deps: AppDeps, initiativeId: string): Promise<void> {
  await notify(deps, {
    kind: 'refresh_cards',
    initiativeId,
    recipient: { type: 'channel', key: 'rug' },
    data: {},
  });
}
