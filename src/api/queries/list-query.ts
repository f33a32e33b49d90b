import { createHash } from 'node:crypto';
import type { AppDeps } from '../../app/deps';
import type { InitiativeIndex } from '../../app/ports/initiative-repository.port';
import type { Initiative, Person } from '../../domain/initiative/initiative.types';
import { STATUSES, type Status } from '../../domain/initiative/status';
import { BadRequestError } from '../../domain/shared/domain.errors';
import type { InitiativePage } from '../../contracts/tab-api';
import { readVisible, toRows } from './visible';

export const SORT_KEYS = ['updated', 'submitted', 'ref', 'title', 'status'] as const;
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

/** Picks the one indexed column to read by (SharePoint semantics); the rest is refined in memory. */
function indexFor(person: Person, q: ListQuery): InitiativeIndex {
  if (q.scope === 'mine') return { by: 'initiator', value: person.objectId };
  if (q.statuses.length === 1) return { by: 'status', value: q.statuses[0]! };
  if (q.year !== null) return { by: 'year', value: q.year };
  return { by: 'all' };
}

const fold = (s: string) => s.toLocaleLowerCase('sv').normalize('NFC');

function matches(i: Initiative, q: ListQuery, words: readonly string[]): boolean {
  const f = i.form;
  if (q.statuses.length > 0 && !q.statuses.includes(i.status)) return false;
  if (q.organisation && !f.organisationIds.includes(q.organisation)) return false;
  if (q.targetGroup && !f.targetGroupIds.includes(q.targetGroup)) return false;
  if (
    q.malbild &&
    !f.goalWordIds.includes(q.malbild) &&
    !f.factorIds.includes(q.malbild) &&
    !f.statementIds.includes(q.malbild)
  )
    return false;
  if (q.year !== null && Number((i.submittedAt ?? i.createdAt).slice(0, 4)) !== q.year) return false;
  if (words.length > 0) {
    const hay = fold(`${i.ref ?? ''} ${f.title} ${f.background} ${f.description} ${i.initiator.name}`);
    if (!words.every((w) => hay.includes(w))) return false;
  }
  return true;
}

const STATUS_ORDER = new Map(STATUSES.map((s, n) => [s, n]));

function compare(sort: SortKey): (a: Initiative, b: Initiative) => number {
  switch (sort) {
    case 'updated':
      return (a, b) => a.updatedAt.localeCompare(b.updatedAt);
    case 'submitted':
      return (a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? '');
    case 'ref':
      return (a, b) => (a.ref ?? '').localeCompare(b.ref ?? '');
    case 'title':
      return (a, b) => a.form.title.localeCompare(b.form.title, 'sv');
    case 'status':
      return (a, b) => STATUS_ORDER.get(a.status)! - STATUS_ORDER.get(b.status)!;
  }
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

/** Filters, sorts and pages the initiatives the person may see. */
export async function listInitiatives(deps: AppDeps, person: Person, q: ListQuery): Promise<InitiativePage> {
  const offset = readCursor(q);
  const words = fold(q.text).split(/\s+/).filter(Boolean);
  // Drafts belong to "Mina initiativ" only; "Alla initiativ" lists what has been sent.
  const all = (await readVisible(deps, person, indexFor(person, q))).filter(
    (i) => (q.scope === 'mine' || i.status !== 'draft') && matches(i, q, words),
  );
  const cmp = compare(q.sort);
  // Ties fall back to the id so pages never overlap or skip.
  all.sort((a, b) => (q.desc ? -1 : 1) * (cmp(a, b) || a.id.localeCompare(b.id)));
  const page = all.slice(offset, offset + q.limit);
  const next = offset + q.limit < all.length ? offset + q.limit : null;
  return {
    items: await toRows(deps, page),
    total: all.length,
    nextCursor: next === null ? null : Buffer.from(`${queryKey(q)}:${next}`).toString('base64url'),
  };
}
