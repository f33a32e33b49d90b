import type { Stance } from '../../domain/approval/approval';
import type { Initiative } from '../../domain/initiative/initiative.types';
import type { LeadTime } from '../../domain/initiative/lead-times';
import type { Status } from '../../domain/initiative/status';

/**
 * Which initiatives a read wants. Every field narrows; absent fields do not. Drafts are always
 * private to their initiator (`viewerId`), the same rule as the tab's `visibleTo`.
 */
export interface InitiativeFilter {
  /** Who asks; drafts of anyone else are never returned. */
  readonly viewerId: string;
  /** Drafts are left out unless asked for (only "Mina initiativ" shows them). */
  readonly includeDrafts?: boolean;
  readonly initiatorId?: string;
  readonly statuses?: readonly Status[];
  readonly organisation?: string | null;
  readonly targetGroup?: string | null;
  /** A goal word, success factor or statement id. */
  readonly malbild?: string | null;
  /** Year submitted (created, for drafts). */
  readonly year?: number | null;
  /** Year of the current RUG decision (its meeting date, else when it was recorded). */
  readonly decisionYear?: number | null;
  /** Words that must all occur (as substrings, Swedish folding) in ref, title, texts or initiator. */
  readonly text?: string;
  /** Only initiatives this member has not yet given a stance on. */
  readonly withoutStanceOf?: string;
  /** The initiative a form card made (with `initiatorId`: found without reading the person's others). */
  readonly clientKey?: string;
}

/** The viewer for reads made by the app itself (reminders, digests): sees what is sent, no drafts. */
export const SYSTEM_VIEWER = '';

export const QUERY_SORTS = ['updated', 'submitted', 'ref', 'title', 'status'] as const;
export type QuerySort = (typeof QUERY_SORTS)[number];

export interface QueryOrder {
  readonly by: QuerySort;
  readonly desc: boolean;
}

/** One initiative with what a list row needs besides it, so a page never reads stances row by row. */
export interface QueryRow {
  readonly initiative: Initiative;
  /** How many RUG members approve (the stance tally column). */
  readonly approvals: number;
  /** Members who have given any stance (approve, decline or jäv). */
  readonly stanceMemberIds: readonly string[];
}

/** Counts over every initiative a filter matches, for the overview. */
export interface QueryStats {
  readonly total: number;
  readonly byStatus: ReadonlyMap<string, number>;
  readonly byOrganisation: ReadonlyMap<string, number>;
  readonly byTargetGroup: ReadonlyMap<string, number>;
  readonly byGoalWord: ReadonlyMap<string, number>;
  readonly byFactor: ReadonlyMap<string, number>;
  readonly byYear: ReadonlyMap<string, number>;
  /** Median days per step of the process (computed with the counts, so it is cached with them). */
  readonly leadTimes: readonly LeadTime[];
}

/**
 * Every read that lists or counts initiatives: answered from indexed, queryable data (the embedded
 * store's own tables, or a replica of the SharePoint lists), never by reading the whole list.
 */
export interface InitiativeQueries {
  /** One page in the given order (ties broken by id, so pages never overlap) and the total count. */
  page(
    filter: InitiativeFilter,
    order: QueryOrder,
    offset: number,
    limit: number,
  ): Promise<{ rows: QueryRow[]; total: number }>;
  /** Every match, newest change first; for sets that are small by nature (a status, a person). */
  rows(filter: InitiativeFilter): Promise<QueryRow[]>;
  stats(filter: InitiativeFilter): Promise<QueryStats>;
  /**
   * Candidates for "similar initiatives": those of `statuses` sharing at least one of `words`
   * (whole words, as the caller split them), best full-text match first, at most `limit`.
   */
  similarCandidates(
    words: readonly string[],
    statuses: readonly Status[],
    limit: number,
  ): Promise<Initiative[]>;
}

/** The writable side of a query model: the store (or its replica) feeds every change into it. */
export interface QueryProjection extends InitiativeQueries {
  putInitiative(initiative: Initiative): void;
  removeInitiative(id: string): void;
  putStance(stance: Stance): void;
  removeStance(initiativeId: string, memberId: string): void;
  /** Applies the changes `fn` makes at once (one transaction): a replica build or a page of changes. */
  batch(fn: () => void): void;
  /** How many initiatives it holds (for health and the bench). */
  size(): number;
  close(): void;
}
