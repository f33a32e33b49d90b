/** The fake's list-item delta behaves as Graph documents it (listItem: delta). */
import { fakeCredential } from '../../support/graph-fake/fake-credential';
import { type GraphFake, startGraphFake } from '../../support/graph-fake/graph-fake';
import type { FakeList } from '../../support/graph-fake/fake-list';

let fake: GraphFake;
let token: string;
let items: string;
let list: FakeList;
beforeAll(async () => {
  fake = await startGraphFake();
  token = (await fakeCredential(fake).getToken(`${fake.origin}/.default`))!.token;
});
afterAll(() => fake.close());
beforeEach(async () => {
  const site = fake.createSite({ role: 'manage' });
  list = site.createList({ displayName: 'Things', columns: [{ name: 'Colour', text: {} }] });
  items = `/sites/${site.id}/lists/${list.id}/items`;
});

async function get(url: string) {
  const res = await fetch(url.startsWith('http') ? url : `${fake.graphUrl}${url}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}

type Entry = { id: string; deleted?: unknown; fields?: { Colour?: string } };

/** Follows nextLinks to the deltaLink, as a client must. */
async function drain(first: string): Promise<{ value: Entry[]; deltaLink: string; pages: number }> {
  const value: Entry[] = [];
  let url = first;
  for (let pages = 1; ; pages++) {
    const { body } = await get(url);
    value.push(...(body.value as Entry[]));
    if (typeof body['@odata.deltaLink'] === 'string')
      return { value, deltaLink: body['@odata.deltaLink'], pages };
    url = body['@odata.nextLink'] as string;
  }
}

it('enumerates every current item in pages, then gives a deltaLink', async () => {
  for (let n = 0; n < 5; n++) list.createItem({ Colour: `c${n}` });
  const first = await drain(`${items}/delta?$expand=fields($select=Colour)&$top=2`);
  expect(first.pages).toBe(3);
  expect(first.value.map((e) => e.fields?.Colour)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);
  expect(first.deltaLink).toContain('token=');
  expect(first.deltaLink).toContain('%24expand=fields');
});

it('answers only the latest state of what changed since a token, deletions included', async () => {
  const a = list.createItem({ Colour: 'red' });
  const b = list.createItem({ Colour: 'blue' });
  const { deltaLink } = await drain(`${items}/delta?$expand=fields`);
  list.updateItem(a.id, undefined, { Colour: 'green' });
  list.updateItem(a.id, undefined, { Colour: 'black' });
  list.deleteItem(b.id, undefined);
  const changes = await drain(deltaLink);
  expect(changes.value).toEqual([
    expect.objectContaining({ id: String(a.id), fields: expect.objectContaining({ Colour: 'black' }) }),
    { id: String(b.id), deleted: { state: 'deleted' } },
  ]);
  expect((await drain(changes.deltaLink)).value).toEqual([]);
});

it('starts from now with token=latest: no items, and later changes only', async () => {
  list.createItem({ Colour: 'old' });
  const latest = await drain(`${items}/delta?token=latest`);
  expect(latest.value).toEqual([]);
  list.createItem({ Colour: 'new' });
  expect((await drain(`${latest.deltaLink}&$expand=fields`)).value.map((e) => e.fields?.Colour)).toEqual([
    'new',
  ]);
});

it('answers 410 Gone with a Location to start over once a token can no longer be served', async () => {
  list.createItem({ Colour: 'red' });
  const { deltaLink } = await drain(`${items}/delta`);
  list.createItem({ Colour: 'blue' });
  list.expireDeltaTokens();
  const gone = await get(deltaLink);
  expect(gone.status).toBe(410);
  expect((gone.body.error as { code: string }).code).toBe('resyncChangesApplyDifferences');
  const restart = gone.headers.get('location')!;
  expect((await drain(restart)).value).toHaveLength(2);
  expect((await get(`${items}/delta?token=not-a-token`)).status).toBe(400);
});
