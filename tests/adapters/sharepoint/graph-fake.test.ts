/** The fake behaves like SharePoint through Graph where the store depends on it. */
import { fakeCredential } from '../../support/graph-fake/fake-credential';
import { type GraphFake, startGraphFake } from '../../support/graph-fake/graph-fake';
import type { FakeSite } from '../../support/graph-fake/fake-state';

let fake: GraphFake;
let token: string;
let site: FakeSite;
let list: string;
beforeAll(async () => {
  fake = await startGraphFake({ threshold: 30 });
  token = (await fakeCredential(fake).getToken(`${fake.origin}/.default`))!.token;
});
afterAll(() => fake.close());
beforeEach(async () => {
  fake.faults.clear();
  site = fake.createSite({ role: 'manage' });
  const res = await call('POST', `/sites/${site.id}/lists`, {
    displayName: 'Things',
    list: { template: 'genericList' },
    columns: [
      { name: 'Key', text: {}, indexed: true, enforceUniqueValues: true },
      { name: 'Colour', text: {} },
      { name: 'Tags', choice: { choices: ['a', 'b'], displayAs: 'checkBoxes' } },
    ],
  });
  list = `/sites/${site.id}/lists/${(res.body as { id: string }).id}/items`;
});

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${fake.graphUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    body: (text ? JSON.parse(text) : null) as Record<string, unknown>,
  };
}
const create = (fields: Record<string, unknown>) => call('POST', list, { fields });
const count = () => [...site.lists.values()][0]!.items.size;

it('wants a token from its own token endpoint on every Graph call', async () => {
  const res = await fetch(`${fake.graphUrl}/sites/${site.id}`);
  expect(res.status).toBe(401);
  await expect(fakeCredential(fake, 'wrong-secret').getToken(`${fake.origin}/.default`)).rejects.toThrow(
    /invalid_client/,
  );
});

it('refuses a duplicate in a unique column with 409, case-insensitively, leaving no half-created item', async () => {
  expect((await create({ Key: 'k1', Colour: 'red' })).status).toBe(201);
  const dup = await create({ Key: 'K1', Colour: 'blue' });
  expect(dup.status).toBe(409);
  expect(dup.body.error).toMatchObject({ code: 'nameAlreadyExists' });
  expect(count()).toBe(1);
});

it('gives items eTags and refuses a stale If-Match with 412', async () => {
  const item = (await create({ Key: 'k2' })).body as { id: string; eTag: string };
  const ok = await call('PATCH', `${list}/${item.id}/fields`, { Colour: 'green' }, { 'if-match': item.eTag });
  expect(ok.status).toBe(200);
  expect(ok.body['@odata.etag']).not.toBe(item.eTag);
  const stale = await call(
    'PATCH',
    `${list}/${item.id}/fields`,
    { Colour: 'pink' },
    { 'if-match': item.eTag },
  );
  expect(stale.status).toBe(412);
});

it('needs the @odata.type annotation on a multi-value choice field', async () => {
  expect((await create({ Key: 'k3', Tags: ['a'] })).status).toBe(400);
  expect((await create({ Key: 'k3', Tags: ['a'], 'Tags@odata.type': 'Collection(Edm.String)' })).status).toBe(
    201,
  );
  expect((await create({ Key: 'k4', Tags: ['z'], 'Tags@odata.type': 'Collection(Edm.String)' })).status).toBe(
    400,
  );
});

