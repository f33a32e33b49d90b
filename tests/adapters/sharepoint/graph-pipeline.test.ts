/** The HTTP pieces composed as the store uses them, against the fake. */
import { createServer } from 'node:http';
import { GraphError } from '@microsoft/microsoft-graph-client';
import type { AddressInfo } from 'node:net';
import { GraphList } from '../../../src/adapters/sharepoint/graph-list';
import {
  type GraphClientOptions,
  createGraphClient,
} from '../../../src/adapters/sharepoint/http/graph-client';
import { sendBatch } from '../../../src/adapters/sharepoint/http/batch';
import { graphErrorFrom, isDuplicate, mapGraph } from '../../../src/adapters/sharepoint/http/graph-errors';
import { ForbiddenError, NotFoundError, UnavailableError } from '../../../src/app/ports/store.errors';
import { fakeCredential } from '../../support/graph-fake/fake-credential';
import { type GraphFake, startGraphFake } from '../../support/graph-fake/graph-fake';
import type { FakeSite } from '../../support/graph-fake/fake-state';
import { NO_WAIT } from './sharepoint-test-kit';

let fake: GraphFake;
let site: FakeSite;
let listId: string;
beforeAll(async () => {
  fake = await startGraphFake();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.faults.clear();
  site = fake.createSite();
  listId = site.createList({
    displayName: 'L',
    columns: [{ name: 'Key', text: {}, indexed: true, enforceUniqueValues: true }],
  }).id;
});

function client(extra: Partial<GraphClientOptions> = {}) {
  const sleeps: number[] = [];
  const c = createGraphClient({
    baseUrl: fake.graphUrl,
    credential: fakeCredential(fake),
    retry: { ...NO_WAIT, sleep: async (ms) => void sleeps.push(ms) },
    ...extra,
  });
  return { c, sleeps };
}
const items = () => `/sites/${site.id}/lists/${listId}/items`;
const post = (key: string, idempotencyKey?: string) => ({
  method: 'POST' as const,
  url: items(),
  body: { fields: { Key: key } },
  useCase: 'test.create',
  ...(idempotencyKey ? { idempotencyKey } : {}),
});

it('waits as long as Retry-After asks and then succeeds', async () => {
  const { c, sleeps } = client({
    retry: { ...NO_WAIT, jitter: 0, sleep: async (ms) => void sleeps.push(ms) },
  });
  fake.faults.failNext(429, { retryAfter: '2' });
  fake.faults.failNext(503, { retryAfter: new Date(Date.now() + 5000).toUTCString() });
  const res = await c.send({ method: 'GET', url: `/sites/${site.id}`, useCase: 'test.read' });
  expect(res).toMatchObject({ id: site.id });
  expect(sleeps[0]).toBe(2000);
  expect(sleeps[1]).toBeGreaterThan(3000);
  expect(sleeps[1]).toBeLessThanOrEqual(5000);
  expect(c.counter.of('test.read')).toBe(3);
});

it('never resends a POST without an idempotency key', async () => {
  const { c } = client();
  fake.faults.failNext(503, { retryAfter: '0' });
  await expect(mapGraph('create', () => c.send(post('a')))).rejects.toBeInstanceOf(UnavailableError);
  expect(c.counter.of('test.create')).toBe(1);
});

it('resends a POST that carries an idempotency key, even after a lost answer', async () => {
  const { c } = client();
  fake.faults.failNext(503, { retryAfter: '0', afterApply: true });
  const err = await c.send(post('b', 'b')).catch((e: unknown) => e);
  // The first attempt landed; the resend meets the unique key, which the store turns into "exists".
  expect(err).toBeInstanceOf(GraphError);
  expect(err).toMatchObject({ statusCode: 409, code: 'nameAlreadyExists' });
  expect(c.counter.of('test.create')).toBe(2);
  expect(site.findList(listId).items.size).toBe(1);
});

it('retries a request that timed out, when it is safe to', async () => {
  const { c } = client({ timeoutMs: 150 });
  let calls = 0;
  fake.faults.set({ rate: 1, hang: 1, match: () => ++calls === 1 });
  const res = await c.send({ method: 'GET', url: `/sites/${site.id}`, useCase: 'test.read' });
  expect(res).toMatchObject({ id: site.id });
  expect(c.counter.of('test.read')).toBe(2);
});

