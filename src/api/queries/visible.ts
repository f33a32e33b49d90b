import type { Initiative, Person } from '../../domain/initiative/initiative.types';
import { mayView } from '../../domain/policy/policy';
import type { Status } from '../../domain/initiative/status';
import { AFTER_ENDORSEMENT } from '../../domain/initiative/status';
import { skallkravStates } from '../../domain/initiative/skallkrav';
import type { AppDeps } from '../../app/deps';
import type { InitiativeFilter, QueryRow } from '../../app/ports/query-model.port';
import type { InitiativeRow, PersonView, PublicInitiative } from '../../contracts/tab-api';

/** Drafts are private to their initiator; everything sent is visible to everyone signed in (the policy). */
export function visibleTo(person: Person, i: Initiative): boolean {
  return mayView(i, { objectId: person.objectId, roles: [] });
}

/** Statuses reached only after a RUG member approved (skallkrav 4 met on the way). */
const ENDORSED: ReadonlySet<Status> = new Set(AFTER_ENDORSEMENT);

/**
 * The query-model filter for what the person may see: drafts are their initiator's alone, the same
 * rule as `visibleTo`, applied by the query model itself.
 */
export function visibleFilter(
  person: Person,
  rest: Omit<InitiativeFilter, 'viewerId'> = {},
): InitiativeFilter {
  return { ...rest, viewerId: person.objectId };
}

/** Reads what the person may see of one filter (sets small by nature: a status, a person). */
export async function readVisible(
  deps: AppDeps,
  person: Person,
  filter: Omit<InitiativeFilter, 'viewerId'>,
): Promise<QueryRow[]> {
  return (await deps.store.queries.rows(visibleFilter(person, filter))).filter((r) =>
    visibleTo(person, r.initiative),
  );
}

/** List rows; skallkrav 4 comes from the status or the query model's tally, never a stance read. */
export function toRows(deps: AppDeps, rows: readonly QueryRow[]): InitiativeRow[] {
  return rows.map(({ initiative: i, approvals }) => ({
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
    // The tally counts only where the status does not already tell (as before the query model).
    skallkrav: skallkravStates(
      i,
      deps.catalogue,
      ENDORSED.has(i.status) || i.status === 'draft' ? undefined : approvals,
    ),
  }));
}

/** The initiative without what only the store and the bot need, and people only by name. */
export function toPublic(i: Initiative, reader: Person): PublicInitiative {
  const {
    clientKey: _k,
    version: _v,
    channelCards: _c,
    // Bookkeeping of the store and the dispatcher: it names people by object id.
    pendingRecords: _p,
    remindedMemberIds: _r,
    javDeclaredBy: _j,
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
