import type { NewRoleAssignment, RoleAssignment } from '../../domain/roles/role-assignment';

/**
 * Role assignments granted in the app (chair, secretary, admin). Few in number (tens over years), so
 * they are read whole; the id is a unique key, which makes a repeated grant a replay.
 */
export interface RoleRepository {
  /**
   * Creates the assignment when `expectedVersion` is null (ConflictError 'duplicate' if the id is
   * taken), or replaces it when the version matches (ConflictError 'stale' otherwise).
   */
  put(assignment: NewRoleAssignment, expectedVersion: string | null): Promise<RoleAssignment>;
  get(id: string): Promise<RoleAssignment | null>;
  /** Every assignment, current and ended, oldest grant first. */
  list(): Promise<RoleAssignment[]>;
}
