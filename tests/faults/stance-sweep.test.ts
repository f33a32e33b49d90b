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
import { freshRun, type Run } from './fault-runner';
import type { FakeSite } from '../support/graph-fake/fake-state';
import { LISTS } from '../../src/adapters/sharepoint/list-design';
import { PEOPLE } from './fault-scenarios';

let fake: GraphFake;
let site: FakeSite;
beforeAll(async () => {
  fake = await startGraphFake();
});
afterAll(() => fake.close());

/** Makes the writing-out of records fail for the next vote; answers how to stop it. */
type FailRecords = (run: Run) => () => void;

describe.each<[string, () => Promise<Store>, FailRecords]>([
  [
    'SQLite',
    async () => openSqliteStore(':memory:'),
    // The vote's writes: the stance (with its records), then the records. The second fails.
    (run) => (run.faulty.arm(2, 'before'), () => run.faulty.disarm()),
  ],
  [
    'SharePoint (Graph fake)',
    async () => openOnFake(fake, (site = await provisionedSite(fake))),
    // The stance and its records go in one $batch: the audit list refuses every write in it, more
    // often than the store retries, so the stance lands and its records do not.
    () => {
      const audit = site.findList(LISTS.audit.displayName).id;
      fake.faults.set({
        match: (method, path) => method === 'POST' && path.includes(`/lists/${audit}/items`),
        rate: 1,
        statuses: [503],
        retryAfter: '0',
      });
      return () => fake.faults.clear();
    },
  ],
])('%s', (_name, open, failRecords) => {
  it('writes a jäv declaration whose records failed, on the next sweep, once', async () => {
    const run = await freshRun(open);
    const { initiative } = await submitInitiative(run.deps, PEOPLE.anna, {
      form: validForm(),
      clientKey: 'k-sweep',
    });
    const stop = failRecords(run);
    await setStance(run.deps, PEOPLE.johan, initiative.id, 'jav');
    stop();
    const kinds = async () => (await run.inner.audit.list(initiative.id)).items.map((e) => e.kind);
    expect(await kinds()).toEqual(['submitted']);
    expect(await run.inner.stances.listPending(10)).toHaveLength(1);
    await drainAll(run.deps);
    await drainAll(run.deps); // a second pass finds nothing more to do
    expect(await kinds()).toEqual(['submitted', 'stance_set']);
    expect(await run.inner.stances.listPending(10)).toEqual([]);
  });
});
