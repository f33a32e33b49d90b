/**
 * The records of a vote whose writing-out failed are found by the dispatcher's sweep, even when the
 * member never presses again (a jäv declaration must reach the audit trail).
 */
import { openSqliteStore } from '../../src/adapters/sqlite/sqlite-store';
import { drainAll } from '../../src/app/use-cases/commit';
import { setStance } from '../../src/app/use-cases/set-stance';
import { submitInitiative } from '../../src/app/use-cases/submit-initiative';
import { openOnFake, provisionedSite } from '../adapters/sharepoint/sharepoint-test-kit';
import { type GraphFake, startGraphFake } from '../support/graph-fake/graph-fake';
import { validForm } from '../support/fixtures';
import type { Store } from '../../src/app/ports/store.port';
import { freshRun } from './fault-runner';
import { PEOPLE } from './fault-scenarios';

let fake: GraphFake;
beforeAll(async () => {
  fake = await startGraphFake();
});
afterAll(() => fake.close());

describe.each([
  ['SQLite', async (): Promise<Store> => openSqliteStore(':memory:')],
  ['SharePoint (Graph fake)', async (): Promise<Store> => openOnFake(fake, await provisionedSite(fake))],
])('%s', (_name, open) => {
  it('writes a jäv declaration whose records failed, on the next sweep, once', async () => {
    const run = await freshRun(open);
    const { initiative } = await submitInitiative(run.deps, PEOPLE.anna, {
      form: validForm(),
      clientKey: 'k-sweep',
    });
    // The vote's writes: the stance (with its records), then the records. The second fails.
    run.faulty.arm(2, 'before');
    await setStance(run.deps, PEOPLE.johan, initiative.id, 'jav');
    run.faulty.disarm();
    const kinds = async () => (await run.inner.audit.list(initiative.id)).items.map((e) => e.kind);
    expect(await kinds()).toEqual(['submitted']);
    expect(await run.inner.stances.listPending(10)).toHaveLength(1);
    await drainAll(run.deps);
    await drainAll(run.deps); // a second pass finds nothing more to do
    expect(await kinds()).toEqual(['submitted', 'stance_set']);
    expect(await run.inner.stances.listPending(10)).toEqual([]);
  });
});
