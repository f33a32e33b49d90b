/**
 * Graph's list-item delta for one list (GET …/items/delta): `token=latest` marks "from now", a
 * deltaLink answers the latest state of every item changed since, deleted items as `deleted`.
 * A 410 Gone means SharePoint can no longer tell the changes since that link: the caller resyncs.
 */
import { GraphError } from '@microsoft/microsoft-graph-client';
import type { GraphList, ListItem } from '../graph-list';
import { parseItem } from '../graph-list';
import type { GraphClient } from '../http/graph-client';
import { asRecord } from '../http/graph-http';

export type DeltaChange =
  | { readonly kind: 'upsert'; readonly item: ListItem }
  | { readonly kind: 'deleted'; readonly itemId: string };

/** The link SharePoint gave up on; the replica must be rebuilt from a full read. */
export class DeltaExpiredError extends Error {
  constructor() {
    super('the delta link expired (410 Gone): a resync is needed');
    this.name = 'DeltaExpiredError';
  }
}

/** Items per delta page; SharePoint serves at most 5,000 per request. */
const DELTA_TOP = 1000;

export class DeltaFeed {
  constructor(
    private readonly client: GraphClient,
    private readonly list: GraphList,
    /** The columns the replica needs (the record and its write token). */
    private readonly columns: readonly string[],
  ) {}

  private get firstUrl(): string {
    const expand = encodeURIComponent(`fields($select=${this.columns.join(',')})`);
    return `${this.list.itemsPath}/delta?$select=id,eTag&$expand=${expand}&$top=${DELTA_TOP}`;
  }

  /** A deltaLink for "changes from now on" (one round trip, no items). */
  async latest(): Promise<string> {
    const { deltaLink } = await this.read(`${this.firstUrl}&token=latest`);
    return deltaLink;
  }

  /** Every change since `link`, following nextLinks, and the deltaLink to ask next time. */
  async since(link: string): Promise<{ changes: DeltaChange[]; deltaLink: string }> {
    return this.read(link);
  }

  private async read(first: string): Promise<{ changes: DeltaChange[]; deltaLink: string }> {
    const changes: DeltaChange[] = [];
    let url = first;
    for (;;) {
      let body: Record<string, unknown>;
      try {
        body = asRecord(await this.client.send({ method: 'GET', url, useCase: 'replica.delta' }));
      } catch (err) {
        if (err instanceof GraphError && err.statusCode === 410) throw new DeltaExpiredError();
        throw err;
      }
      for (const raw of Array.isArray(body.value) ? body.value : []) {
        const entry = asRecord(raw);
        if (entry.deleted !== undefined) changes.push({ kind: 'deleted', itemId: String(entry.id ?? '') });
        else changes.push({ kind: 'upsert', item: parseItem(raw) });
      }
      const next = body['@odata.nextLink'];
      const delta = body['@odata.deltaLink'];
      if (typeof next === 'string') url = next;
      else if (typeof delta === 'string') return { changes, deltaLink: delta };
      else throw new Error('delta answer had neither a nextLink nor a deltaLink');
    }
  }
}
