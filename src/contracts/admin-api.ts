/**
 * The Administration view's API (/api/admin/...): admins only, checked on the server by the policy.
 */
import type { AssignableRole } from '../domain/roles/role-assignment';

export interface GrantRoleInput {
  readonly role: AssignableRole;
  /** The Entra object id of the person (from the channel members or Teams' people picker). */
  readonly holderId: string;
  /** First day the role applies (yyyy-mm-dd); today when absent. */
  readonly from?: string;
}

export interface EndRoleInput {
  readonly assignmentId: string;
  /** First day the role no longer applies (yyyy-mm-dd); today (at once) when absent. */
  readonly until?: string;
}

export interface PersonView {
  readonly objectId: string;
  readonly name: string;
}

export interface RoleAssignmentView {
  readonly id: string;
  readonly role: AssignableRole;
  readonly holder: PersonView;
  readonly from: string;
  readonly until: string | null;
  readonly grantedBy: PersonView;
  readonly grantedAt: string;
  readonly endedBy: PersonView | null;
  readonly endedAt: string | null;
  /** Gives the role today. */
  readonly active: boolean;
}

/** GET /api/admin/roles */
export interface RolesView {
  /** Assignments not ended (current or starting later), by role. */
  readonly current: readonly RoleAssignmentView[];
  /** Ended assignments, most recently ended first. */
  readonly history: readonly RoleAssignmentView[];
  /** Members of the registered RUG and preparation channels, whom the picker offers. */
  readonly candidates: readonly PersonView[];
}
