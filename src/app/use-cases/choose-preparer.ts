import type { PreparerInput } from '../../contracts/actions';
import type { Initiative, Person } from '../../domain/initiative/initiative.types';
import { assertMay, may, type Viewer } from '../../domain/policy/policy';
import { isActive } from '../../domain/roles/role-assignment';
import { NotAllowedError, ValidationError } from '../../domain/shared/domain.errors';
import type { AppDeps } from '../deps';
import type { Member } from '../ports/system.port';
import { assignPreparer } from './preparation';
import { loadInitiative, viewerFor } from './support';

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Everyone the directory can name: the registered RUG and preparation channels' members and the
 * chairs and secretaries granted in the app (who may prepare without being in either channel).
 */
async function namedPeople(deps: AppDeps): Promise<Member[]> {
  const [members, assignments] = await Promise.all([
    deps.directory.channelMembers(),
    deps.store.roles.list().catch((err: unknown) => {
      // Without the assignments the rosters still answer; a granted role then counts as absent anyway.
      deps.log.warn('role assignments could not be read for the preparer picker', { err });
      return [];
    }),
  ]);
  const now = deps.clock.now();
  const all = new Map<string, Member>();
  for (const a of assignments) {
    if (a.role === 'admin' || !isActive(a, now)) continue;
    all.set(a.holder.objectId.toLowerCase(), { objectId: a.holder.objectId, name: a.holder.name });
  }
  // A roster's name wins over the one kept with an assignment: it is what Teams calls them today.
  for (const m of members) all.set(m.objectId.toLowerCase(), m);
  return [...all.values()];
}

/** A person as the policy sees them when they are asked to prepare: their roles (jäv plays no part). */
const asCandidate = async (deps: AppDeps, objectId: string): Promise<Viewer> => ({
  objectId,
  roles: await deps.directory.rolesOf(objectId),
});
/** Someone the directory cannot name: no role here could make them a preparer. */
const NOBODY = (objectId: string): Viewer => ({ objectId, roles: [] });

/**
 * Whom the tab's picker offers: exactly the people the policy lets prepare this initiative now
 * (`be_preparer`: Beredningsgruppen, the chair and the secretary, never the initiator), by name as
 * the directory knows them. Only those who may assign a preparer get the list (403 otherwise).
 */
export async function preparerCandidates(
  deps: AppDeps,
  person: Person,
  initiative: Initiative,
): Promise<Member[]> {
  const asker = await viewerFor(deps, person);
  assertMay('assign_preparer', initiative, asker);
  const people = await namedPeople(deps);
  // The person asking may not be in a roster (a chair by configuration): they count as they are.
  if (!people.some((m) => same(m.objectId, person.objectId))) {
    people.push({ objectId: person.objectId, name: person.name });
  }
  const allowed = await Promise.all(
    people.map(async (m) =>
      may(
        'be_preparer',
        initiative,
        same(m.objectId, person.objectId) ? asker : await asCandidate(deps, m.objectId),
      ),
    ),
  );
  return people.filter((_, n) => allowed[n]).sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}

/** The chosen person's refusal, as a field issue of the picker rather than the asker's own 403. */
function notEligible(err: NotAllowedError): ValidationError {
  return new ValidationError([{ field: 'preparerId', code: err.code, message: err.userMessage }]);
}

/**
 * Assigns the preparer the person chose (the tab's picker), or the person themselves when they chose
 * nobody else. The asker is checked first (403: someone who may not assign learns nothing about whom
 * they named); then the chosen id must be someone the directory names and the policy lets prepare
 * (422 at the picker otherwise). The name is the directory's, never the client's; the assignment is
 * audited and a replay changes nothing (preparation.ts).
 */
export async function assignChosenPreparer(
  deps: AppDeps,
  person: Person,
  initiativeId: string,
  input: PreparerInput,
): Promise<Initiative> {
  const chosen = input.preparerId;
  if (!chosen || same(chosen, person.objectId)) return assignPreparer(deps, person, initiativeId);
  const [asker, current] = await Promise.all([viewerFor(deps, person), loadInitiative(deps, initiativeId)]);
  assertMay('assign_preparer', current, asker);
  const member = (await namedPeople(deps)).find((m) => same(m.objectId, chosen));
  try {
    assertMay('be_preparer', current, member ? await asCandidate(deps, member.objectId) : NOBODY(chosen));
  } catch (err) {
    throw err instanceof NotAllowedError ? notEligible(err) : err;
  }
  if (!member) throw new Error('unreachable: be_preparer refuses a person without roles');
  // A shared channel's member keeps their own tenant; otherwise they are of the asker's organisation.
  const preparer: Person = {
    objectId: member.objectId,
    tenantId: member.tenantId ?? person.tenantId,
    name: member.name,
  };
  return assignPreparer(deps, person, initiativeId, preparer);
}
