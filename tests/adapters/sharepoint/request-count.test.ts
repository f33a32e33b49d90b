/** Graph round trips per store operation: the critical paths of a vote and a submission cost one. */
import type { SharePointStore } from '../../../src/adapters/sharepoint/sharepoint-store';
import { type GraphFake, startGraphFake } from '../../support/graph-fake/graph-fake';
import { newInitiative } from '../../support/fixtures';
import { openOnFake, provisionedSite } from './sharepoint-test-kit';

let fake: GraphFake;
let store: SharePointStore;
beforeAll(async () => {
  fake = await startGraphFake({ record: true });
  store = await openOnFake(fake, await provisionedSite(fake));
});
afterAll(() => fake.close());
beforeEach(() => store.requests.reset());

async function roundTrips<T>(op: () => Promise<T>): Promise<number> {
  store.requests.reset();
  await op();
  return store.requests.total;
}

it('submits (creates) an initiative in one round trip, and a repeat costs two', async () => {
  const i = newInitiative({ status: 'submitted', ref: 'OH-2026-0100' });
  expect(await roundTrips(() => store.initiatives.create(i))).toBe(1);
  expect(store.requests.snapshot()).toEqual({ 'initiatives.create': 1 });
  expect(await roundTrips(() => store.initiatives.create(i))).toBe(2);
});

it('records a vote in one round trip, first stance or changed stance', async () => {
  const vote = {
    initiativeId: 'i-1',
    memberId: 'm-1',
    memberName: 'M',
    stance: 'approve' as const,
    comment: '',
    at: '2026-03-02T10:00:00.000Z',
  };
  let saved = await store.stances.put(vote, null);
  expect(store.requests.of('stances.put')).toBe(1);
  expect(
    await roundTrips(async () => {
      saved = await store.stances.put({ ...vote, stance: 'jav' }, saved.version);
    }),
  ).toBe(1);
});

it('updates, reads and appends in one round trip each', async () => {
  const { initiative } = await store.initiatives.create(newInitiative());
  expect(await roundTrips(() => store.initiatives.update({ ...initiative, status: 'submitted' }))).toBe(1);
  expect(await roundTrips(() => store.initiatives.get(initiative.id))).toBe(1);
  expect(await roundTrips(() => store.stances.get('i-1', 'm-1'))).toBe(1);
  const event = {
    id: 'e-1',
    initiativeId: initiative.id,
    kind: 'submitted' as const,
    at: '2026-03-02T10:00:00.000Z',
    actor: { objectId: 'a', name: 'A' },
  };
  expect(await roundTrips(() => store.audit.append(event))).toBe(1);
  expect(
    await roundTrips(() =>
      store.outbox.enqueue({
        id: 'n-1',
        kind: 'endorsed',
        initiativeId: initiative.id,
        recipient: { type: 'channel', key: 'rug' },
        data: {},
        createdAt: '2026-03-02T10:00:00.000Z',
      }),
    ),
  ).toBe(1);
});

it('opens with one round trip for all lists and builds its replica in a fixed number of reads', async () => {
  const site = await provisionedSite(fake);
  const other = await openOnFake(fake, site);
  // Lists resolved once; per replicated list: token=latest, one page of up to 5,000 items, catch-up.
  expect(other.requests.snapshot()).toEqual({ open: 1, 'replica.build': 2, 'replica.delta': 4 });
});

it('never asks SharePoint to honour non-indexed queries, and selects only needed fields', async () => {
  const other = await openOnFake(fake, await provisionedSite(fake));
  fake.received.length = 0;
  const { initiative } = await other.initiatives.create(newInitiative({ ref: 'OH-2026-0200' }));
  await other.initiatives.getByRef('OH-2026-0200');
  await other.initiatives.list({ by: 'status', value: 'draft' });
  await other.stances.listFor(initiative.id);
  await other.audit.list(initiative.id);
  await other.outbox.due(new Date(), 10);
  await other.counters.next(2026);
  // What reached the fake, as sent: the Graph client adds no Prefer header of its own either.
  const sent = fake.received;
  expect(sent.length).toBeGreaterThan(7);
  expect(sent.filter((r) => 'prefer' in r.headers)).toEqual([]);
  const itemReads = sent.filter((r) => /\/items\?/.test(r.url));
  expect(itemReads.length).toBeGreaterThan(5);
  for (const r of itemReads) {
    // The query arrives as the adapter wrote it: filter, select, expand, top, in that order.
    expect(decodeURIComponent(r.url)).toMatch(
      /\/items\?(\$filter=fields\/\w+ eq \S+&)?\$select=id,eTag&\$expand=fields\(\$select=[\w,]+\)&\$top=\d+$/,
    );
  }
});
