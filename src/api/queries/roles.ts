import type { AppDeps } from '../../app/deps';
import type { PersonView, RoleAssignmentView, RolesView } from '../../contracts/admin-api';
import type { Person } from '../../domain/initiative/initiative.types';
import { isActive, type RoleAssignment, swedishDay } from '../../domain/roles/role-assignment';
import { assertManagesRoles } from '../../app/use-cases/manage-roles';

const view = (a: RoleAssignment, now: Date): RoleAssignmentView => ({
  id: a.id,
  role: a.role,
  holder: a.holder,
  from: a.from,
  until: a.until,
  grantedBy: a.grantedBy,
  grantedAt: a.grantedAt,
  endedBy: a.endedBy,
  endedAt: a.endedAt,
  active: isActive(a, now),
});

/** The Administration view's roles: current holders, the history, and whom the picker offers. */
export async function rolesView(deps: AppDeps, person: Person): Promise<RolesView> {
  await assertManagesRoles(deps, person);
  const now = deps.clock.now();
  const [all, members] = await Promise.all([deps.store.roles.list(), deps.directory.channelMembers()]);
  const candidates: PersonView[] = members
    .map((m) => ({ objectId: m.objectId, name: m.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  return {
    current: all.filter((a) => a.until === null || a.until > swedishDay(now)).map((a) => view(a, now)),
    history: all
      .filter((a) => a.until !== null)
      .sort((a, b) => (b.endedAt ?? '').localeCompare(a.endedAt ?? ''))
      .map((a) => view(a, now)),
    candidates,
  };
}
