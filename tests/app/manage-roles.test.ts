/**
 * Granting and ending roles on the real SQLite store: a repeated grant or end (a retry after a fault)
 * completes the first and records once; dates and double grants are refused clearly; ended ids are
 * never reused; and another instance sees a change within its cache time.
 */
import { StoredRolesDirectory } from '../../src/app/directory/stored-roles-directory';
import { parseEndRole, parseGrantRole } from '../../src/app/inputs/role-inputs';
import { ROLES_TRAIL, endRole, grantRole } from '../../src/app/use-cases/manage-roles';
import type { AppDeps } from '../../src/app/deps';
import { FaultyStore } from '../support/faulty-store';
import { person, silentLogger, testDeps, type TestDeps } from '../support/app-deps';

const admin = person('Johan Berg', 'a1a1a1a1-0000-4000-8000-000000000006');
const karin = person('Karin Lund', 'a1a1a1a1-0000-4000-8000-000000000002');
const TTL = 120_000;

let base: TestDeps;
let deps: AppDeps & { directory: StoredRolesDirectory };
beforeEach(() => {
  base = testDeps();
  base.directory.roles.set(admin.objectId, ['admin']);
  base.directory.roles.set(karin.objectId, ['rug_member']);
  base.directory.names.set(karin.objectId, 'Karin Lund');
  const directory = new StoredRolesDirectory(base.directory, base.store.roles, base.clock, TTL, silentLogger);
  deps = { ...base, directory };
});

const grantKarin = (d: AppDeps = deps, from?: string) =>
  grantRole(
    d,
    admin,
    parseGrantRole({ role: 'rug_chair', holderId: karin.objectId, ...(from ? { from } : {}) }),
  );

it('gives the role from its first day, and the holder’s name from the channel rosters', async () => {
  const later = await grantKarin(deps, '2026-03-05');
  expect(later.holder.name).toBe('Karin Lund');
  expect(await deps.directory.rolesOf(karin.objectId)).not.toContain('rug_chair');
  base.clock.advance(3 * 24 * 3600_000 + TTL);
  expect(await deps.directory.rolesOf(karin.objectId)).toContain('rug_chair');
});

it('completes a grant whose audit event failed, when it is tried again, and records it once', async () => {
  const faulty = new FaultyStore(base.store);
  const d = { ...deps, store: faulty.store };
  for (const at of [1, 2]) {
    for (const mode of ['before', 'after'] as const) {
      faulty.arm(at, mode);
      await grantKarin(d).catch(() => undefined);
      faulty.disarm();
      await grantKarin(d);
    }
  }
  expect((await base.store.roles.list()).length).toBe(1);
  const trail = (await base.store.audit.list(ROLES_TRAIL)).items;
  expect(trail.map((e) => e.kind)).toEqual(['role_granted']);
});

it('refuses a past date, a second grant of a held role, and ending an ended role at another date', async () => {
  await expect(grantKarin(deps, '2026-03-01')).rejects.toMatchObject({
    kind: 'invalid',
    issues: [expect.objectContaining({ field: 'from', code: 'ROLES.DATE_IN_PAST' })],
  });
  const held = await grantKarin();
  await expect(grantKarin(deps, '2026-04-01')).rejects.toMatchObject({
    code: 'ROLES.ALREADY_HELD',
    kind: 'conflict',
  });
  await endRole(deps, admin, parseEndRole({ assignmentId: held.id }));
  await endRole(deps, admin, parseEndRole({ assignmentId: held.id })); // a replay: no second event
  await expect(
    endRole(deps, admin, parseEndRole({ assignmentId: held.id, until: '2026-12-01' })),
  ).rejects.toMatchObject({
    code: 'ROLES.ALREADY_ENDED',
  });
  await expect(endRole(deps, admin, parseEndRole({ assignmentId: 'nope' }))).rejects.toMatchObject({
    kind: 'not_found',
  });
  expect(() => parseGrantRole({ role: 'rug_chair', holderId: 'not-an-id' })).toThrow(
    expect.objectContaining({ issues: [expect.objectContaining({ field: 'holderId' })] }),
  );
  expect(() => parseGrantRole({ role: 'king', holderId: karin.objectId })).toThrow(
    expect.objectContaining({ issues: [expect.objectContaining({ field: 'role' })] }),
  );
  expect(() => parseEndRole({ assignmentId: 'x', until: '2026-13-01' })).toThrow(
    expect.objectContaining({ issues: [expect.objectContaining({ field: 'until' })] }),
  );
  // Granted again the same day after it ended: a new assignment with a new id; the old stays history.
  const again = await grantKarin();
  expect(again.id).not.toBe(held.id);
  expect((await base.store.roles.list()).map((a) => a.until === null)).toEqual([false, true]);
  expect((await base.store.audit.list(ROLES_TRAIL)).items.map((e) => e.kind)).toEqual([
    'role_granted',
    'role_ended',
    'role_granted',
  ]);
});

it('refuses a non-admin', async () => {
  await expect(
    grantRole(deps, karin, parseGrantRole({ role: 'admin', holderId: karin.objectId })),
  ).rejects.toMatchObject({ code: 'ROLES.NOT_ADMIN', kind: 'forbidden' });
});

it('takes effect on another instance within the cache time', async () => {
  const other = new StoredRolesDirectory(base.directory, base.store.roles, base.clock, TTL, silentLogger);
  expect(await other.rolesOf(karin.objectId)).not.toContain('rug_chair');
  await grantKarin();
  expect(await deps.directory.rolesOf(karin.objectId)).toContain('rug_chair'); // this instance: at once
  expect(await other.rolesOf(karin.objectId)).not.toContain('rug_chair'); // the other: still cached
  base.clock.advance(TTL);
  expect(await other.rolesOf(karin.objectId)).toContain('rug_chair');
});

it('is read ahead off the turns: past the cache time a refreshed instance answers without a read', async () => {
  let lists = 0;
  const counting = {
    ...base.store.roles,
    list: () => {
      lists++;
      return base.store.roles.list();
    },
  };
  const other = new StoredRolesDirectory(base.directory, counting, base.clock, TTL, silentLogger);
  await other.refreshAhead();
  await grantKarin();
  // main.ts refreshes every half TTL: the instance learns of the grant without any turn reading.
  base.clock.advance(TTL / 2);
  await other.refreshAhead();
  base.clock.advance(TTL / 2 + 1);
  const before = lists;
  expect(await other.rolesOf(karin.objectId)).toContain('rug_chair');
  expect(lists - before).toBe(0);
});

it('keeps a read that started before a role change out of the cache', async () => {
  const before = await base.store.roles.list();
  let release: () => void = () => undefined;
  let calls = 0;
  const slow = {
    ...base.store.roles,
    // The first read is slow and answers what was stored before the grant; later reads are current.
    list: async () =>
      ++calls === 1
        ? new Promise<typeof before>((r) => (release = () => r(before)))
        : base.store.roles.list(),
  };
  const other = new StoredRolesDirectory(base.directory, slow, base.clock, TTL, silentLogger);
  const early = other.refreshAhead();
  await grantKarin();
  other.rolesChanged(); // what the instance that grants does: it reads again at once, off the turn
  await new Promise((r) => setTimeout(r, 20));
  // Only now does the early read answer, with what it saw before the grant.
  release();
  await early;
  expect(await other.rolesOf(karin.objectId)).toContain('rug_chair');
});
