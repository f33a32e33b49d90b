import { LISTS, LIST_KEYS } from '../../../src/adapters/sharepoint/list-design';
import { applyPlan, planProvisioning } from '../../../src/adapters/sharepoint/provision';
import { runProvisionCli, siteRef } from '../../../src/adapters/sharepoint/provision-cli';
import { catalogue } from '../../../src/domain/catalogue/catalogue';
import { choicesOf } from '../../support/graph-fake/fake-columns';
import { fakeCredential } from '../../support/graph-fake/fake-credential';
import { MAX_INDEXES } from '../../support/graph-fake/fake-list';
import { type GraphFake, startGraphFake } from '../../support/graph-fake/graph-fake';
import type { FakeSite } from '../../support/graph-fake/fake-state';
import { fakeClient } from './sharepoint-test-kit';

let fake: GraphFake;
beforeAll(async () => {
  fake = await startGraphFake();
});
afterAll(() => fake.close());

async function cli(site: FakeSite | string, ...flags: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const target = typeof site === 'string' ? site : site.webUrl;
  const code = await runProvisionCli(
    ['--site', target, ...flags],
    { GRAPH_BASE_URL: fake.graphUrl },
    { out: (l) => out.push(l), err: (l) => err.push(l) },
    { credential: fakeCredential(fake) },
  );
  return { code, out, err };
}

it('creates every list with its keys, indexes and catalogue choices, and a second run changes nothing', async () => {
  const site = fake.createSite({ role: 'manage' });
  const client = fakeClient(fake);
  const plan = await planProvisioning(client, site.id);
  expect(plan.steps.map((s) => s.action)).toEqual(LIST_KEYS.map(() => 'create list'));
  await applyPlan(client, plan, () => {});

  for (const key of LIST_KEYS) {
    const list = site.findList(LISTS[key].displayName);
    expect([...list.columns.values()].filter((c) => c.indexed).length).toBeLessThanOrEqual(MAX_INDEXES);
    for (const want of LISTS[key].columns) {
      const have = list.columns.get(want.name)!;
      expect({
        name: have.name,
        kind: have.kind,
        indexed: have.indexed,
        unique: have.enforceUniqueValues,
      }).toEqual({
        name: want.name,
        kind: want.kind,
        indexed: !!(want.indexed || want.unique),
        unique: !!want.unique,
      });
    }
  }
  const initiatives = site.findList('OmtankeInitiativ');
  expect(choicesOf(initiatives.columns.get('TargetGroups')!)).toEqual(
    catalogue.targetGroups.map((t) => t.id),
  );
  expect(choicesOf(initiatives.columns.get('Organisations')!)).toEqual(
    catalogue.organisations.map((o) => o.id),
  );

  expect(await planProvisioning(client, site.id)).toEqual({ steps: [], problems: [] });
});

it('completes a half-provisioned site: missing columns, indexes, unique keys and new choices', async () => {
  const site = fake.createSite({ role: 'manage' });
  site.createList({
    displayName: 'OmtankeInitiativ',
    columns: [
      { name: 'ClientKey', text: {} },
      { name: 'Status', choice: { choices: ['draft'], displayAs: 'dropDownMenu' } },
    ],
  });
  const client = fakeClient(fake);
  const plan = await planProvisioning(client, site.id);
  const forInitiatives = plan.steps.filter((s) => s.list === 'OmtankeInitiativ');
  expect(forInitiatives.find((s) => s.column === 'ClientKey')).toMatchObject({
    action: 'update column',
    detail: 'indexed; unique',
  });
  expect(forInitiatives.find((s) => s.column === 'Status')?.detail).toMatch(/^indexed; choices \+ submitted/);
  expect(forInitiatives.find((s) => s.column === 'InitiativeId')).toMatchObject({ action: 'add column' });
  await applyPlan(client, plan, () => {});
  expect((await planProvisioning(client, site.id)).steps).toEqual([]);
});

it('reports a column of the wrong type instead of changing it', async () => {
  const site = fake.createSite({ role: 'manage' });
  site.createList({ displayName: 'OmtankeLopnummer', columns: [{ name: 'Value', text: {} }] });
  const { code, err } = await cli(site);
  expect(code).toBe(1);
  expect(err.join('\n')).toMatch(/OmtankeLopnummer\.Value is a text column, the design needs number/);
});

describe('npm run provision', () => {
  it('shows the plan with --dry-run and writes nothing', async () => {
    const site = fake.createSite({ role: 'manage' });
    const { code, out } = await cli(site, '--dry-run');
    expect(code).toBe(0);
    expect(out[0]).toBe(`[provision] site ${site.webUrl} (SHAREPOINT_SITE_ID=${site.id})`);
    expect(out).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\[provision\] would list OmtankeInitiativ: create list \(16 columns/),
      ]),
    );
    expect(out.at(-1)).toBe('[provision] dry run: 11 change(s) planned, nothing written');
    expect(site.lists.size).toBe(0);
  });

  it('provisions by site URL or id, printing progress; the second run changes nothing', async () => {
    const site = fake.createSite({ role: 'manage' });
    const first = await cli(site);
    expect(first.code).toBe(0);
    expect(first.out.filter((l) => l.includes(': create list'))).toHaveLength(11);
    expect(first.out.at(-1)).toMatch(/done: 11 change\(s\)/);
    const second = await cli(site.id);
    expect(second).toEqual({
      code: 0,
      out: [
        `[provision] site ${site.webUrl} (SHAREPOINT_SITE_ID=${site.id})`,
        '[provision] nothing to change: the lists match list design 7',
      ],
      err: [],
    });
  });

  it('says plainly when the grant is too weak to create lists', async () => {
    const site = fake.createSite({ role: 'write' });
    const { code, err } = await cli(site);
    expect(code).toBe(1);
    expect(err).toEqual([
      expect.stringMatching(/access denied: the app needs the Sites.Selected role "manage"/),
    ]);
  });

  it('explains its usage', async () => {
    const out: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l) };
    expect(await runProvisionCli([], {}, io)).toBe(2);
    expect(out[0]).toMatch(/^missing --site/);
  });

  it('turns a site URL into the Graph site path', () => {
    expect(siteRef('https://contoso.sharepoint.com/sites/omtanke/')).toBe(
      'contoso.sharepoint.com:/sites/omtanke',
    );
    expect(siteRef('contoso.sharepoint.com,1,2')).toBe('contoso.sharepoint.com,1,2');
  });
});
