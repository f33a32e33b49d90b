/**
 * Nothing lost, nothing twice on SharePoint lists (over the Graph fake): the same per-step fault
 * runs as on SQLite, and then faults injected by the Graph stand-in itself — 503s and 504s after
 * the write had landed, more of them in a row than the store's retries absorb.
 */
import { drainAll } from '../../src/app/use-cases/commit';
import { type GraphFake, startGraphFake } from '../support/graph-fake/graph-fake';
import { openOnFake, provisionedSite } from '../adapters/sharepoint/sharepoint-test-kit';
import { cleanRun, expectEveryStepRecovers, freshRun, snapshot } from './fault-runner';
import { SCENARIOS } from './fault-scenarios';

let fake: GraphFake;
beforeAll(async () => {
  fake = await startGraphFake();
});
afterAll(() => fake.close());
afterEach(() => fake.faults.clear());

const open = async () =>
  openOnFake(fake, await provisionedSite(fake), {
    retry: { maxAttempts: 2, baseDelayMs: 0, maxDelayMs: 0, jitter: 0, sleep: async () => {} },
  });

describe.each(SCENARIOS.map((s) => [s.name, s] as const))('%s', (_name, scenario) => {
  it('ends in the clean run’s records whichever write fails, before or after it lands', async () => {
    expect(await expectEveryStepRecovers(open, scenario)).toBeGreaterThan(0);
  });

  it('ends in the clean run’s records when Graph answers 503, or 504 after committing, beyond the retries', async () => {
    const { expected } = await cleanRun(open, scenario);
    for (const status of [503, 504] as const) {
      for (let skip = 0; skip < 12; skip += 3) {
        const run = await freshRun(open);
        const id = await scenario.setup(run.deps);
        // Let `skip` calls through, then fail the next two (the store tries each call twice).
        let calls = 0;
        const injected = fake.faults.injected;
        fake.faults.set({
          match: () => {
            calls += 1;
            return calls > skip && calls <= skip + 2;
          },
          rate: 1,
          statuses: [status],
          afterApply: status === 504 ? 1 : 0,
          retryAfter: '0',
        });
        await scenario.act(run.deps, id).catch(() => undefined);
        fake.faults.clear();
        // The stand-in really failed calls of this action (it may have fewer calls than `skip`).
        if (calls > skip) expect(fake.faults.injected).toBeGreaterThan(injected);
        await scenario.act(run.deps, id);
        await drainAll(run.deps);
        expect([`${status} at call ${skip + 1}`, await snapshot(run.inner)]).toEqual([
          `${status} at call ${skip + 1}`,
          expected,
        ]);
      }
    }
  });
});
