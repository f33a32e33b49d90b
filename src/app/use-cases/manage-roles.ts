import type { EndRoleInput, GrantRoleInput } from '../../contracts/admin-api';
import type { Person } from '../../domain/initiative/initiative.types';
import { assertMay } from '../../domain/policy/policy';
import {
  assignmentId,
  type NewRoleAssignment,
  type RoleAssignment,
  swedishDay,
} from '../../domain/roles/role-assignment';
import { MissingError, StateConflictError, ValidationError } from '../../domain/shared/domain.errors';
import type { AppDeps } from '../deps';
import { ConflictError } from '../ports/store.errors';
import { records, writeRecords } from './change-records';
import { viewerFor } from './support';

/** The audit trail of role changes, beside `system:channels`. */
export const ROLES_TRAIL = 'system:roles';

const who = (p: { objectId: string; name: string }) => ({ objectId: p.objectId, name: p.name });
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Refuses (403) anyone but an admin; the admin routes ask it before they even read the input. */
export async function assertManagesRoles(deps: AppDeps, person: Person): Promise<void> {
  assertMay('manage_roles', null, await viewerFor(deps, person));
}

/**
 * The audit event of a grant or an end, derived from the stored assignment: its id is fixed by the
 * assignment, so writing it again after a fault (a replay of the same grant or end) writes it once.
 */
function changeRecords(deps: AppDeps, a: RoleAssignment, kind: 'role_granted' | 'role_ended') {
  const actor = kind === 'role_granted' ? a.grantedBy : (a.endedBy ?? a.grantedBy);
  const what = { role: a.role, holder: who(a.holder), from: a.from };
  const change =
    kind === 'role_granted'
      ? { before: { holds: false }, after: { ...what, until: a.until } }
      : { before: { ...what, until: null }, after: { ...what, until: a.until } };
  const at = kind === 'role_granted' ? a.grantedAt : (a.endedAt ?? a.grantedAt);
  const r = records(deps).audit(
    ROLES_TRAIL,
    kind,
    { ...actor, tenantId: '', email: '' },
    change,
    `role:${a.id}:${kind}`,
  );
  // The event's time is the grant's or the end's, so writing it again later (the sweep) is the same event.
  return r.pending.events.map((e) => ({ ...e, at }));
}

async function recordChange(deps: AppDeps, a: RoleAssignment, kind: 'role_granted' | 'role_ended') {
  await writeRecords(deps, { events: changeRecords(deps, a, kind), notifications: [] });
  deps.directory.rolesChanged();
}

/**
 * The dispatcher's sweep, once per instance: every grant and end gets its audit event, also when
 * the admin who made it never retried after a fault between the assignment and its event.
 */
const swept = new WeakSet<object>();
export async function ensureRoleRecords(deps: AppDeps): Promise<void> {
  if (swept.has(deps.store.roles)) return;
  const events = (await deps.store.roles.list()).flatMap((a) => [
    ...changeRecords(deps, a, 'role_granted'),
    ...(a.until !== null && a.endedBy ? changeRecords(deps, a, 'role_ended') : []),
  ]);
  for (let i = 0; i < events.length; i += 20) {
    await writeRecords(deps, { events: events.slice(i, i + 20), notifications: [] });
  }
  swept.add(deps.store.roles);
}

function notBefore(field: string, day: string, today: string) {
  if (day >= today) return;
  throw new ValidationError([
    {
      field,
      code: 'ROLES.DATE_IN_PAST',
      message: { sv: 'Datumet kan inte ligga bakåt i tiden.', en: 'The date cannot be in the past.' },
    },
  ]);
}

/** The person's name as Teams knows them in the registered channels (never as the client says). */
async function nameOf(deps: AppDeps, objectId: string, known: readonly RoleAssignment[]): Promise<string> {
  const member = (await deps.directory.channelMembers()).find((m) => same(m.objectId, objectId));
  if (member) return member.name;
  return known.find((a) => same(a.holder.objectId, objectId))?.holder.name ?? objectId;
}

/**
 * Grants a chair, secretary or admin role from a day (today by default): admins only, audited. The
 * same grant again (a retry, a double click) is a replay that completes what an earlier try started;
 * a second open grant of the role to the same person is refused.
 */
export async function grantRole(
  deps: AppDeps,
  person: Person,
  input: GrantRoleInput,
): Promise<RoleAssignment> {
  await assertManagesRoles(deps, person);
  const today = swedishDay(deps.clock.now());
  const from = input.from ?? today;
  notBefore('from', from, today);
  for (let attempt = 1; ; attempt++) {
    const all = await deps.store.roles.list();
    const open = all.find(
      (a) =>
        a.role === input.role &&
        same(a.holder.objectId, input.holderId) &&
        (a.until === null || a.until > today),
    );
    if (open) {
      if (open.from !== from || open.until !== null) {
        throw new StateConflictError('ROLES.ALREADY_HELD', {
          sv: `${open.holder.name} har redan rollen (från ${open.from}). Avsluta den först för att ändra datum.`,
          en: `${open.holder.name} already holds the role (from ${open.from}). End it first to change the date.`,
        });
      }
      await recordChange(deps, open, 'role_granted');
      return open;
    }
    // Ids are never reused: a role granted and ended on one day, then granted again, gets a new one.
    const base = assignmentId(input.role, input.holderId, from);
    let id = base;
    for (let n = 2; all.some((a) => a.id === id); n++) id = `${base}|${n}`;
    const assignment: NewRoleAssignment = {
      id,
      role: input.role,
      holder: { objectId: input.holderId, name: await nameOf(deps, input.holderId, all) },
      from,
      grantedBy: who(person),
      grantedAt: deps.clock.now().toISOString(),
      until: null,
      endedBy: null,
      endedAt: null,
    };
    try {
      const saved = await deps.store.roles.put(assignment, null);
      await recordChange(deps, saved, 'role_granted');
      return saved;
    } catch (err) {
      // Another try of the same grant won the id: the next round sees it and completes it.
      if (!(err instanceof ConflictError) || attempt >= 3) throw err;
    }
  }
}

/** Ends a role from a day (today: at once): admins only, audited; the assignment stays as history. */
export async function endRole(deps: AppDeps, person: Person, input: EndRoleInput): Promise<RoleAssignment> {
  await assertManagesRoles(deps, person);
  const today = swedishDay(deps.clock.now());
  const until = input.until ?? today;
  notBefore('until', until, today);
  for (let attempt = 1; ; attempt++) {
    const current = await deps.store.roles.get(input.assignmentId);
    if (!current) {
      throw new MissingError('ROLES.NOT_FOUND', {
        sv: 'Rolltilldelningen finns inte.',
        en: 'The role assignment does not exist.',
      });
    }
    if (current.until !== null) {
      // Ended already: the same end again is a replay; another date is refused (history is kept).
      if (input.until !== undefined && input.until !== current.until) {
        throw new StateConflictError('ROLES.ALREADY_ENDED', {
          sv: `Rollen är redan avslutad (${current.until}).`,
          en: `The role has already been ended (${current.until}).`,
        });
      }
      await recordChange(deps, current, 'role_ended');
      return current;
    }
    const { version, ...rest } = current;
    try {
      const saved = await deps.store.roles.put(
        { ...rest, until, endedBy: who(person), endedAt: deps.clock.now().toISOString() },
        version,
      );
      await recordChange(deps, saved, 'role_ended');
      return saved;
    } catch (err) {
      if (!(err instanceof ConflictError) || attempt >= 3) throw err;
    }
  }
}
