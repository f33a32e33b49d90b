import type { AuditEvent } from '../../domain/audit/audit-event';

/** What the organisation manages itself, each as its own sequence of revisions. */
export type ConfigurationKind = 'catalogue' | 'settings';

/**
 * One saved revision of the catalogue or the settings. Revisions are never changed or removed: the
 * latest is the one in force, the earlier ones are its history.
 */
export interface ConfigurationRevision {
  readonly kind: ConfigurationKind;
  /** 1 for the seed, then one more per change; a unique key, so two changes cannot both be n. */
  readonly revision: number;
  /** The whole catalogue or the whole settings as they are from this revision. */
  readonly data: unknown;
  /** The change that saved it: a retry of the same change finds its own revision. */
  readonly changeId: string;
  readonly savedAt: string;
  readonly savedBy: { readonly objectId: string; readonly name: string } | null;
  /** The change's audit events, written out after the revision and again by later passes (by id). */
  readonly events: readonly AuditEvent[];
}

export interface ConfigurationRepository {
  /** Whether the store can hold this revision (a SharePoint multi-line column has a limit). */
  fits(revision: ConfigurationRevision): boolean;
  /**
   * Stores a new revision. ConflictError 'duplicate' if the revision number is taken (someone else
   * saved first, or this is a retry whose first answer was lost: compare `changeId`).
   */
  append(revision: ConfigurationRevision): Promise<void>;
  /** The latest `count` revisions of a kind, oldest first: what an instance needs at start. */
  latest(kind: ConfigurationKind, count: number): Promise<ConfigurationRevision[]>;
  /** The revisions of a kind after `revision` (0: all), oldest first. */
  after(kind: ConfigurationKind, revision: number): Promise<ConfigurationRevision[]>;
}
