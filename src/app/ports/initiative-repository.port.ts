import type { Initiative } from '../../domain/initiative/initiative.types';
import type { Status } from '../../domain/initiative/status';
import type { Page, PageRequest } from './paging';

/**
 * The one indexed column a query filters on. SharePoint refuses filters on non-indexed columns past
 * 5,000 items, so every query picks exactly one of these and the use case refines in memory.
 */
export type InitiativeIndex =
  | { readonly by: 'all' }
  | { readonly by: 'status'; readonly value: Status }
  | { readonly by: 'initiator'; readonly value: string }
  | { readonly by: 'year'; readonly value: number }
  /** Initiatives holding records not yet written out (the dispatcher's sweep). */
  | { readonly by: 'pending' };

export type NewInitiative = Omit<Initiative, 'version'>;

/** Stores initiatives with SharePoint semantics: no cross-item transactions, versions, unique keys. */
export interface InitiativeRepository {
  /** Creates the initiative, or returns the one already stored under the same clientKey. */
  create(initiative: NewInitiative): Promise<{ initiative: Initiative; created: boolean }>;
  get(id: string): Promise<Initiative | null>;
  getByRef(ref: string): Promise<Initiative | null>;
  /** Saves if `initiative.version` is still current; throws ConflictError if someone else saved first. */
  update(initiative: Initiative): Promise<Initiative>;
  /** Pages through the initiatives matching one indexed value, oldest first. */
  list(index: InitiativeIndex, page?: PageRequest): Promise<Page<Initiative>>;
}
