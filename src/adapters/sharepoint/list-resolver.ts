import { UnavailableError } from '../../app/ports/store.errors';
import type { GraphClient } from './http/graph-client';
import { asRecord } from './http/graph-http';
import { LISTS, LIST_KEYS, type ListKey } from './list-design';

/** A list as Graph describes it, with the column properties the store relies on. */
export interface SiteList {
  readonly id: string;
  readonly displayName: string;
  readonly columns: readonly Readonly<Record<string, unknown>>[];
}

/** All lists of the site with their columns, following nextLinks (one request on a normal site). */
export async function fetchSiteLists(
  client: GraphClient,
  siteId: string,
  useCase: string,
): Promise<SiteList[]> {
  const out: SiteList[] = [];
  let url: string | null = `/sites/${siteId}/lists?$select=id,displayName&$expand=columns`;
  while (url) {
    const body = asRecord(await client.send({ method: 'GET', url, useCase }));
    for (const raw of Array.isArray(body.value) ? body.value : []) {
      const l = asRecord(raw);
      const columns = Array.isArray(l.columns) ? l.columns.map(asRecord) : [];
      out.push({ id: String(l.id), displayName: String(l.displayName), columns });
    }
    const next = body['@odata.nextLink'];
    url = typeof next === 'string' ? next : null;
  }
  return out;
}

/**
 * The list ids by display name, checked against the design: a missing list or a column that is
 * missing or not indexed/unique as designed stops the app at start instead of failing per request.
 */
export async function resolveLists(client: GraphClient, siteId: string): Promise<Record<ListKey, string>> {
  const lists = await fetchSiteLists(client, siteId, 'open');
  const problems: string[] = [];
  const ids: Partial<Record<ListKey, string>> = {};
  for (const key of LIST_KEYS) {
    const design = LISTS[key];
    const found = lists.find((l) => l.displayName === design.displayName);
    if (!found) {
      problems.push(`list "${design.displayName}" is missing`);
      continue;
    }
    ids[key] = found.id;
    for (const column of design.columns) {
      const c = found.columns.find((x) => x.name === column.name);
      if (!c) problems.push(`column ${design.displayName}.${column.name} is missing`);
      else if ((column.indexed || column.unique) && c.indexed !== true)
        problems.push(`column ${design.displayName}.${column.name} is not indexed`);
      else if (column.unique && c.enforceUniqueValues !== true)
        problems.push(`column ${design.displayName}.${column.name} does not enforce unique values`);
      else if (
        column.allowTextEntry &&
        (c.choice as { allowTextEntry?: unknown } | undefined)?.allowTextEntry !== true
      )
        problems.push(`column ${design.displayName}.${column.name} does not take fill-in choices`);
    }
  }
  if (problems.length > 0) {
    throw new UnavailableError(
      `SharePoint site is not provisioned for this version (${problems.join('; ')}); run npm run provision -- --site <site>`,
    );
  }
  return ids as Record<ListKey, string>;
}
