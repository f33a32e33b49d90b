/**
 * The SharePoint store's replica: lists and counts are answered locally, kept current by the
 * instance's own writes at once and by Graph delta for other instances' writes, rebuilt aside
 * (never half-built) after 410 Gone.
 */
import type { SharePointStore } from '../../../src/adapters/sharepoint/sharepoint-store';
import { LISTS } from '../../../src/adapters/sharepoint/list-design';
import { anna, newInitiative, validForm } from '../../support/fixtures';
import { type GraphFake, startGraphFake } from '../../support/graph-fake/graph-fake';
import type { FakeSite } from '../../support/graph-fake/fake-state';
import { openOnFake, provisionedSite } from './sharepoint-test-kit';

let fake: GraphFake;
let site: FakeSite;
let a: SharePointStore;
let b: SharePointStore;
beforeAll(async () => {
  fake = await startGraphFake();
});
afterAll(() => fake.close());
beforeEach(async () => {
  fake.faults.clear();
  site = await provisionedSite(fake);
  a = await openOnFake(fake, site);
  b = await openOnFake(fake, site);
});
afterEach(async () => {
  fake.faults.clear();
  await a.close();
  await b.close();
});

const everyone = { viewerId: anna.objectId };
const submitted = (title: string) => newInitiative({ status: 'submitted', form: validForm({ title }) });
const initiativeList = () => site.findList(LISTS.initiatives.displayName);

it('answers a list page, stats and search with no Graph request at all', async () => {
  await a.initiatives.create(submitted('Trygg hemgång'));
  a.requests.reset();
  await a.queries.page({ ...everyone, text: 'hemgång' }, { by: 'updated', desc: true }, 0, 50);
  await a.queries.stats(everyone);
  expect(a.requests.snapshot()).toEqual({});
});

it('polls delta on its own: another instance’s change shows within the poll interval', async () => {
  const polled = await openOnFake(fake, site, { replicaPollMs: 50 });
  try {
    await b.initiatives.create(submitted('Från en annan instans'));
    const deadline = Date.now() + 2000;
    while ((await polled.queries.rows(everyone)).length === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect((await polled.queries.rows(everyone)).map((r) => r.initiative.form.title)).toEqual([
      'Från en annan instans',
    ]);
  } finally {
    await polled.close();
  }
});

it('never lets an older delta answer overwrite a newer own write', async () => {
  const { initiative } = await a.initiatives.create(submitted('Version ett'));
  await b.syncReplica();
  const [seen] = await b.queries.rows(everyone);
  // b writes twice; its replica has the newest at once; a delta answer cannot roll it back.
  const v2 = await b.initiatives.update({ ...seen!.initiative, form: validForm({ title: 'Version två' }) });
  await b.syncReplica();
  await b.initiatives.update({ ...v2, form: validForm({ title: 'Version tre' }) });
  expect((await b.queries.rows(everyone)).map((r) => r.initiative.form.title)).toEqual(['Version tre']);
  await b.syncReplica();
  expect((await b.queries.rows(everyone)).map((r) => r.initiative.form.title)).toEqual(['Version tre']);
  expect(initiative.id).toBe(seen!.initiative.id);
});

it('drops items deleted in SharePoint', async () => {
  const { initiative } = await a.initiatives.create(submitted('Tas bort'));
  await b.syncReplica();
  expect(await b.queries.rows(everyone)).toHaveLength(1);
  const item = [...initiativeList().items.values()].find((i) => i.fields.InitiativeId === initiative.id)!;
  initiativeList().deleteItem(item.id, undefined);
  await b.syncReplica();
  expect(await b.queries.rows(everyone)).toHaveLength(0);
});

it('rebuilds after 410 Gone aside: the old copy answers in full until the new one is complete', async () => {
  for (let n = 0; n < 3; n++) await a.initiatives.create(submitted(`Initiativ ${n}`));
  await b.syncReplica();
  await a.initiatives.create(submitted('Skapat medan länken gick ut'));
  initiativeList().expireDeltaTokens();
  fake.faults.set({ latencyMs: 40 });
  b.requests.reset();
  const resync = b.syncReplica();
  const during: number[] = [];
  let done = false;
  void resync.finally(() => (done = true));
  while (!done) {
    during.push((await b.queries.rows(everyone)).length);
    await new Promise((r) => setTimeout(r, 10));
  }
  await resync;
  expect(during.length).toBeGreaterThan(3);
  expect(new Set(during)).toEqual(new Set([3]));
  expect(await b.queries.rows(everyone)).toHaveLength(4);
  expect(b.requests.snapshot()).toMatchObject({ 'replica.build': 2 });
});
