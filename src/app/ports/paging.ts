/** A page of results; `nextCursor` is opaque and null on the last page. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

export interface PageRequest {
  readonly cursor?: string | null;
  /** Items per page; adapters cap it (SharePoint serves at most 5,000 per request). */
  readonly limit?: number;
}

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

/** Clamps a requested page size to what every adapter can serve. */
export function pageSize(req: PageRequest | undefined): number {
  const n = req?.limit ?? DEFAULT_PAGE_SIZE;
  return Math.max(1, Math.min(MAX_PAGE_SIZE, Math.floor(n)));
}
