/**
 * The catalogue and the settings as data, end to end on the running app: an admin retires
 * "Trygg och effektiv utskrivning 2022–2024" and adds its successor in the Administration API → the
 * next form card offers only the successor, an older initiative keeps the retired label, and the
 * annual report lists both; every change is audited with before and after; an exported catalogue
 * imported into a fresh store gives the same form; settings change the reference prefix at once.
 */
import type { CatalogueAdminView, CatalogueFile, SettingsAdminView } from '../../src/contracts/admin-api';
import { TRAILS } from '../../src/app/use-cases/manage-configuration';
import { findAll } from '../support/card-check';
import { rugFlow } from '../support/rug-flow';
import { callApi as call, playgroundUser, signIn } from '../support/local-tab-api';
import { startTestApp, type TestApp } from '../support/running-app';
import { RUG_TEAM, BEREDNING_CHANNEL, type TeamsUser, messageActivity } from '../support/teams-activities';

const user = playgroundUser;
const anna = user('Anna Andersson', 1);
const karin = user('Karin Lund', 2);
const per = user('Per Nilsson', 3);
const sara = user('Sara Holm', 5);
const johan = user('Johan Berg', 6);

const OLD = 'trygg-effektiv-utskrivning-2022-2024';
const SUCCESSOR = {
  sv: 'Överenskommelse om Trygg och effektiv utskrivning från sluten hälso- och sjukvård i Halland 2025–2027',
  en: 'Agreement on safe and effective discharge from inpatient health care in Halland 2025–2027',
};

const apps: TestApp[] = [];
afterEach(async () => {
  while (apps.length) await apps.pop()!.close();
});

async function app(): Promise<TestApp> {
  const t = await startTestApp({ ADMIN_IDS: johan.aadObjectId, RUG_CHAIR_IDS: karin.aadObjectId });
  apps.push(t);
  const member = (u: TeamsUser) => ({ id: u.id, name: u.name, aadObjectId: u.aadObjectId });
  t.connector.rosters.set(RUG_TEAM.id, [johan, karin, per].map(member));
  t.connector.rosters.set(BEREDNING_CHANNEL, [sara].map(member));
  return t;
}

/** The choices of the form card the bot answers `nytt initiativ` with, by input id. */
async function formChoices(t: TestApp): Promise<Record<string, string[]>> {
  await t.post(messageActivity(anna, 'nytt initiativ', t.connector.url));
  const card = t.connector.cardsTo(anna.conversationId).at(-1)!;
  return Object.fromEntries(
    findAll(card, 'Input.ChoiceSet').map((c) => [
      String(c.id),
      ((c.choices ?? []) as { title: string; value: string }[]).map((x) => `${x.value}=${x.title}`),
    ]),
  );
}

const change = (revision: number, c: object, n: number) => ({
  changeId: `change-${String(n).padStart(4, '0')}`,
  basedOn: revision,
  change: c,
});

