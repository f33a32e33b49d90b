import { tally } from '../../domain/approval/approval';
import type { Initiative, Person } from '../../domain/initiative/initiative.types';
import { may } from '../../domain/policy/policy';
import type { Status } from '../../domain/initiative/status';
import { AFTER_ENDORSEMENT } from '../../domain/initiative/status';
import { skallkravStates } from '../../domain/initiative/skallkrav';
import type { AppDeps } from '../../app/deps';
import type { InitiativeIndex } from '../../app/ports/initiative-repository.port';
import { listAll } from '../../app/use-cases/queries';
import type { InitiativeRow, PersonView, PublicInitiative } from '../../contracts/tab-api';

/** Drafts are private to their initiator; everything sent is visible to everyone signed in (the policy). */
export function visibleTo(person: Person, i: Initiative): boolean {
  const viewer = { objectId: person.objectId, roles: [] };
  return may('view', i, viewer) || may('see_draft', i, viewer);
}

/** Statuses reached only after a RUG member approved (skallkrav 4 met on the way). */
const ENDORSED: ReadonlySet<Status> = new Set(AFTER_ENDORSEMENT);

/** Reads one indexed query and keeps what the person may see. */
export async function readVisible(
  deps: AppDeps,
  person: Person,
  index: InitiativeIndex,
): Promise<Initiative[]> {
  return (await listAll(deps, index)).filter((i) => visibleTo(person, i));
}

/** List rows; skallkrav 4 is read from stances only where the status does not already tell. */
export async function toRows(deps: AppDeps, items: readonly Initiative[]): Promise<InitiativeRow[]> {
  return Promise.all(
    items.map(async (i) => {
      // Rule 4 is read from stances only where the status does not already tell.
      const approvals =
        ENDORSED.has(i.status) || i.status === 'draft'
          ? undefined
          : tally(await deps.store.stances.listFor(i.id)).approve;
      return {
        id: i.id,
        ref: i.ref,
        title: i.form.title,
        status: i.status,
        organisationIds: i.form.organisationIds,
        targetGroupIds: i.form.targetGroupIds,
        goalWordIds: i.form.goalWordIds,
        factorIds: i.form.factorIds,
        initiatorName: i.initiator.name,
        submittedAt: i.submittedAt,
        decidedAt: i.decidedAt,
        updatedAt: i.updatedAt,
        skallkrav: skallkravStates(i, deps.catalogue, approvals),
      };
    }),
  );
}

/** The initiative without what only the store and the bot need, and people only by name. */
export function toPublic(i: Initiative, reader: Person): PublicInitiative {
  const {
    clientKey: _k,
    version: _v,
    channelCards: _c,
    initiator,
    preparer,
    proposal,
    decisions,
    followUps,
    ...rest
  } = i;
  const view = (p: Person): PersonView => ({ name: p.name, isYou: p.objectId === reader.objectId });
  return {
    ...rest,
    initiator: view(initiator),
    preparer: preparer ? view(preparer) : null,
    proposal: proposal ? { ...proposal, proposedBy: view(proposal.proposedBy) } : null,
    decisions: decisions.map((d) => ({ ...d, decidedBy: view(d.decidedBy) })),
    followUps: followUps.map((f) => ({ ...f, by: view(f.by) })),
  };
}
