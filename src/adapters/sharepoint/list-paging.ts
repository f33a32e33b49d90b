/**
 * Cursor paging over Graph nextLinks. A cursor is the URL of the Graph page to read next plus how
 * many of its items were already handed out, so a caller's page size need not match Graph's and a
 * sparse Graph page (SharePoint may return fewer than $top) is topped up from the next one.
 * Versions are likewise opaque: the item id plus its eTag, so an update needs no lookup first.
 */
import type { Page } from '../../app/ports/paging';
import type { GraphList, ListItem } from './graph-list';

interface CursorData {
  /** Which query the cursor belongs to, e.g. `status:submitted`. */
  readonly k: string;
  readonly l: string;
  readonly o: number;
}

const encode = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

function decode(value: string): Record<string, unknown> | null {
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** `key` names the record (initiative id, stance key), so a version is never applied to another item. */
export function encodeVersion(item: Pick<ListItem, 'itemId' | 'eTag'>, key: string): string {
  return encode({ i: item.itemId, e: item.eTag, k: key });
}

/** The item id and eTag inside a version, or null if it is not a version of the record `key`. */
export function decodeVersion(version: string, key: string): { itemId: string; eTag: string } | null {
  const v = decode(version);
  return v && typeof v.i === 'string' && typeof v.e === 'string' && v.i && v.k === key
    ? { itemId: v.i, eTag: v.e }
    : null;
}

/**
 * Checks a cursor from a client: it must belong to this query and point at this list's items (the
 * auth middleware separately refuses any host but Graph), so a tampered cursor reads nothing else.
 */
function decodeCursor(cursor: string, key: string, list: GraphList): CursorData {
  const c = decode(cursor);
  const link = c?.l;
  if (
    c &&
    c.k === key &&
    typeof link === 'string' &&
    typeof c.o === 'number' &&
    Number.isInteger(c.o) &&
    c.o >= 0 &&
    link.toLowerCase().includes(`/lists/${list.listId.toLowerCase()}/items?`)
  ) {
    return { k: key, l: link, o: c.o };
  }
  throw new RangeError('invalid cursor');
}

/** Reads up to `limit` items from where the cursor points (or from `firstUrl`), oldest first. */
export async function readPage<T>(
  list: GraphList,
  request: {
    key: string;
    firstUrl: string;
    cursor: string | null | undefined;
    limit: number;
    useCase: string;
  },
  toValue: (item: ListItem) => T,
): Promise<Page<T>> {
  const start = request.cursor ? decodeCursor(request.cursor, request.key, list) : null;
  let link = start?.l ?? request.firstUrl;
  let offset = start?.o ?? 0;
  const out: T[] = [];
  for (;;) {
    const page = await list.page(link, request.useCase);
    const rest = page.items.slice(offset);
    const room = request.limit - out.length;
    if (rest.length > room) {
      out.push(...rest.slice(0, room).map(toValue));
      return { items: out, nextCursor: encode({ k: request.key, l: link, o: offset + room }) };
    }
    out.push(...rest.map(toValue));
    if (!page.nextLink) return { items: out, nextCursor: null };
    if (out.length === request.limit) {
      return { items: out, nextCursor: encode({ k: request.key, l: page.nextLink, o: 0 }) };
    }
    link = page.nextLink;
    offset = 0;
  }
}
