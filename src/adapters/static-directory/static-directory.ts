import type { Directory, Member } from '../../app/ports/system.port';
import type { Role } from '../../domain/initiative/actors';

export interface RoleLists {
  readonly admins: readonly string[];
  readonly rugChairs: readonly string[];
  readonly rugSecretaries: readonly string[];
  readonly beredning: readonly string[];
  /** RUG members by configuration (local mode, or until a RUG channel is registered). */
  readonly rugMembers: readonly string[];
}

/** Roles from configuration: Entra object ids per role. */
export class StaticDirectory implements Directory {
  constructor(private readonly lists: RoleLists) {}

  async rolesOf(objectId: string): Promise<readonly Role[]> {
    const id = objectId.toLowerCase();
    const has = (list: readonly string[]) => list.some((x) => x.toLowerCase() === id);
    const roles: Role[] = [];
    if (has(this.lists.rugMembers)) roles.push('rug_member');
    if (has(this.lists.rugChairs)) roles.push('rug_chair');
    if (has(this.lists.rugSecretaries)) roles.push('rug_secretary');
    if (has(this.lists.beredning)) roles.push('beredning');
    if (has(this.lists.admins)) roles.push('admin');
    return roles;
  }

  async rugMembers(): Promise<readonly Member[]> {
    const ids = new Set([...this.lists.rugMembers, ...this.lists.rugChairs, ...this.lists.rugSecretaries]);
    return [...ids].map((objectId) => ({ objectId, name: objectId }));
  }
}
