/**
 * Item queries the way SharePoint answers them through Graph: `$filter=fields/X eq v` only on an
 * indexed column (a non-indexed one needs the Prefer header and fails past the list view
 * threshold), `$expand=fields($select=…)`, `$top`, and paging by `@odata.nextLink` whose skiptoken
 * is bound to the query it came from, so a client that rebuilds links instead of following them fails.
 * With `paging.style = 'nasty'` the links are ones a URL rebuilder trips over, and only a link sent
 * back byte for byte as issued is accepted.
 */
import { createHash } from 'node:crypto';
import { FakeHttpError } from './fake-errors';
import type { FakeItem, FakeList } from './fake-list';

/**
 * How nextLinks look. `opaque`: the query as sent plus `$skiptoken=<base64url>` at the end, as
 * SharePoint lists answer through Graph. `nasty`: `%24skiptoken=` first, its value full of
 * %-escapes, `+` and `=`, the rest of the query after it; the fake then accepts a skiptoken only in
 * the exact link it issued (it remembers each one).
 */
export class FakePaging {
  style: 'opaque' | 'nasty' = 'opaque';
  /** Nasty links issued: the raw query string (after `?`) → the last item id of its page. */
  readonly issued = new Map<string, number>();
  private serial = 0;

  nastyToken(afterId: number, hash: string): string {
    this.serial += 1;
    return `Paged%3DTRUE%26p_ID%3D${afterId}%26n%3D${this.serial}+q%3D${hash}%2B%2F==`;
  }
}

export const DEFAULT_TOP = 200;
export const MAX_TOP = 5000;
const HONOR_NON_INDEXED = 'honornonindexedquerieswarningmayfailrandomly';

interface ItemQuery {
  readonly filter: { readonly column: string; readonly value: string | number } | null;
  readonly itemSelect: readonly string[] | null;
  readonly expandFields: boolean;
  readonly fieldSelect: readonly string[] | null;
  readonly top: number;
  readonly afterId: number;
}

const bad = (message: string) => new FakeHttpError(400, 'invalidRequest', message);

function parseFilter(raw: string): ItemQuery['filter'] {
  const m = /^\s*fields\/([A-Za-z_][A-Za-z0-9_]*)\s+eq\s+(?:'((?:[^']|'')*)'|(-?\d+(?:\.\d+)?))\s*$/.exec(
    raw,
  );
  if (!m) throw bad(`The fake understands only "fields/<Column> eq <value>" filters (got: ${raw}).`);
  return { column: m[1]!, value: m[2] !== undefined ? m[2].replace(/''/g, "'") : Number(m[3]) };
}

function parseExpand(raw: string | null): { expandFields: boolean; fieldSelect: string[] | null } {
  if (raw === null) return { expandFields: false, fieldSelect: null };
  const m = /^fields(?:\(\$?select=([A-Za-z0-9_,@.]+)\))?$/.exec(raw.replace(/\s+/g, ''));
  if (!m) throw bad(`Unsupported $expand: ${raw}`);
  return { expandFields: true, fieldSelect: m[1] ? m[1].split(',') : null };
}

/** Signs a skiptoken with everything else in the query, as a tamper check. */
function queryHash(params: URLSearchParams): string {
  const rest = [...params.entries()].filter(([k]) => k !== '$skiptoken').map(([k, v]) => `${k}=${v}`);
  return createHash('sha256').update(rest.join('&')).digest('hex').slice(0, 12);
}

function parseSkipToken(params: URLSearchParams): number {
  const token = params.get('$skiptoken');
  if (token === null) return 0;
  const decoded = new URLSearchParams(Buffer.from(token, 'base64url').toString('utf8'));
  const id = Number(decoded.get('p_ID'));
  if (decoded.get('Paged') !== 'TRUE' || !Number.isInteger(id) || decoded.get('q') !== queryHash(params)) {
    throw bad('The skiptoken is not valid for this query; follow @odata.nextLink as it is.');
  }
  return id;
}

/** In nasty mode a link counts only exactly as it was issued: order, escapes and all. */
function nastyAfterId(rawQuery: string, paging: FakePaging): number {
  const afterId = paging.issued.get(rawQuery);
  if (afterId === undefined) {
    throw bad('The skiptoken is not valid for this query; follow @odata.nextLink as it is.');
  }
  return afterId;
}