it('retires an agreement and adds its successor: the form, an older initiative and the annual report follow', async () => {
  const t = await app();
  const flow = rugFlow(t, { admin: johan, initiator: anna, member: per, preparer: sara });
  await flow.registerChannels();
  const older = (await flow.submit('k-cat-1', { agreementIds: [OLD], title: 'Trygg hemgång före' }))
    .initiative!;
  await flow.act(
    karin,
    'rug.decide',
    {
      initiativeId: older.id,
      outcome: 'bifall',
      meetingDate: '2026-03-10',
      rationale: 'Bifall.',
      responsibleId: 'varberg',
    },
    await flow.propose(older.id),
  );

  const admin = await signIn(t, johan);
  const before = (await call(t, admin, 'GET', '/api/admin/catalogue')).body as CatalogueAdminView;
  expect(before.revision).toBe(1);
  const retired = await call(
    t,
    admin,
    'POST',
    '/api/admin/catalogue',
    change(1, { op: 'retire', id: OLD }, 1),
  );
  expect(retired.status).toBe(200);
  const added = await call(
    t,
    admin,
    'POST',
    '/api/admin/catalogue',
    change(2, { op: 'add', kind: 'agreement', label: SUCCESSOR, validity: { from: 2025, to: 2027 } }, 2),
  );
  const view = added.body as CatalogueAdminView;
  expect(view.revision).toBe(3);
  const successor = view.catalogue.agreements.at(-1)!;
  expect(successor).toMatchObject({ label: SUCCESSOR, validity: { from: 2025, to: 2027 } });
  expect(view.catalogue.agreements.find((a) => a.id === OLD)).toMatchObject({
    retiredIn: expect.any(String),
  });

  // The next form offers the successor and not the retired agreement.
  const agreements = (await formChoices(t)).agreementIds!;
  expect(agreements).toContain(`${successor.id}=${SUCCESSOR.sv}`);
  expect(agreements.some((c) => c.startsWith(`${OLD}=`))).toBe(false);
  // A hand-made card that still sends the retired id is refused, in the user's words, values kept.
  const refused = await flow.submit('k-cat-2', { agreementIds: [OLD] });
  expect(refused.initiative).toBeNull();
  expect(JSON.stringify(refused.res.body)).toContain('har gått ut ur katalogen');

  const newer = (await flow.submit('k-cat-3', { agreementIds: [successor.id], title: 'Trygg hemgång efter' }))
    .initiative!;
  await flow.act(
    karin,
    'rug.decide',
    {
      initiativeId: newer.id,
      outcome: 'bifall',
      meetingDate: '2026-03-10',
      rationale: 'Bifall.',
      responsibleId: 'varberg',
    },
    await flow.propose(newer.id),
  );

  // The older initiative still shows its label: the catalogue the tab reads keeps the entry, marked.
  const reader = await signIn(t, per);
  const live = (await call(t, reader, 'GET', '/api/catalogue')).body as CatalogueAdminView['catalogue'];
  expect(live.agreements.find((a) => a.id === OLD)!.label.sv).toContain('2022–2024');
  const detail = (await call(t, reader, 'GET', `/api/initiatives/${older.ref}`)).body as {
    initiative: { form: { agreementIds: string[] } };
  };
  expect(JSON.stringify(detail)).toContain(OLD);

  // The annual report lists both, each under its own agreement.
  const csv = String((await call(t, reader, 'GET', '/api/reports/annual.csv?year=2026')).body);
  const line = (title: string) => csv.split('\n').find((l) => l.includes(title)) ?? '';
  expect(line('Trygg hemgång före')).toContain(
    'Trygg och effektiv utskrivning från sluten hälso- och sjukvård i Halland 2022–2024',
  );
  expect(line('Trygg hemgång efter')).toContain('2025–2027');

  // Both changes are audited with who, before and after.
  const trail = (await t.app.deps.store.audit.list(TRAILS.catalogue)).items;
  expect(
    trail.map((e) => [
      e.kind,
      e.actor.name,
      (e.before as { entry: unknown }).entry === null,
      (e.after as { op: string }).op,
    ]),
  ).toEqual([
    ['catalogue_changed', 'Johan Berg', false, 'retire'],
    ['catalogue_changed', 'Johan Berg', true, 'add'],
  ]);
  expect(trail[0]!.before).toMatchObject({ entry: { id: OLD, retired: false } });
  expect(trail[0]!.after).toMatchObject({ entry: { id: OLD, retired: true } });
});

it('keeps skallkrav 2 and 3 satisfiable, and answers a retry of the same change as done once', async () => {
  const t = await app();
  const admin = await signIn(t, johan);
  const groups = ((await call(t, admin, 'GET', '/api/admin/catalogue')).body as CatalogueAdminView).catalogue
    .targetGroups;
  let revision = 1;
  for (const [n, g] of groups.slice(0, -1).entries()) {
    const res = await call(
      t,
      admin,
      'POST',
      '/api/admin/catalogue',
      change(revision, { op: 'retire', id: g.id }, n + 1),
    );
    expect(res.status).toBe(200);
    revision = (res.body as CatalogueAdminView).revision;
  }
  const last = await call(
    t,
    admin,
    'POST',
    '/api/admin/catalogue',
    change(revision, { op: 'retire', id: groups.at(-1)!.id }, 90),
  );
  expect(last.status).toBe(422);
  expect(JSON.stringify(last.body)).toContain('Minst en målgrupp måste finnas kvar');
  // The same press again (a retry after a lost answer) changes nothing more.
  const again = await call(
    t,
    admin,
    'POST',
    '/api/admin/catalogue',
    change(1, { op: 'retire', id: groups[0]!.id }, 1),
  );
  expect((again.body as CatalogueAdminView).revision).toBe(revision);
  expect((await t.app.deps.store.audit.list(TRAILS.catalogue)).items).toHaveLength(groups.length - 1);
});

