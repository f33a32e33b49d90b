/**
 * Under 20 % transient Graph failures (429/503/504, some after the write had landed), nothing a
 * user did is lost and nothing is stored twice.
 */
import { randomUUID } from 'node:crypto';
import type { SharePointStore } from '../../../src/adapters/sharepoint/sharepoint-store';
import type { Initiative } from '../../../src/domain/initiative/initiative.types';
import { type GraphFake, startGraphFake } from '../../support/graph-fake/graph-fake';
import type { FakeSite } from '../../support/graph-fake/fake-state';
import { newInitiative } from '../../support/fixtures';
import { NO_WAIT, openOnFake, provisionedSite } from './sharepoint-test-kit';

let fake: GraphFake;
let site: FakeSite;
let store: SharePointStore;
beforeAll(async () => {
  fake = await startGraphFake();
  site = await provisionedSite(fake);
  // More attempts than the default: at a 20 % failure rate some request will fail six times in a row.
  store = await openOnFake(fake, site, { retry: { ...NO_WAIT, maxAttempts: 12 } });
});
afterAll(() => fake.close());
afterEach(() => fake.faults.clear());

/** Runs `work` over `inputs` with a fixed number of concurrent workers, like several users at once. */
async function pool<T, R>(
  inputs: readonly T[],
  workers: number,
  work: (input: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array<R>(inputs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < inputs.length) {
        const n = next++;
        out[n] = await work(inputs[n]!);
      }
    }),
  );
  return out;
}

const items = (key: 'initiatives' | 'stances') => [
  ...site.findList(key === 'initiatives' ? 'OmtankeInitiativ' : 'OmtankeStallningstaganden').items.values(),
];

it('loses and duplicates nothing: 1,000 submissions and 9,000 stances at 20 % transient failures', async () => {
  fake.faults.set({ rate: 0.2, statuses: [429, 503, 504], retryAfter: '0', afterApply: 0.5, seed: 7 });
  const submissions = Array.from({ length: 1000 }, () => newInitiative({ status: 'submitted' }));

  const first = await pool(submissions, 25, (i) => store.initiatives.create(i));
  expect(first.every((r) => r.created)).toBe(true);
  // Teams resends some submissions (a double click, a retried invoke): the same client keys again.
  const again = await pool(submissions.slice(0, 100), 25, (i) =>
    store.initiatives.create({ ...i, id: randomUUID() }),
  );
  expect(again.every((r) => !r.created)).toBe(true);
  expect(again.map((r) => r.initiative.id)).toEqual(submissions.slice(0, 100).map((i) => i.id));

  const votes = submissions.flatMap((i) =>
    Array.from({ length: 9 }, (_, m) => ({
      initiativeId: i.id,
      memberId: `member-${m}`,
      memberName: `Ledamot ${m}`,
      stance: 'approve' as const,
      comment: '',
      at: '2026-03-02T10:00:00.000Z',
    })),
  );
  await pool(votes, 50, (v) => store.stances.put(v, null));
  expect(fake.faults.injected).toBeGreaterThan(1500);
  fake.faults.clear();

  const stored = items('initiatives').map(
    (it) => (JSON.parse(String(it.fields.Data)) as Initiative).clientKey,
  );
  expect(stored).toHaveLength(1000);
  expect(new Set(stored)).toEqual(new Set(submissions.map((i) => i.clientKey)));
  const stanceKeys = items('stances').map((it) => String(it.fields.StanceKey));
  expect(stanceKeys).toHaveLength(9000);
  expect(new Set(stanceKeys).size).toBe(9000);
  // And the adapter reads them back the same way.
  const sample = submissions[123]!;
  expect((await store.stances.listFor(sample.id)).map((s) => s.memberId).sort()).toEqual(
    Array.from({ length: 9 }, (_, m) => `member-${m}`),
  );
}, 60_000);

it('imports in $batch requests, each throttled step retried on its own, in order and once each', async () => {
  fake.faults.set({
    rate: 0.2,
    statuses: [429, 503],
    retryAfter: '0',
    afterApply: 0.5,
    seed: 11,
    match: (_m, path) => path !== '/$batch',
  });
  const before = items('initiatives').length;
  const batch = Array.from({ length: 300 }, (_, n) =>
    newInitiative({ form: { ...newInitiative().form, title: `Import ${n}` } }),
  );
  store.requests.reset();
  const result = await store.importInitiatives(batch);
  expect(result).toEqual({ created: 300, existing: 0 });
  const titles = items('initiatives')
    .slice(before)
    .map((it) => (JSON.parse(String(it.fields.Data)) as Initiative).form.title);
  expect(titles).toEqual(batch.map((i) => i.form.title));
  // 15 full batches at best; the retried steps need more rounds, but far fewer than one per item.
  expect(store.requests.of('initiatives.import')).toBeGreaterThan(15);
  expect(store.requests.total).toBeLessThan(150);
  // Running the same import again changes nothing.
  fake.faults.clear();
  expect(await store.importInitiatives(batch)).toEqual({ created: 0, existing: 300 });
});