function parseQuery(params: URLSearchParams, rawQuery: string, paging: FakePaging): ItemQuery {
  const filter = params.get('$filter');
  const top = params.has('$top') ? Number(params.get('$top')) : DEFAULT_TOP;
  if (!Number.isInteger(top) || top < 1) throw bad('$top must be a positive integer.');
  if (params.has('$orderby')) throw bad('The fake does not order: SharePoint lists come back by id.');
  return {
    filter: filter === null ? null : parseFilter(filter),
    itemSelect: params.get('$select')?.split(',') ?? null,
    ...parseExpand(params.get('$expand')),
    top: Math.min(top, MAX_TOP),
    afterId:
      paging.style === 'nasty' && params.has('$skiptoken')
        ? nastyAfterId(rawQuery, paging)
        : parseSkipToken(params),
  };
}

function matches(item: FakeItem, filter: NonNullable<ItemQuery['filter']>): boolean {
  const v = item.fields[filter.column];
  // Text comparison in SharePoint is case-insensitive.
  if (typeof filter.value === 'string')
    return typeof v === 'string' && v.toLowerCase() === filter.value.toLowerCase();
  return v === filter.value;
}

/** The threshold rules: what SharePoint refuses on a list of this size. */
function enforceThreshold(list: FakeList, q: ItemQuery, prefer: string, threshold: number): void {
  const large = list.items.size > threshold;
  if (q.filter) {
    const column = list.columns.get(q.filter.column);
    if (!column) throw bad(`Field '${q.filter.column}' is not recognized`);
    if (!column.indexed) {
      if (!prefer.toLowerCase().includes(HONOR_NON_INDEXED)) {
        throw bad(
          `Field '${column.name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`,
        );
      }
      if (large)
        throw bad('The attempted operation is prohibited because it exceeds the list view threshold.');
    }
  }
  // An unfiltered page bigger than the threshold is a scan SharePoint refuses on a large list.
  if (!q.filter && large && q.top > threshold) {
    throw bad('The attempted operation is prohibited because it exceeds the list view threshold.');
  }
}

export function itemJson(
  list: FakeList,
  item: FakeItem,
  select: readonly string[] | null,
  fields: Record<string, unknown> | null,
): Record<string, unknown> {
  const all: Record<string, unknown> = {
    '@odata.etag': list.eTag(item),
    id: String(item.id),
    eTag: list.eTag(item),
    createdDateTime: item.created,
    lastModifiedDateTime: item.modified,
  };
  const out = select
    ? Object.fromEntries(Object.entries(all).filter(([k]) => k === '@odata.etag' || select.includes(k)))
    : all;
  return fields ? { ...out, fields } : out;
}

export function fieldsJson(
  list: FakeList,
  item: FakeItem,
  select: readonly string[] | null,
): Record<string, unknown> {
  const base: Record<string, unknown> = { '@odata.etag': list.eTag(item) };
  if (select) {
    for (const name of select) if (name in item.fields) base[name] = item.fields[name];
    return base;
  }
  return { ...base, id: String(item.id), ...item.fields, Created: item.created, Modified: item.modified };
}

/** Answers GET …/items?… for one list; `self` is the request URL, used to build the nextLink. */
export function queryItems(
  list: FakeList,
  self: URL,
  prefer: string,
  threshold: number,
  paging: FakePaging = new FakePaging(),
): Record<string, unknown> {
  const q = parseQuery(self.searchParams, self.search.slice(1), paging);
  enforceThreshold(list, q, prefer, threshold);
  const page: FakeItem[] = [];
  let more = false;
  for (const item of list.items.values()) {
    if (item.id <= q.afterId || (q.filter && !matches(item, q.filter))) continue;
    if (page.length === q.top) {
      more = true;
      break;
    }
    page.push(item);
  }
  const value = page.map((item) =>
    itemJson(list, item, q.itemSelect, q.expandFields ? fieldsJson(list, item, q.fieldSelect) : null),
  );
  const body: Record<string, unknown> = { value };
  const last = page[page.length - 1];
  if (more && last) {
    // Like Graph: the request's own query string, with the skiptoken for the next page appended.
    const rest = self.search
      .slice(1)
      .split('&')
      .filter((p) => p && !/^(\$|%24)skiptoken=/i.test(p));
    const withoutToken = new URLSearchParams(rest.join('&'));
    if (paging.style === 'nasty') {
      const query = [`%24skiptoken=${paging.nastyToken(last.id, queryHash(withoutToken))}`, ...rest].join(
        '&',
      );
      paging.issued.set(query, last.id);
      body['@odata.nextLink'] = `${self.origin}${self.pathname}?${query}`;
      return body;
    }
    const token = new URLSearchParams({ Paged: 'TRUE', p_ID: String(last.id), q: queryHash(withoutToken) });
    const skiptoken = Buffer.from(token.toString()).toString('base64url');
    body['@odata.nextLink'] =
      `${self.origin}${self.pathname}?${[...rest, `$skiptoken=${skiptoken}`].join('&')}`;
  }
  return body;
}
