/**
 * The Graph endpoints the store and the provisioner use: sites, lists, columns, items, fields.
 * Answers are plain { status, headers, body }, so the HTTP server and $batch share them.
 */
import { type FakeAnswer, FakeHttpError, errorAnswer } from './fake-errors';
import { deltaItems } from './fake-delta';
import { listDrive, routeDrive } from './fake-drives';
import type { FakeList } from './fake-list';
import { type FakePaging, fieldsJson, itemJson, queryItems } from './fake-query';
import type { FakeGraphState, FakeSite } from './fake-state';

export interface RouteRequest {
  readonly method: string;
  /** The full request URL (nextLinks are built from it). */
  readonly url: URL;
  /** Path below the version segment, e.g. `/sites/x/lists`. */
  readonly path: string;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/** What item queries depend on besides the request: the list view threshold and the paging style. */
interface QueryRules {
  readonly threshold: number;
  readonly paging: FakePaging;
}

const notFound = () => new FakeHttpError(404, 'invalidRequest', 'Resource not found for the segment.');
const asObject = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

function listJson(list: FakeList, expandColumns: boolean): Record<string, unknown> {
  return {
    id: list.id,
    name: list.displayName.replace(/\s+/g, ''),
    displayName: list.displayName,
    description: list.description,
    createdDateTime: list.created,
    list: { template: list.template, hidden: false },
    ...(expandColumns ? { columns: [...list.columns.values()].map((c) => c.definition) } : {}),
  };
}

function pick(obj: Record<string, unknown>, select: string | null): Record<string, unknown> {
  if (!select) return obj;
  const keys = select.split(',');
  return Object.fromEntries(Object.entries(obj).filter(([k]) => keys.includes(k) || k === 'columns'));
}

function siteJson(site: FakeSite): Record<string, unknown> {
  return {
    id: site.id,
    webUrl: site.webUrl,
    displayName: site.path.split('/').pop(),
    name: site.path.split('/').pop(),
  };
}

function items(
  site: FakeSite,
  list: FakeList,
  req: RouteRequest,
  rest: string[],
  rules: QueryRules,
): FakeAnswer {
  const [itemId, sub] = rest;
  if (itemId === undefined) {
    if (req.method === 'GET') {
      site.require('read');
      return {
        status: 200,
        body: queryItems(list, req.url, req.headers.prefer ?? '', rules.threshold, rules.paging),
      };
    }
    if (req.method !== 'POST') throw notFound();
    site.require('write');
    const item = list.createItem(asObject(asObject(req.body).fields));
    return {
      status: 201,
      headers: { etag: list.eTag(item) },
      body: itemJson(list, item, null, fieldsJson(list, item, null)),
    };
  }
  if (itemId === 'delta' && sub === undefined && req.method === 'GET') {
    site.require('read');
    return deltaItems(list, req.url);
  }
  const id = Number(itemId);
  if (!Number.isInteger(id)) throw notFound();
  const select = req.url.searchParams.get('$select');
  const expand = req.url.searchParams.get('$expand');
  if (sub === 'fields') {
    if (req.method === 'GET') {
      site.require('read');
      return { status: 200, body: fieldsJson(list, list.getItem(id), select?.split(',') ?? null) };
    }
    if (req.method !== 'PATCH') throw notFound();
    site.require('write');
    const item = list.updateItem(id, req.headers['if-match'], asObject(req.body));
    return { status: 200, headers: { etag: list.eTag(item) }, body: fieldsJson(list, item, null) };
  }
  if (sub !== undefined) throw notFound();
  if (req.method === 'DELETE') {
    site.require('write');
    list.deleteItem(id, req.headers['if-match']);
    return { status: 204 };
  }
  if (req.method !== 'GET') throw notFound();
  site.require('read');
  const item = list.getItem(id);
  const m = expand ? /^fields(?:\(\$?select=([^)]*)\))?$/.exec(expand) : null;
  const fields = m ? fieldsJson(list, item, m[1]?.split(',') ?? null) : null;
  return {
    status: 200,
    headers: { etag: list.eTag(item) },
    body: itemJson(list, item, select?.split(',') ?? null, fields),
  };
}

function lists(site: FakeSite, req: RouteRequest, rest: string[], rules: QueryRules): FakeAnswer {
  const [listRef, segment, ...more] = rest;
  const select = req.url.searchParams.get('$select');
  const expandColumns = req.url.searchParams.get('$expand') === 'columns';
  if (listRef === undefined) {
    if (req.method === 'GET') {
      site.require('read');
      return {
        status: 200,
        body: { value: [...site.lists.values()].map((l) => pick(listJson(l, expandColumns), select)) },
      };
    }
    if (req.method !== 'POST') throw notFound();
    site.require('manage');
    return { status: 201, body: listJson(site.createList(asObject(req.body)), true) };
  }
  const list = site.findList(listRef);
  if (segment === undefined && req.method === 'GET') {
    site.require('read');
    return { status: 200, body: pick(listJson(list, expandColumns), select) };
  }
  if (segment === 'items') return items(site, list, req, more, rules);
  if (segment === 'drive' && more.length === 0 && req.method === 'GET') return listDrive(site, list);
  if (segment !== 'columns') throw notFound();
  const [columnId] = more;
  if (columnId === undefined && req.method === 'GET') {
    site.require('read');
    return { status: 200, body: { value: [...list.columns.values()].map((c) => c.definition) } };
  }
  if (columnId === undefined && req.method === 'POST') {
    site.require('manage');
    return { status: 201, body: list.addColumn(asObject(req.body)).definition };
  }
  if (columnId !== undefined && req.method === 'PATCH') {
    site.require('manage');
    return { status: 200, body: list.updateColumn(columnId, asObject(req.body)).definition };
  }
  throw notFound();
}

/** Routes one Graph request (already authenticated); errors become Graph-shaped answers. */
export function routeGraph(state: FakeGraphState, req: RouteRequest, threshold: number): FakeAnswer {
  try {
    if (req.path.startsWith('/drives/'))
      return routeDrive(req.method, req.path, req.url, req.headers, req.body);
    const m = /^\/sites\/([^/]+)(.*)$/.exec(req.path);
    if (!m) throw notFound();
    const [, siteRef, tail] = m;
    // Site by path (`host:/sites/x`) is only used to look a site up, never to go deeper.
    if (siteRef!.includes(':')) {
      if (req.method !== 'GET') throw notFound();
      const site = state.findSite(`${siteRef}${tail}`);
      site.require('read');
      return { status: 200, body: siteJson(site) };
    }
    const site = state.findSite(siteRef!);
    const rest = tail!.split('/').filter(Boolean);
    if (rest.length === 0 && req.method === 'GET') {
      site.require('read');
      return { status: 200, body: siteJson(site) };
    }
    if (rest[0] === 'lists') return lists(site, req, rest.slice(1), { threshold, paging: state.paging });
    throw notFound();
  } catch (err) {
    return errorAnswer(err);
  }
}
