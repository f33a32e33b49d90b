/**
 * Whom the preparer picker offers when roles are granted in the app (StoredRolesDirectory on the
 * SQLite store): a chair or secretary counts although they are in neither registered channel, an
 * ended role or an admin role does not, and assigning such a chair takes the name the directory has.
 */
import { StoredRolesDirectory } from '../../src/app/directory/stored-roles-directory';
import type { AppDeps } from '../../src/app/deps';
import { assignChosenPreparer, preparerCandidates } from '../../src/app/use-cases/choose-preparer';
import { endRole, grantRole } from '../../src/app/use-cases/manage-roles';
import type { Initiative } from '../../src/domain/initiative/initiative.types';
import { newInitiative } from '../support/fixtures';
import { person, silentLogger, testDeps, type TestDeps } from '../support/app-deps';

const admin = person('Johan Berg', 'a1a1a1a1-0000-4000-8000-000000000006');
const karin = person('Karin Lund', 'a1a1a1a1-0000-4000-8000-000000000002');
const eva = person('Eva Sjöberg', 'a1a1a1a1-0000-4000-8000-000000000007');
const sara = person('Sara Holm', 'a1a1a1a1-0000-4000-8000-000000000005');
const TTL = 120_000;

let base: TestDeps;
let deps: AppDeps;
let initiative: Initiative;
beforeEach(async () => {
  base = testDeps();
  base.directory.roles.set(admin.objectId, ['admin']);
  base.directory.roles.set(sara.objectId, ['beredning']);
  for (const p of [karin, eva, sara, admin]) base.directory.names.set(p.objectId, p.name);
  base.directory.roles.set(karin.objectId, ['rug_member']);
  base.directory.roles.set(eva.objectId, ['rug_member']);
  deps = {
    ...base,
    directory: new StoredRolesDirectory(base.directory, base.store.roles, base.clock, TTL, silentLogger),
  };
  ({ initiative } = await base.store.initiatives.create(
    newInitiative({ ref: 'OH-2026-0042', status: 'in_preparation', submittedAt: '2026-02-20T09:00:00.000Z' }),
  ));
});

const offered = async () => (await preparerCandidates(deps, sara, initiative)).map((m) => m.name);

it('offers a chair granted in the app who has left the channels, by the name kept with the role', async () => {
  await grantRole(deps, admin, { role: 'rug_chair', holderId: karin.objectId });
  await grantRole(deps, admin, { role: 'rug_secretary', holderId: eva.objectId });
  // Both leave the RUG channel; their roles granted in the app stay.
  base.directory.roles.delete(karin.objectId);
  base.directory.roles.delete(eva.objectId);
  expect(await offered()).toEqual(['Eva Sjöberg', 'Karin Lund', 'Sara Holm']);
  const after = await assignChosenPreparer(deps, sara, initiative.id, { preparerId: karin.objectId });
  expect(after.preparer).toMatchObject({ objectId: karin.objectId, name: 'Karin Lund' });
});

it('no longer offers a secretary whose role was ended, nor an administrator', async () => {
  const granted = await grantRole(deps, admin, { role: 'rug_secretary', holderId: eva.objectId });
  expect(await offered()).toEqual(['Eva Sjöberg', 'Sara Holm']);
  await endRole(deps, admin, { assignmentId: granted.id });
  expect(await offered()).toEqual(['Sara Holm']);
  await expect(
    assignChosenPreparer(deps, sara, initiative.id, { preparerId: eva.objectId }),
  ).rejects.toMatchObject({ kind: 'invalid', issues: [expect.objectContaining({ field: 'preparerId' })] });
  await expect(
    assignChosenPreparer(deps, sara, initiative.id, { preparerId: admin.objectId }),
  ).rejects.toMatchObject({ kind: 'invalid' });
});
