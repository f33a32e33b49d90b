/**
 * `@odata.nextLink` is opaque: the store must send it back exactly as Graph issued it. The fake
 * issues links a URL rebuilder trips over (`%24skiptoken` first, a value full of %-escapes, `+` and
 * `=`) and accepts a skiptoken only in the very link it issued.
 */
import { Client, GraphError, HTTPMessageHandler, type Middleware } from '@microsoft/microsoft-graph-client';
import { GraphList } from '../../../src/adapters/sharepoint/graph-list';
import { withAuth } from '../../../src/adapters/sharepoint/http/auth-header';
import { graphScope, sdkBase } from '../../../src/adapters/sharepoint/http/graph-client';
import { middleware, requestUrl } from '../../../src/adapters/sharepoint/http/middleware';
import type { SharePointStore } from '../../../src/adapters/sharepoint/sharepoint-store';
import { fakeCredential } from '../../support/graph-fake/fake-credential';
import { type GraphFake, startGraphFake } from '../../support/graph-fake/graph-fake';
import { newInitiative } from '../../support/fixtures';
import { fakeClient, openOnFake, provisionedSite } from './sharepoint-test-kit';

let fake: GraphFake;
beforeAll(async () => {
  fake = await startGraphFake({ record: true });
  fake.state.paging.style = 'nasty';
});
afterAll(() => fake.close());

/** A list of `n` items with a unique Key column, and the adapter's view of it. */
async function listWith(n: number) {
  const site = fake.createSite();
  const id = site.createList({
    displayName: 'L',
    columns: [{ name: 'Key', text: {}, indexed: true, enforceUniqueValues: true }],
  }).id;
  const list = site.findList(id);
  for (let k = 0; k < n; k++) list.createItem({ Key: `k${k}` });
  const client = fakeClient(fake);
  return { client, list: new GraphList(client, site.id, id, ['Key']) };
}

const issuedLinks = (bodies: { nextLink: string | null }[]) =>
  bodies.map((b) => b.nextLink).filter((l): l is string => l !== null);

it('follows nasty nextLinks byte for byte through the Graph client', async () => {
  const { client, list } = await listWith(7);
  const pages = [];
  let url: string | null = list.queryUrl(null, 3);
  fake.received.length = 0;
  while (url) {
    const page = await list.page(url, 'test.page');
    pages.push(page);
    url = page.nextLink;
  }
  expect(pages.flatMap((p) => p.items.map((i) => i.fields.Key))).toEqual([
    'k0',
    'k1',
    'k2',
    'k3',
    'k4',
    'k5',
    'k6',
  ]);
  const links = issuedLinks(pages);
  expect(links).toHaveLength(2);
  for (const link of links) {
    expect(link).toMatch(/\?%24skiptoken=Paged%3DTRUE%26p_ID%3D\d+%26n%3D\d+\+q%3D\w+%2B%2F==&\$select=/);
    // What reached the fake is the link itself, not a rebuilt copy of it.
    expect(fake.received.map((r) => r.url)).toContain(link);
  }
  expect(fake.received.slice(1).map((r) => r.url)).toEqual(links);
  expect(client.counter.of('test.page')).toBe(3);
});

it('pages the store through nasty links, cursors included', async () => {
  const store: SharePointStore = await openOnFake(fake, await provisionedSite(fake));
  const made = [];
  for (let n = 0; n < 7; n++) made.push((await store.initiatives.create(newInitiative())).initiative.id);
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await store.initiatives.list({ by: 'all' }, { cursor, limit: 2 });
    seen.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor;
  } while (cursor);
  expect(seen).toEqual(made);
});

it('is needed: GraphRequest alone rebuilds such a link, and the fake refuses the copy', async () => {
  const { list } = await listWith(3);
  const link = (await list.page(list.queryUrl(null, 1), 'test.page')).nextLink!;
  const [path, query] = link.split('?') as [string, string];
  const base = sdkBase(fake.graphUrl);
  // The bare SDK path: `.api(link)` through auth and the SDK's own transport, no exact-url piece.
  const bare = (...extra: Middleware[]) =>
    Client.initWithMiddleware({
      baseUrl: base.baseUrl,
      defaultVersion: base.defaultVersion,
      middleware: [
        ...extra,
        withAuth(fakeCredential(fake), graphScope(fake.graphUrl), fake.graphUrl),
        new HTTPMessageHandler(),
      ],
    });
  const failure = (p: Promise<unknown>) =>
    p.then(
      () => new Error('no error'),
      (e: unknown) => e,
    );

  // Claim 1: GraphRequest.parsePath knows only https links; this http one is taken for a path
  // below the base URL.
  fake.received.length = 0;
  const appended = await failure(bare().api(link).get());
  expect(appended).toBeInstanceOf(GraphError);
  expect(appended).toMatchObject({ statusCode: 404 });
  const sent = fake.received[0]!.url;
  expect(sent.startsWith(`${fake.graphUrl}/${path}?`)).toBe(true);

  // Claim 2: the query was rebuilt as well: OData-named parameters first, `%24skiptoken` last.
  const rebuiltQuery = sent.split('?')[1]!;
  expect(rebuiltQuery).not.toBe(query);
  expect(rebuiltQuery.split('&').sort()).toEqual(query.split('&').sort());
  expect(rebuiltQuery).toMatch(/^\$select=.*&%24skiptoken=[^&]+$/);

  // With only the scheme problem undone (as if the fake spoke https), the rebuilt copy is refused.
  const undoPrefix = middleware('undo-prefix', async (context, next) => {
    context.request = requestUrl(context).replace(`${fake.graphUrl}/`, '');
    await next(context);
  });
  fake.received.length = 0;
  const refused = await failure(bare(undoPrefix).api(link).get());
  expect(fake.received[0]!.url).toBe(`${path}?${rebuiltQuery}`);
  expect(refused).toMatchObject({
    statusCode: 400,
    message: expect.stringMatching(/follow @odata.nextLink as it is/),
  });
});