it('filters only on indexed columns past the list view threshold', async () => {
  for (let n = 0; n < 31; n++) await create({ Key: `t${n}`, Colour: n % 2 ? 'red' : 'blue' });
  const byColour = `${list}?$filter=${encodeURIComponent("fields/Colour eq 'red'")}`;
  expect((await call('GET', byColour)).status).toBe(400);
  const prefer = { prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' };
  const refused = await call('GET', byColour, undefined, prefer);
  expect(refused.status).toBe(400);
  expect(JSON.stringify(refused.body)).toMatch(/list view threshold/);
  const byKey = await call(
    'GET',
    `${list}?$filter=${encodeURIComponent("fields/Key eq 't7'")}&$expand=fields`,
  );
  expect(byKey.status).toBe(200);
  expect((byKey.body.value as unknown[]).length).toBe(1);
});

it('accepts a non-indexed filter on a small list only with the Prefer header', async () => {
  await create({ Key: 'p1', Colour: 'red' });
  const byColour = `${list}?$filter=${encodeURIComponent("fields/Colour eq 'red'")}`;
  expect((await call('GET', byColour)).status).toBe(400);
  const ok = await call('GET', byColour, undefined, {
    prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly',
  });
  expect(ok.status).toBe(200);
});

it('pages with @odata.nextLink and refuses a link that was rebuilt instead of followed', async () => {
  for (let n = 0; n < 5; n++) await create({ Key: `n${n}` });
  const first = await call('GET', `${list}?$top=2&$expand=fields($select=Key)`);
  const next = String(first.body['@odata.nextLink']);
  expect(next).toContain('$skiptoken=');
  const second = await fetch(next, { headers: { authorization: `Bearer ${token}` } });
  const page = (await second.json()) as { value: { fields: { Key: string } }[] };
  expect(page.value.map((i) => i.fields.Key)).toEqual(['n2', 'n3']);
  const rebuilt = await fetch(next.replace('%24top=2', '%24top=3').replace('$top=2', '$top=3'), {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(rebuilt.status).toBe(400);
});

it('runs $batch with up to 20 steps, each with its own status, and 424 after a failed dependency', async () => {
  const step = (id: string, key: string, dependsOn?: string[]) => ({
    id,
    method: 'POST',
    url: list,
    headers: { 'content-type': 'application/json' },
    body: { fields: { Key: key } },
    ...(dependsOn ? { dependsOn } : {}),
  });
  const res = await call('POST', '/$batch', {
    requests: [step('1', 'b1'), step('2', 'b1', ['1']), step('3', 'b3', ['2'])],
  });
  const statuses = (res.body.responses as { id: string; status: number }[]).map((r) => [r.id, r.status]);
  expect(statuses).toEqual([
    ['1', 201],
    ['2', 409],
    ['3', 424],
  ]);
  // Graph runs a batch fully sequential or fully parallel, nothing in between.
  const mixed = await call('POST', '/$batch', {
    requests: [step('1', 'm1'), step('2', 'm2', ['1']), step('3', 'm3')],
  });
  expect(mixed.status).toBe(400);
  const fanned = await call('POST', '/$batch', {
    requests: [step('1', 'm1'), step('2', 'm2', ['1']), step('3', 'm3', ['1'])],
  });
  expect(fanned.status).toBe(400);
  const tooMany = Array.from({ length: 21 }, (_, n) => step(String(n), `x${n}`));
  expect((await call('POST', '/$batch', { requests: tooMany })).status).toBe(400);
});

it('injects throttling with Retry-After, and failures after a write was applied', async () => {
  fake.faults.failNext(429, { retryAfter: '3' });
  const throttled = await create({ Key: 'f1' });
  expect(throttled.status).toBe(429);
  expect(throttled.headers.get('retry-after')).toBe('3');
  expect(count()).toBe(0);
  fake.faults.failNext(503, { afterApply: true });
  expect((await create({ Key: 'f1' })).status).toBe(503);
  expect(count()).toBe(1);
});

it('enforces the Sites.Selected role: write may change items, not lists', async () => {
  site.role = 'write';
  expect((await create({ Key: 'r1' })).status).toBe(201);
  expect((await call('POST', `/sites/${site.id}/lists`, { displayName: 'More' })).status).toBe(403);
  site.role = 'read';
  expect((await create({ Key: 'r2' })).status).toBe(403);
});
