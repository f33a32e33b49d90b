import type { Role } from '../../domain/initiative/actors';
import { isActive, type RoleAssignment } from '../../domain/roles/role-assignment';
import type { RoleRepository } from '../ports/role-repository.port';
import type { Clock, Directory, Logger, Member } from '../ports/system.port';

/**
 * Adds the roles granted in the app (chair, secretary, admin: the store's role assignments) to what
 * another directory knows (channel rosters, bootstrap admins). The assignments are read at most once
 * per `ttlMs` per instance, so a grant or an end takes effect on every instance within that time, and
 * at once on the instance that made it (`rolesChanged`).
 */
export class StoredRolesDirectory implements Directory {
  private cache: { at: number; assignments: readonly RoleAssignment[] } | null = null;
  private generation = 0;

  constructor(
    private readonly base: Directory,
    private readonly roles: RoleRepository,
    private readonly clock: Clock,
    private readonly ttlMs: number,
    private readonly log: Logger,
  ) {}

  async rolesOf(objectId: string): Promise<readonly Role[]> {
    const [base, granted] = await Promise.all([this.base.rolesOf(objectId), this.granted(objectId)]);
    return [...new Set([...base, ...granted])];
  }

  rugMembers(): Promise<readonly Member[]> {
    return this.base.rugMembers();
  }

  channelMembers(): Promise<readonly Member[]> {
    return this.base.channelMembers();
  }

  /** Forgets what was read and reads it again at once, off the turn (the next turn finds it warm). */
  rolesChanged(): void {
    this.generation++;
    this.cache = null;
    this.base.rolesChanged();
    void this.refreshAhead();
  }

  async refreshAhead(): Promise<void> {
    await Promise.all([
      this.read(this.clock.now()).catch((err: unknown) =>
        this.log.warn('role assignments could not be refreshed ahead; a turn reads them', { err }),
      ),
      this.base.refreshAhead?.(),
    ]);
  }

  private async read(now: Date): Promise<readonly RoleAssignment[]> {
    const generation = this.generation;
    const assignments = await this.roles.list();
    if (generation === this.generation) this.cache = { at: now.getTime(), assignments };
    return assignments;
  }

  /**
   * Roles the person holds today by assignment. If the store cannot be read, nobody holds a granted
   * role until it can (bootstrap admins still do, so the app can be repaired).
   */
  private async granted(objectId: string): Promise<Role[]> {
    const now = this.clock.now();
    try {
      const id = objectId.toLowerCase();
      return (await this.assignments(now))
        .filter((a) => a.holder.objectId.toLowerCase() === id && isActive(a, now))
        .map((a) => a.role);
    } catch (err) {
      this.log.error('role assignments could not be read; granted roles count as absent', { err });
      return [];
    }
  }

  private async assignments(now: Date): Promise<readonly RoleAssignment[]> {
    const at = now.getTime();
    if (this.cache && at - this.cache.at < this.ttlMs) return this.cache.assignments;
    return this.read(now);
  }
}
