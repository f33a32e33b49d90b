/**
 * The catalogue and settings revisions on SharePoint (list design 7), against the Graph fake: one
 * item per revision under a unique key, a start reads a kind once and a poll asks only for the next
 * revision; the initiative list's catalogue columns take an id added in the app (fill-in choices);
 * and a site provisioned before design 7 is told to provision again, which turns fill-in on.
 */
import { randomBytes } from 'node:crypto';
import { LiveConfiguration } from '../../../src/app/configuration/live-configuration';
import type { ConfigurationRevision } from '../../../src/app/ports/configuration.port';
import { ConflictError } from '../../../src/app/ports/store.errors';
import { applyPlan, planProvisioning } from '../../../src/adapters/sharepoint/provision';
import { catalogue } from '../../../src/domain/catalogue/catalogue';
import { applyChange } from '../../../src/domain/catalogue/catalogue-edit';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings/process-settings';
import { silentLogger } from '../../support/app-deps';
import { newInitiative, validForm } from '../../support/fixtures';
import { type GraphFake, startGraphFake } from '../../support/graph-fake/graph-fake';
import { fakeClient, openOnFake, provisionedSite } from './sharepoint-test-kit';

let fake: GraphFake;
beforeAll(async () => {
  fake = await startGraphFake();
});
afterAll(() => fake.close());

const revision = (n: number, data: unknown = { n }): ConfigurationRevision => ({
  kind: 'settings',
  revision: n,
  data,
  changeId: `change-${n}`,
  savedAt: '2026-12-01T10:00:00.000Z',
  savedBy: null,
  events: [],
});

it('stores revisions under a unique key and reads only what is new after the first read', async () => {
  const store = await openOnFake(fake, await provisionedSite(fake));
  await store.configuration.append(revision(1));
  await store.configuration.append(revision(2));
  await expect(store.configuration.append(revision(2, { other: true }))).rejects.toBeInstanceOf(
    ConflictError,
  );
  expect((await store.configuration.after('settings', 0)).map((r) => r.revision)).toEqual([1, 2]);
  expect(await store.configuration.after('catalogue', 0)).toEqual([]);
  const before = store.requests.total;
  expect(await store.configuration.after('settings', 2)).toEqual([]);
  // Nothing new: one small request, whatever the history's length.
  expect(store.requests.total - before).toBe(1);
  await store.configuration.append(revision(3));
  expect((await store.configuration.after('settings', 1)).map((r) => r.changeId)).toEqual([
    'change-2',
    'change-3',
  ]);
  await store.close();
});

it('packs a revision too large for one multi-line column, and says when even that will not fit', async () => {
  const store = await openOnFake(fake, await provisionedSite(fake));
  // Years of rewording: text that repeats compresses well past the column's 63,999 characters.
  const history = Array.from({ length: 1000 }, (_, i) => ({
    label: { sv: `Formulering nummer ${i} av posten`, en: `Wording ${i}` },
    until: `2026.${i + 1}`,
  }));
  const big = revision(1, { history });
  expect(JSON.stringify(big).length).toBeGreaterThan(64_000);
  expect(store.configuration.fits(big)).toBe(true);
  await store.configuration.append(big);
  expect(await store.configuration.after('settings', 0)).toEqual([big]);
  const noise = revision(2, { noise: randomBytes(60_000).toString('base64') });
  expect(store.configuration.fits(noise)).toBe(false);
  await store.close();
});

it('starts by reading the keys and only the latest revisions whole, however long the history', async () => {
  const site = await provisionedSite(fake);
  const writer = await openOnFake(fake, site);
  for (let n = 1; n <= 12; n++) await writer.configuration.append(revision(n, { n, text: 'x'.repeat(2000) }));
  await writer.close();
  const store = await openOnFake(fake, site);
  const before = {
    keys: store.requests.of('configuration.keys'),
    whole: store.requests.of('configuration.latest'),
  };
  const live = await LiveConfiguration.open(
    store.configuration,
    { catalogue, settings: DEFAULT_SETTINGS },
    silentLogger,
  );
  expect(live.revision('settings').revision).toBe(12);
  expect(live.recent('settings').map((r) => r.revision)).toEqual([8, 9, 10, 11, 12]);
  // One small read of keys per kind (the catalogue has none yet and is seeded), five items whole.
  expect(store.requests.of('configuration.keys') - before.keys).toBe(2);
  expect(store.requests.of('configuration.latest') - before.whole).toBe(5);
  expect(store.requests.of('configuration.all')).toBe(0);
  await store.close();
});

it('seeds revision 1 once when two instances start together, and each sees the other’s change', async () => {
  const site = await provisionedSite(fake);
  const [a, b] = await Promise.all([openOnFake(fake, site), openOnFake(fake, site)]);
  const seeds = { catalogue, settings: DEFAULT_SETTINGS };
  const [liveA, liveB] = await Promise.all([
    LiveConfiguration.open(a.configuration, seeds, silentLogger),
    LiveConfiguration.open(b.configuration, seeds, silentLogger),
  ]);
  expect((await a.configuration.after('catalogue', 0)).map((r) => r.revision)).toEqual([1]);
  const next = applyChange(catalogue, { op: 'retire', id: 'hemsjukvarden-2021-2028' }, '2026.1');
  const saved: ConfigurationRevision = { ...revision(2, next.catalogue), kind: 'catalogue' };
  await a.configuration.append(saved);
  liveA.saved(saved);
  expect(liveB.catalogue.version).toBe(catalogue.version);
  await liveB.refresh();
  expect(liveB.catalogue.agreements.find((x) => x.id === 'hemsjukvarden-2021-2028')?.retiredIn).toBe(
    '2026.1',
  );
  await Promise.all([a.close(), b.close()]);
});

it('stores a catalogue id added in the app in the initiative’s choice column (fill-in), as SharePoint shows it', async () => {
  const site = await provisionedSite(fake);
  const store = await openOnFake(fake, site);
  const form = validForm({ targetGroupIds: ['hemsjukvard', 'personer-med-demenssjukdom'] });
  const { initiative } = await store.initiatives.create(newInitiative({ form }));
  const list = [...site.lists.values()].find((l) => l.displayName === 'OmtankeInitiativ')!;
  const item = [...list.items.values()].find((i) => i.fields.InitiativeId === initiative.id)!;
  expect(item.fields.TargetGroups).toEqual(['hemsjukvard', 'personer-med-demenssjukdom']);
  expect((await store.initiatives.get(initiative.id))!.form.targetGroupIds).toEqual(form.targetGroupIds);
  await store.close();
});

it('refuses to open a site provisioned before design 7, and provisioning turns fill-in choices on', async () => {
  const site = await provisionedSite(fake);
  const list = [...site.lists.values()].find((l) => l.displayName === 'OmtankeInitiativ')!;
  for (const c of list.columns.values()) {
    const choice = c.definition.choice as { allowTextEntry?: boolean } | undefined;
    if (choice && c.kind === 'multiChoice') choice.allowTextEntry = false;
  }
  await expect(openOnFake(fake, site)).rejects.toThrow(/TargetGroups does not take fill-in choices/);
  site.role = 'manage';
  const client = fakeClient(fake);
  const plan = await planProvisioning(client, site.id);
  expect(plan.steps.filter((s) => s.detail === 'fill-in choices').map((s) => s.column)).toEqual([
    'GoalWords',
    'Factors',
    'Statements',
    'TargetGroups',
    'Organisations',
    'Prerequisites',
    'Agreements',
  ]);
  await applyPlan(client, plan, () => {});
  site.role = 'write';
  const store = await openOnFake(fake, site);
  await store.close();
});