it('maps errors to port errors without leaking Graph details', async () => {
  const { c } = client();
  const unknownField = await mapGraph('save thing', () =>
    c.send({ method: 'POST', url: items(), body: { fields: { Secret: 'x' } } }),
  ).then(
    () => new Error('no error'),
    (e: unknown) => e as Error,
  );
  expect(unknownField).toBeInstanceOf(UnavailableError);
  expect(unknownField.message).not.toMatch(/Secret|recognized|sites|lists/);
  await expect(
    mapGraph('read', () => c.send({ method: 'GET', url: `${items()}/999` })),
  ).rejects.toBeInstanceOf(NotFoundError);
  site.role = null;
  await expect(mapGraph('read', () => c.send({ method: 'GET', url: items() }))).rejects.toBeInstanceOf(
    ForbiddenError,
  );
});

it('says Unavailable, naming no secret, when the credentials are wrong', async () => {
  const { c } = client({ credential: fakeCredential(fake, 'wrong') });
  const err = await mapGraph('read', () => c.send({ method: 'GET', url: items() })).then(
    () => new Error('no error'),
    (e: unknown) => e as Error,
  );
  expect(err).toBeInstanceOf(UnavailableError);
  expect(err.message).toMatch(/sign in/);
});

it('sends the token to the Graph host only, never to a host a link points at', async () => {
  const seen: (string | undefined)[] = [];
  const other = createServer((req, res) => (seen.push(req.headers.authorization), res.end('{}')));
  await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(other.address() as AddressInfo).port}/v1.0/sites`;
  const { c } = client();
  await expect(c.send({ method: 'GET', url })).rejects.toThrow(/another host/);
  other.close();
  expect(seen).toEqual([]);
});

it('renews a token Graph no longer accepts, once', async () => {
  const short = await startGraphFake({ tokenLifetimeSeconds: 1 });
  try {
    const s = short.createSite();
    const real = fakeCredential(short);
    // Claims a long life for a short-lived token: only Graph's 401 reveals that it expired.
    const optimistic = {
      getToken: async (scope: string | string[]) => ({
        ...(await real.getToken(scope))!,
        expiresOnTimestamp: Date.now() + 3_600_000,
      }),
    };
    const c = createGraphClient({ baseUrl: short.graphUrl, retry: NO_WAIT, credential: optimistic });
    expect(await c.send({ method: 'GET', url: `/sites/${s.id}` })).toMatchObject({ id: s.id });
    await new Promise((r) => setTimeout(r, 1100));
    expect(await c.send({ method: 'GET', url: `/sites/${s.id}` })).toMatchObject({ id: s.id });
    expect(short.auth.issued).toBe(2);
  } finally {
    await short.close();
  }
});

it('follows @odata.nextLink verbatim and reads only the selected columns', async () => {
  const { c } = client();
  for (let n = 0; n < 7; n++) await c.send(post(`k${n}`));
  const list = new GraphList(c, site.id, listId, ['Key']);
  const keys: string[] = [];
  let url: string | null = list.queryUrl(null, 3);
  while (url) {
    const page = await list.page(url, 'test.page');
    keys.push(...page.items.map((i) => String(i.fields.Key)));
    expect(Object.keys(page.items[0]!.fields).sort()).toEqual(['@odata.etag', 'Key']);
    url = page.nextLink;
  }
  expect(keys).toEqual(['k0', 'k1', 'k2', 'k3', 'k4', 'k5', 'k6']);
  expect(c.counter.of('test.page')).toBe(3);
});

it('sends $batch through the client and reads every step on its own, error bodies and 204s included', async () => {
  const { c } = client();
  const a = (await c.send(post('a1'))) as { id: string };
  const answers = await sendBatch(
    c,
    [
      post('a2', 'a2'),
      post('a1', 'a1'),
      { method: 'DELETE', url: `${items()}/${a.id}` },
      { method: 'GET', url: `${items()}/999` },
    ],
    { useCase: 'test.batch' },
  );
  expect(answers.map((x) => x.status)).toEqual([201, 409, 204, 404]);
  // The fake spells the steps' content-type in lower case; the bodies still arrive as JSON.
  expect(answers[0]!.body).toMatchObject({ fields: { Key: 'a2' } });
  expect(isDuplicate(graphErrorFrom(answers[1]!))).toBe(true);
  expect(answers[2]!.body).toBeNull();
  expect(c.counter.of('test.batch')).toBe(1);
});
