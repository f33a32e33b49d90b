/**
 * Administration changes under faults: a catalogue change, a settings change and a role grant, each
 * write failed in turn before and after it lands, then retried by the admin (the same change id) and
 * swept by the dispatcher — each ends in exactly the revisions and audit events of a clean run.
 */
import { LiveConfiguration } from '../../src/app/configuration/live-configuration';
import type { AppDeps } from '../../src/app/deps';
import { grantRole, ensureRoleRecords, ROLES_TRAIL } from '../../src/app/use-cases/manage-roles';
import {
  changeCatalogue,
  ensureConfigurationRecorded,
  saveSettings,
  TRAILS,
} from '../../src/app/use-cases/manage-configuration';
import { openSqliteStore } from '../../src/adapters/sqlite/sqlite-store';
import { catalogue } from '../../src/domain/catalogue/catalogue';
import type { Catalogue } from '../../src/domain/catalogue/catalogue.types';
import { DEFAULT_SETTINGS } from '../../src/domain/settings/process-settings';
import { FakeClock, FakeDirectory, person, silentLogger } from '../support/app-deps';
import { type FaultMode, FaultyStore } from '../support/faulty-store';

const admin = person('Johan Berg', '00000000-0000-4000-8000-0000000000a1');
const chair = person('Karin Lund', '00000000-0000-4000-8000-0000000000c1');

async function fresh() {
  const faulty = new FaultyStore(openSqliteStore(':memory:'));
  const directory = new FakeDirectory();
  directory.roles.set(admin.objectId, ['admin']);
  directory.roles.set(chair.objectId, ['rug_member']);
  directory.names.set(chair.objectId, chair.name);
  const configuration = await LiveConfiguration.open(
    faulty.store.configuration,
    { catalogue, settings: DEFAULT_SETTINGS },
    silentLogger,
  );
  let n = 0;
  const deps: AppDeps = {
    store: faulty.store,
    directory,
    clock: new FakeClock(),
    ids: { newId: () => `00000000-0000-4000-9000-${String(++n).padStart(12, '0')}` },
    get catalogue() {
      return configuration.catalogue;
    },
    get settings() {
      return configuration.settings;
    },
    configuration,
    log: silentLogger,
  };
  return { deps, faulty };
}

type Action = (deps: AppDeps) => Promise<unknown>;
const ACTIONS: Record<string, Action> = {
  'retire an agreement': (deps) =>
    changeCatalogue(deps, admin, {
      changeId: 'change-0001',
      basedOn: 1,
      change: { op: 'retire', id: 'trygg-effektiv-utskrivning-2022-2024' },
    }),
  'change the settings': (deps) =>
    saveSettings(deps, admin, {
      changeId: 'change-0002',
      basedOn: 1,
      settings: { ...DEFAULT_SETTINGS, referencePrefix: 'GNV' },
    }),
  'grant a chair': (deps) => grantRole(deps, admin, { role: 'rug_chair', holderId: chair.objectId }),
};

/** What an auditor would compare: every revision's data and every event of the admin trails. */
async function snapshot(deps: AppDeps) {
  const revisions = [
    ...(await deps.store.configuration.after('catalogue', 0)),
    ...(await deps.store.configuration.after('settings', 0)),
  ].map((r) => [r.kind, r.revision, r.changeId, (r.data as Catalogue).version ?? r.data]);
  const trail = async (id: string) =>
    (await deps.store.audit.list(id)).items.map((e) => [e.id, e.kind, e.actor.name, e.before, e.after]);
  return {
    revisions,
    catalogue: await trail(TRAILS.catalogue),
    settings: await trail(TRAILS.settings),
    roles: await trail(ROLES_TRAIL),
  };
}

async function sweep(deps: AppDeps) {
  await ensureConfigurationRecorded(deps);
  await ensureRoleRecords(deps);
}

describe.each(Object.entries(ACTIONS))('%s', (_name, action) => {
  let clean: Awaited<ReturnType<typeof snapshot>>;
  let writes: number;
  let seeds: unknown;

  beforeAll(async () => {
    const { deps, faulty } = await fresh();
    seeds = (await snapshot(deps)).revisions;
    faulty.count();
    await action(deps);
    writes = faulty.writes.length;
    await sweep(deps);
    clean = await snapshot(deps);
    expect(writes).toBeGreaterThanOrEqual(2);
  });

  it.each(['before', 'after'] as FaultMode[])(
    'ends as a clean run when any write fails %s it lands',
    async (mode) => {
      for (let at = 1; at <= writes; at++) {
        const { deps, faulty } = await fresh();
        faulty.arm(at, mode);
        await action(deps).catch(() => undefined);
        faulty.disarm();
        // The admin presses again (the tab sends the same change id); then the dispatcher sweeps.
        await action(deps);
        await sweep(deps);
        expect({ at, ...(await snapshot(deps)) }).toEqual({ at, ...clean });
      }
    },
  );

  it.each(['before', 'after'] as FaultMode[])(
    'is completed by the sweep alone when the admin gives up (%s)',
    async (mode) => {
      for (let at = 1; at <= writes; at++) {
        const { deps, faulty } = await fresh();
        faulty.arm(at, mode);
        const failed = await action(deps).then(
          () => false,
          () => true,
        );
        faulty.disarm();
        await sweep(deps);
        const now = await snapshot(deps);
        // Either the change never landed (only the seeds, no event, no role), or it landed whole.
        const landed =
          JSON.stringify(now.revisions) !== JSON.stringify(seeds) ||
          (await deps.store.roles.list()).length > 0;
        if (failed && !landed) {
          expect(now).toEqual({ revisions: seeds, catalogue: [], settings: [], roles: [] });
        } else {
          expect(now).toEqual(clean);
        }
      }
    },
  );
});

it('records a run of changes whose events all failed, through the next change or the sweep', async () => {
  const { deps, faulty } = await fresh();
  const ids = ['trygg-effektiv-utskrivning-2022-2024', 'regional-samverkan-2022-2024'];
  for (const [n, entry] of ids.entries()) {
    // The revision lands (write 1); writing out its events (write 2) fails.
    faulty.arm(2, 'before');
    await expect(
      changeCatalogue(deps, admin, {
        changeId: `run-${n}-0000`,
        basedOn: n + 1,
        change: { op: 'retire', id: entry },
      }),
    ).rejects.toThrow(/injected fault/);
    faulty.disarm();
  }
  expect((await deps.store.audit.list(TRAILS.catalogue)).items).toEqual([]);
  await sweep(deps);
  expect((await deps.store.audit.list(TRAILS.catalogue)).items.map((e) => e.id)).toEqual([
    'catalogue:2',
    'catalogue:3',
  ]);
});
