/**
 * `GET /sites/{s}/lists/{l}/items/delta`, as Graph documents it (listItem: delta): without a token
 * it enumerates the list's current items, page by page (`@odata.nextLink`), and ends with an
 * `@odata.deltaLink`; `token=latest` answers no items and a deltaLink for "from now"; a token from
 * an earlier deltaLink answers the latest state of each item changed since, deleted ones as
 * `{ id, deleted: { state: 'deleted' } }`. A token SharePoint can no longer serve answers
 * `410 Gone` with `resyncChangesApplyDifferences` and a `Location` to start a fresh enumeration.
 * `$select`, `$expand=fields($select=…)` and `$top` work as on item queries and are kept in links.
 */
import { FakeHttpError } from './fake-errors';
import type { FakeItem, FakeList } from './fake-list';
import { DEFAULT_TOP, MAX_TOP, fieldsJson, itemJson } from './fake-query';

interface Position {
  /** The epoch the token was issued in (see FakeList.expireDeltaTokens). */
  readonly epoch: number;
  /** Changes after this one are reported (0 = enumerate everything current). */
  readonly since: number;
  /** The change number the enumeration started at: the deltaLink's token when it ends. */
  readonly upTo: number;
  /** Item ids up to this one were already sent in earlier pages. */
  readonly afterId: number;
}

const bad = (message: string) => new FakeHttpError(400, 'invalidRequest', message);

const encode = (list: FakeList, value: object) =>
  Buffer.from(JSON.stringify({ ...value, l: list.id })).toString('base64url');

function decode(list: FakeList, raw: string): Record<string, unknown> {
  try {
    const v = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (v.l === list.id) return v;
  } catch {
    // answered below
  }
  throw bad('The delta token is not valid for this list.');
}

function linkFor(self: URL, params: Record<string, string>): string {
  const keep = [...self.searchParams.entries()].filter(([k]) => k !== 'token' && k !== '$skiptoken');
  const query = new URLSearchParams([...keep, ...Object.entries(params)]);
  return `${self.origin}${self.pathname}?${query.toString()}`;
}

function position(list: FakeList, self: URL): Position {
  const skip = self.searchParams.get('$skiptoken');
  if (skip !== null) {
    const v = decode(list, skip);
    return { epoch: Number(v.e), since: Number(v.s), upTo: Number(v.u), afterId: Number(v.a) };
  }
  const token = self.searchParams.get('token');
  const now = { epoch: list.deltaEpoch, upTo: list.changes };
  if (token === null || token === '') return { ...now, since: 0, afterId: 0 };
  if (token === 'latest') return { ...now, since: list.changes, afterId: Number.MAX_SAFE_INTEGER };
  const v = decode(list, token);
  return { ...now, epoch: Number(v.e), since: Number(v.c), afterId: 0 };
}

function parseFields(raw: string | null): { expand: boolean; select: string[] | null } {
  if (raw === null) return { expand: false, select: null };
  const m = /^fields(?:\(\$?select=([A-Za-z0-9_,@.]+)\))?$/.exec(raw.replace(/\s+/g, ''));
  if (!m) throw bad(`Unsupported $expand: ${raw}`);
  return { expand: true, select: m[1] ? m[1].split(',') : null };
}

/** Answers one delta request for the list. */
export function deltaItems(
  list: FakeList,
  self: URL,
): { status: number; headers?: Record<string, string>; body: unknown } {
  const at = position(list, self);
  if (at.epoch < list.deltaEpoch) {
    const restart = linkFor(self, {});
    throw new FakeHttpError(
      410,
      'resyncChangesApplyDifferences',
      'The delta token is no longer valid; start a new enumeration from the Location given.',
      { location: restart },
    );
  }
  const topText = self.searchParams.get('$top');
  const top = topText === null ? DEFAULT_TOP : Number(topText);
  if (!Number.isInteger(top) || top < 1 || top > MAX_TOP) throw bad('$top is out of range.');
  const fields = parseFields(self.searchParams.get('$expand'));
  const select = self.searchParams.get('$select')?.split(',') ?? null;
  type Entry = { id: number; item: FakeItem | null };
  const entries: Entry[] = [];
  for (const item of list.items.values()) {
    if (item.change > at.since) entries.push({ id: item.id, item });
  }
  // A full enumeration shows what exists; deletions matter only to someone who saw the item before.
  if (at.since > 0)
    for (const [id, change] of list.tombstones) if (change > at.since) entries.push({ id, item: null });
  entries.sort((a, b) => a.id - b.id);
  const rest = entries.filter((e) => e.id > at.afterId);
  const page = rest.slice(0, top);
  const value = page.map(({ id, item }) =>
    item
      ? itemJson(list, item, select, fields.expand ? fieldsJson(list, item, fields.select) : null)
      : { id: String(id), deleted: { state: 'deleted' } },
  );
  const last = page[page.length - 1];
  if (rest.length > top && last) {
    const skip = encode(list, { e: at.epoch, s: at.since, u: at.upTo, a: last.id });
    return { status: 200, body: { value, '@odata.nextLink': linkFor(self, { $skiptoken: skip }) } };
  }
  // The deltaLink starts where this enumeration started: a change made while paging shows up again
  // in the next round rather than not at all (the feed may repeat an item; it must never lose one).
  const token = encode(list, { e: at.epoch, c: at.upTo });
  return { status: 200, body: { value, '@odata.deltaLink': linkFor(self, { token }) } };
}
