/**
 * Item operations on one SharePoint list through Graph. Reads `$select` only the columns the
 * caller needs and filter on exactly one (indexed) column; refining happens in memory by the caller.
 */
import type { GraphClient } from './http/graph-client';
import { isNotFound } from './http/graph-errors';
import { type GraphCall, asRecord } from './http/graph-http';

export type FieldValue = string | number | boolean | null | readonly string[];
export type Fields = Readonly<Record<string, FieldValue>>;

export interface ListItem {
  readonly itemId: string;
  readonly eTag: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

/** One `column eq value` clause; the column must be indexed (see list-design.ts). */
export interface Filter {
  readonly column: string;
  readonly value: string | number;
}

export interface ItemPage {
  readonly items: readonly ListItem[];
  readonly nextLink: string | null;
}

/** OData literal: strings quoted with inner quotes doubled, numbers as they are. */
export function odataLiteral(value: string | number): string {
  return typeof value === 'number' ? String(value) : `'${value.replace(/'/g, "''")}'`;
}

/** Multi-value fields need their OData type next to them, or Graph refuses the write. */
export function annotate(fields: Fields): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const [name, value] of Object.entries(fields)) {
    out[name] = value;
    if (Array.isArray(value)) out[`${name}@odata.type`] = 'Collection(Edm.String)';
  }
  return out;
}

export function parseItem(raw: unknown): ListItem {
  const item = asRecord(raw);
  const fields = asRecord(item.fields);
  const eTag = typeof item.eTag === 'string' ? item.eTag : String(fields['@odata.etag'] ?? '');
  return { itemId: String(item.id ?? fields.id ?? ''), eTag, fields };
}

export class GraphList {
  /** Path of the list's items, relative to the Graph base URL. */
  readonly itemsPath: string;

  constructor(
    private readonly client: GraphClient,
    siteId: string,
    readonly listId: string,
    /** The columns every read of this list asks for. */
    private readonly readColumns: readonly string[],
  ) {
    this.itemsPath = `/sites/${siteId}/lists/${listId}/items`;
  }

  private get expand(): string {
    return `$select=id,eTag&$expand=${encodeURIComponent(`fields($select=${this.readColumns.join(',')})`)}`;
  }

  /** The POST that creates an item; exposed so bulk writes can put it in a $batch. */
  createRequest(fields: Fields, useCase: string, idempotencyKey: string): GraphCall {
    return {
      method: 'POST',
      url: this.itemsPath,
      body: { fields: annotate(fields) },
      useCase,
      idempotencyKey,
    };
  }

  async create(fields: Fields, useCase: string, idempotencyKey: string): Promise<ListItem> {
    return parseItem(await this.client.send(this.createRequest(fields, useCase, idempotencyKey)));
  }

  /** The PATCH that sets fields if the item still has `eTag`; exposed so a $batch can carry it. */
  updateRequest(itemId: string, eTag: string | null, fields: Fields, useCase: string): GraphCall {
    return {
      method: 'PATCH',
      url: `${this.itemsPath}/${encodeURIComponent(itemId)}/fields`,
      headers: eTag === null ? {} : { 'If-Match': eTag },
      body: annotate(fields),
      useCase,
    };
  }

  /** Sets fields if the item still has `eTag` (else Graph answers 412); returns the new eTag. */
  async update(itemId: string, eTag: string | null, fields: Fields, useCase: string): Promise<string> {
    const body = await this.client.send(this.updateRequest(itemId, eTag, fields, useCase));
    return this.eTagAfterUpdate(itemId, body, useCase);
  }

  /** The new eTag in an update's answer (the fields it returns carry it). */
  async eTagAfterUpdate(itemId: string, body: unknown, useCase: string): Promise<string> {
    const etag = asRecord(body)['@odata.etag'];
    if (typeof etag === 'string') return etag;
    // Not every SharePoint answer carries the new eTag; then one more read is the price.
    return (await this.read(itemId, useCase))?.eTag ?? '';
  }

  async read(itemId: string, useCase: string): Promise<ListItem | null> {
    try {
      return parseItem(
        await this.client.send({
          method: 'GET',
          url: `${this.itemsPath}/${encodeURIComponent(itemId)}?${this.expand}`,
          useCase,
        }),
      );
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  /**
   * The first page's URL for one filter (or none), `top` items per page. Built here rather than with
   * GraphRequest's `.filter()`/`.select()`/`.expand()`/`.top()`, which copy their argument into the
   * URL unencoded (a value with `&`, `#` or `+` would change the query): every value is
   * percent-encoded, and the string doubles as the cursor's link for the first page.
   */
  queryUrl(filter: Filter | null, top: number): string {
    const where = filter
      ? `$filter=${encodeURIComponent(`fields/${filter.column} eq ${odataLiteral(filter.value)}`)}&`
      : '';
    return `${this.itemsPath}?${where}${this.expand}&$top=${top}`;
  }

  /** One page; `url` is queryUrl(...) or a nextLink, which is followed verbatim. */
  async page(url: string, useCase: string): Promise<ItemPage> {
    const body = asRecord(await this.client.send({ method: 'GET', url, useCase }));
    const value = Array.isArray(body.value) ? body.value : [];
    const next = body['@odata.nextLink'];
    return { items: value.map(parseItem), nextLink: typeof next === 'string' ? next : null };
  }

  /** Every item matching the filter and the in-memory check, following nextLinks to the end. */
  async findAll(filter: Filter, useCase: string, keep: (item: ListItem) => boolean): Promise<ListItem[]> {
    const out: ListItem[] = [];
    let url: string | null = this.queryUrl(filter, 500);
    while (url) {
      const page = await this.page(url, useCase);
      out.push(...page.items.filter(keep));
      url = page.nextLink;
    }
    return out;
  }

  /**
   * The item whose unique column has the value. The filter is case-insensitive in SharePoint, so
   * `keep` checks the exact value in memory.
   */
  async findOne(
    filter: Filter,
    useCase: string,
    keep: (item: ListItem) => boolean,
  ): Promise<ListItem | null> {
    const page = await this.page(this.queryUrl(filter, 2), useCase);
    return page.items.find(keep) ?? null;
  }
}
