import { createHash } from 'node:crypto';
import type { AppDeps } from '../../app/deps';
import { QUERY_SORTS } from '../../app/ports/query-model.port';
import type { Person } from '../../domain/initiative/initiative.types';
import { STATUSES, type Status } from '../../domain/initiative/status';
import { BadRequestError } from '../../domain/shared/domain.errors';
import type { InitiativePage } from '../../contracts/tab-api';
import { toRows, visibleFilter } from './visible';

export const SORT_KEYS = QUERY_SORTS;
export type SortKey = (typeof SORT_KEYS)[number];

/** The list's filters, sort and page, parsed from the query string. */
export interface ListQuery {
  readonly scope: 'all' | 'mine';
  readonly statuses: readonly Status[];
  readonly organisation: string | null;
  readonly targetGroup: string | null;
  /** A goal word, success factor or statement id. */
  readonly malbild: string | null;
  readonly year: number | null;
  readonly text: string;
  readonly sort: SortKey;
  readonly desc: boolean;
  readonly cursor: string | null;
  readonly limit: number;
}

function badRequest(field: string): BadRequestError {
  return new BadRequestError('QUERY.BAD_PARAMETER', {
    sv: `Ogiltigt värde för ${field}.`,
    en: `Invalid value for ${field}.`,
  });
}

const one = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** Parses and checks the query string; unknown values are refused rather than ignored. */
export function parseListQuery(q: Readonly<Record<string, unknown>>): ListQuery {
  const statuses = one(q.status)
    .split(',')
    .filter(Boolean)
    .map((s) => {
      if (!(STATUSES as readonly string[]).includes(s)) throw badRequest('status');
      return s as Status;
    });
  const yearText = one(q.year);
  const year = yearText ? Number(yearText) : null;
  if (year !== null && (!Number.isInteger(year) || year < 2000 || year > 9999)) throw badRequest('year');
  const sortText = one(q.sort) || '-updated';
  const sort = sortText.replace(/^-/, '');
  if (!(SORT_KEYS as readonly string[]).includes(sort)) throw badRequest('sort');
  const limitText = one(q.limit);
  const limit = limitText ? Number(limitText) : 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw badRequest('limit');
  const scope = one(q.scope) || 'all';
  if (scope !== 'all' && scope !== 'mine') throw badRequest('scope');
  const text = one(q.q);
  if (text.length > 200) throw badRequest('q');
  return {
    scope,
    statuses,
    organisation: one(q.organisation) || null,
    targetGroup: one(q.targetGroup) || null,
    malbild: one(q.malbild) || null,
    year,
    text,
    sort: sort as SortKey,
    desc: sortText.startsWith('-'),
    cursor: one(q.cursor) || null,
    limit,
  };
}

/** The cursor is an offset bound to the query it came from, so a changed filter cannot reuse it. */
function queryKey(q: ListQuery): string {
  const { cursor: _c, limit: _l, ...rest } = q;
  return createHash('sha256').update(JSON.stringify(rest)).digest('base64url').slice(0, 12);
}

function readCursor(q: ListQuery): number {
  if (!q.cursor) return 0;
  const [key, offset] = Buffer.from(q.cursor, 'base64url').toString('utf8').split(':');
  const n = Number(offset);
  if (key !== queryKey(q) || !Number.isInteger(n) || n < 0) throw badRequest('cursor');
  return n;
}

/** Filters, sorts and pages the initiatives the person may see: one query-model read per page. */
export async function listInitiatives(deps: AppDeps, person: Person, q: ListQuery): Promise<InitiativePage> {
  const offset = readCursor(q);
  // Drafts belong to "Mina initiativ" only; "Alla initiativ" lists what has been sent.
  const filter = visibleFilter(person, {
    includeDrafts: q.scope === 'mine',
    ...(q.scope === 'mine' ? { initiatorId: person.objectId } : {}),
    statuses: q.statuses,
    organisation: q.organisation,
    targetGroup: q.targetGroup,
    malbild: q.malbild,
    year: q.year,
    text: q.text,
  });
  const { rows, total } = await deps.store.queries.page(
    filter,
    { by: q.sort, desc: q.desc },
    offset,
    q.limit,
  );
  const next = offset + q.limit < total ? offset + q.limit : null;
  return {
    items: toRows(deps, rows),
    total,
    nextCursor: next === null ? null : Buffer.from(`${queryKey(q)}:${next}`).toString('base64url'),
  };
}