it('exports the catalogue and imports it into a fresh store, which then offers the same form', async () => {
  const first = await app();
  const admin = await signIn(first, johan);
  await call(first, admin, 'POST', '/api/admin/catalogue', change(1, { op: 'retire', id: OLD }, 1));
  await call(
    first,
    admin,
    'POST',
    '/api/admin/catalogue',
    change(
      2,
      {
        op: 'add',
        kind: 'targetGroup',
        label: { sv: 'Personer med demenssjukdom', en: 'People with dementia' },
      },
      2,
    ),
  );
  await call(first, admin, 'PUT', '/api/admin/settings', {
    changeId: 'settings-0001',
    basedOn: 1,
    settings: { reminderAfterDays: 3, digestWeekday: 4, referencePrefix: 'GNV' },
  });
  const exported = await call(first, admin, 'GET', '/api/admin/catalogue/export');
  expect(exported.status).toBe(200);
  const file = exported.body as CatalogueFile;
  expect(file).toMatchObject({
    format: 'omtanke-catalogue',
    formatVersion: 1,
    settings: { referencePrefix: 'GNV' },
  });

  const second = await app();
  const admin2 = await signIn(second, johan);
  const imported = await call(second, admin2, 'POST', '/api/admin/catalogue/import', {
    changeId: 'import-0001',
    basedOn: 1,
    file,
  });
  expect(imported.status).toBe(200);
  // The same import again (a retry after a lost answer) imports nothing more; another made on the
  // old page is refused, so it cannot undo what came since.
  const again = await call(second, admin2, 'POST', '/api/admin/catalogue/import', {
    changeId: 'import-0001',
    basedOn: 1,
    file,
  });
  expect((again.body as CatalogueAdminView).revision).toBe((imported.body as CatalogueAdminView).revision);
  const old = await call(second, admin2, 'POST', '/api/admin/catalogue/import', {
    changeId: 'import-0009',
    basedOn: 1,
    file,
  });
  expect([old.status, (old.body as { code: string }).code]).toEqual([409, 'CONFIGURATION.STALE']);
  const trail = (await second.app.deps.store.audit.list(TRAILS.catalogue)).items;
  expect(trail.map((e) => e.kind)).toEqual(['catalogue_imported']);
  expect(await formChoices(second)).toEqual(await formChoices(first));
  const settings = (await call(second, admin2, 'GET', '/api/admin/settings')).body as SettingsAdminView;
  expect(settings.settings).toEqual({ reminderAfterDays: 3, digestWeekday: 4, referencePrefix: 'GNV' });

  // The prefix applies to the next reference number at once.
  const flow = rugFlow(second, { admin: johan, initiator: anna, member: per, preparer: sara });
  await flow.registerChannels();
  const sent = (await flow.submit('k-cat-9')).initiative!;
  expect(sent.ref).toMatch(/^GNV-\d{4}-\d{4}$/);
  // The bot's hints show a reference as this organisation writes them.
  await second.post(messageActivity(anna, 'hjälp', second.connector.url));
  const help = JSON.stringify(second.connector.cardsTo(anna.conversationId).at(-1));
  expect(help).toContain(`status GNV-${new Date().getUTCFullYear()}-0007`);
  expect(help).not.toContain('OH-2026-0007');

  // A broken file is refused with every problem and its path, and changes nothing.
  const broken = await call(second, admin2, 'POST', '/api/admin/catalogue/import', {
    changeId: 'import-0002',
    basedOn: 2,
    file: { ...file, catalogue: { ...file.catalogue, targetGroups: [{ id: 'Bad Id', label: { sv: '' } }] } },
  });
  expect(broken.status).toBe(422);
  expect(JSON.stringify(broken.body)).toContain('targetGroups[0].id');
  expect(JSON.stringify(broken.body)).toContain('targetGroups[0].label.en');
});

it('refuses every catalogue and settings route to anyone but an admin (403 problem, 401 without a token)', async () => {
  const t = await app();
  const routes: [string, string, unknown][] = [
    ['GET', '/api/admin/catalogue', undefined],
    ['POST', '/api/admin/catalogue', change(1, { op: 'retire', id: OLD }, 1)],
    ['GET', '/api/admin/catalogue/export', undefined],
    ['POST', '/api/admin/catalogue/import', { changeId: 'import-0001', file: {} }],
    ['GET', '/api/admin/settings', undefined],
    ['PUT', '/api/admin/settings', { changeId: 'settings-0001', basedOn: 1, settings: {} }],
  ];
  for (const who of [per, karin, sara, anna]) {
    const token = await signIn(t, who);
    for (const [method, path, body] of routes) {
      const res = await call(t, token, method, path, body);
      expect([who.name, method, path, res.status]).toEqual([who.name, method, path, 403]);
      expect(res.type).toContain('application/problem+json');
    }
  }
  for (const [method, path, body] of routes)
    expect((await call(t, null, method, path, body)).status).toBe(401);
  expect(t.app.deps.configuration.revision('catalogue').revision).toBe(1);
});

it('reaches another instance on the same store within ROSTER_TTL_MS, and this one at once', async () => {
  const env = { ADMIN_IDS: johan.aadObjectId, ROSTER_TTL_MS: '300' };
  const a = await startTestApp(env);
  apps.push(a);
  const b = await startTestApp({ ...env, SQLITE_PATH: a.sqlitePath });
  apps.push(b);
  const admin = await signIn(a, johan);
  const res = await call(a, admin, 'POST', '/api/admin/catalogue', change(1, { op: 'retire', id: OLD }, 1));
  expect(res.status).toBe(200);
  const retiredIn = (c: CatalogueAdminView['catalogue']) => c.agreements.find((x) => x.id === OLD)?.retiredIn;
  expect(retiredIn(a.app.deps.catalogue)).toBeDefined();
  const deadline = Date.now() + 5000;
  while (!retiredIn(b.app.deps.catalogue) && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 50));
  expect(retiredIn(b.app.deps.catalogue)).toBe(retiredIn(a.app.deps.catalogue));
  expect((await formChoices(b)).agreementIds!.some((c) => c.startsWith(`${OLD}=`))).toBe(false);
});
