/**
 * The Administration view's API (/api/admin/...): admins only, checked on the server by the policy.
 */
import type { CatalogueChange } from '../domain/catalogue/catalogue-edit';
import type { Catalogue } from '../domain/catalogue/catalogue.types';
import type { AssignableRole } from '../domain/roles/role-assignment';
import type { ProcessSettings } from '../domain/settings/process-settings';

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

/** One audited change of the catalogue or the settings, for the Administration view's history. */
export interface ConfigurationChangeView {
  readonly revision: number;
  readonly kind: 'catalogue_changed' | 'catalogue_imported' | 'settings_changed';
  readonly at: string;
  readonly by: PersonView;
  readonly before: Readonly<Record<string, unknown>> | null;
  readonly after: Readonly<Record<string, unknown>> | null;
}

/** GET /api/admin/catalogue: the live catalogue, retired entries included (marked `retiredIn`). */
export interface CatalogueAdminView {
  /** The revision the view shows; a change says which one it was based on. */
  readonly revision: number;
  readonly catalogue: Catalogue;
  readonly history: readonly ConfigurationChangeView[];
}

/** POST /api/admin/catalogue: one change. `changeId` makes a retry of the same press a replay. */
export interface CatalogueChangeInput {
  readonly changeId: string;
  readonly basedOn: number;
  readonly change: CatalogueChange;
}

/** GET /api/admin/settings */
export interface SettingsAdminView {
  readonly revision: number;
  readonly settings: ProcessSettings;
  readonly history: readonly ConfigurationChangeView[];
}

/** PUT /api/admin/settings: the whole settings. */
export interface SettingsInput {
  readonly changeId: string;
  readonly basedOn: number;
  readonly settings: ProcessSettings;
}

/**
 * The export file (GET /api/admin/catalogue/export, POST /api/admin/catalogue/import), documented in
 * docs/catalogue-file.md: the whole catalogue and, optionally, the process settings.
 */
export interface CatalogueFile {
  readonly format: 'omtanke-catalogue';
  readonly formatVersion: 1;
  readonly exportedAt?: string;
  readonly catalogue: Catalogue;
  readonly settings?: ProcessSettings;
}

export interface CatalogueImportInput {
  readonly changeId: string;
  readonly file: CatalogueFile;
}
