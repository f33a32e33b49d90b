/**
 * The shape of a change on SharePoint: one `$batch` in which each request depends on the one
 * before — the write (the item with its records pending), then its records — and one more that
 * clears the pending marks. Each part fails here on its own, as the Graph stand-in can make it
 * fail: the write refused or unanswered, a record refused, the clear refused, the whole batch's
 * answer lost after it was applied. Whatever fails, the user's next press and the dispatcher's next
 * sweep end in exactly the records of a clean run, and records never exist for a write that did
 * not land.
 */
import { LISTS } from '../../src/adapters/sharepoint/list-design';
import { drainAll } from '../../src/app/use-cases/commit';
import { openOnFake, provisionedSite } from '../adapters/sharepoint/sharepoint-test-kit';
import type { FakeSite } from '../support/graph-fake/fake-state';
import type { FaultPlan } from '../support/graph-fake/fake-faults';
import { type GraphFake, startGraphFake } from '../support/graph-fake/graph-fake';
import { withTurnCache } from '../../src/app/turn-reads';
import { setStance } from '../../src/app/use-cases/set-stance';
import type { FakeDirectory } from '../support/app-deps';
import { cleanRun, freshRun, snapshot } from './fault-runner';
import { SCENARIOS, type Scenario } from './fault-scenarios';

let fake: GraphFake;
let site: FakeSite;
beforeAll(async () => {
  fake = await startGraphFake();
});
afterAll(() => fake.close());
afterEach(() => fake.faults.clear());

// Two tries per call: a fault given twice in a row is beyond the store's retries.
const open = async () =>
  openOnFake(fake, (site = await provisionedSite(fake)), {
    retry: { maxAttempts: 2, baseDelayMs: 0, maxDelayMs: 0, jitter: 0, sleep: async () => {} },
  });

const listId = (key: keyof typeof LISTS) => site.findList(LISTS[key].displayName).id;
const itemWrite = (method: string, path: string, key: keyof typeof LISTS) =>
  (method === 'PATCH' || method === 'POST') && path.includes(`/lists/${listId(key)}/items`);
const recordsList = (method: string, path: string) =>
  method === 'POST' &&
  (path.includes(`/lists/${listId('audit')}/`) || path.includes(`/lists/${listId('outbox')}/`));
const recordWrite = (method: string, path: string) =>
  itemWrite(method, path, 'initiatives') || itemWrite(method, path, 'stances');

/** Fails the calls for which `pick` says so (counting only those `which` selects), with `plan`. */
function failing(
  which: (m: string, p: string) => boolean,
  pick: (n: number) => boolean,
  plan: Partial<FaultPlan>,
) {
  let n = 0;
  fake.faults.set({
    rate: 1,
    statuses: [503],
    retryAfter: '0',
    ...plan,
    match: (m, p) => which(m, p) && pick(++n),
  });
}

type Snapshot = Awaited<ReturnType<typeof snapshot>>;
const somethingPending = (s: Snapshot) =>
  s.initiatives.some((i) => i.pending) || s.stances.some((x) => x.endsWith('pending=true'));

interface Fault {
  readonly name: string;
  readonly arm: () => void;
  /** What must hold right after the faulty press, before anything is retried. */
  readonly meanwhile?: (now: Snapshot, before: Snapshot, clean: Snapshot) => void;
}

const FAULTS: readonly Fault[] = [
  {
    name: 'the first write is refused beyond the retries (no record of it is written)',
    arm: () => failing(recordWrite, (n) => n <= 2, {}),
    meanwhile: (now, before) => expect(now).toEqual(before),
  },
  {
    name: 'the first write lands but its answer is lost (the resend meets its own write)',
    arm: () => failing(recordWrite, (n) => n === 1, { statuses: [504], afterApply: 1 }),
  },
  {
    name: 'a record in the batch is refused beyond the retries (the write stands, pending)',
    arm: () => failing(recordsList, (n) => n <= 2, {}),
    // The refused record is missing until a later drain; the change it records is stored.
    meanwhile: (now, _before, clean) => {
      expect(now.audit.length).toBeLessThan(clean.audit.length);
      expect(somethingPending(now)).toBe(true);
    },
  },
  {
    name: 'every clear is refused (the marks stay for the sweep)',
    // The first write of each item goes through; every later write of it (the clears) fails.
    arm: () => {
      const seen = new Set<string>();
      fake.faults.set({
        rate: 1,
        statuses: [503],
        retryAfter: '0',
        match: (m, p) => {
          if (!recordWrite(m, p)) return false;
          const [, list, item] = /\/lists\/([^/]+)\/items(?:\/([^/]+))?/.exec(p) ?? [];
          // A POST creates an item (its first write); a PATCH is the first write of an item not
          // created here, unless an item of that list was created here (then it is its clear).
          if (m === 'POST') return (seen.add(`${list}/created`), false);
          if (seen.has(`${list}/${item}`) || seen.has(`${list}/created`)) return true;
          seen.add(`${list}/${item}`);
          return false;
        },
      });
    },
    // The records went out in the first batch; only the marks are left.
    meanwhile: (now, _before, clean) => {
      expect([now.audit, now.notifications]).toEqual([clean.audit, clean.notifications]);
      expect(somethingPending(now)).toBe(true);
    },
  },
  {
    name: 'the whole batch is applied and its answer lost, twice',
    arm: () =>
      failing(
        (m, p) => m === 'POST' && p === '/$batch',
        (n) => n <= 2,
        { statuses: [504], afterApply: 1 },
      ),
  },
];

const MEASURED = [
  'submit a new initiative',
  'first approval (skallkrav 4)',
  'a changed vote',
  'record the decision',
];

describe.each(SCENARIOS.filter((s) => MEASURED.includes(s.name)).map((s) => [s.name, s] as const))(
  '%s',
  (_name, scenario: Scenario) => {
    it.each(FAULTS.map((f) => [f.name, f] as const))(
      'ends in the clean run’s records when %s',
      async (_f, fault) => {
        const { expected } = await cleanRun(open, scenario);
        const run = await freshRun(open);
        const id = await scenario.setup(run.deps);
        const before = await snapshot(run.inner);
        const injected = fake.faults.injected;
        fault.arm();
        await scenario.act(run.deps, id).catch(() => undefined);
        fake.faults.clear();
        expect(fake.faults.injected).toBeGreaterThan(injected);
        fault.meanwhile?.(await snapshot(run.inner), before, expected);
        await scenario.act(run.deps, id);
        await drainAll(run.deps);
        expect(await snapshot(run.inner)).toEqual(expected);
      },
    );
  },
);

describe('the first approval: the endorsement depends on the stance', () => {
  const approval = SCENARIOS.find((s) => s.name === 'first approval (skallkrav 4)')!;

  it('writes nothing of the endorsement when the stance is refused', async () => {
    const run = await freshRun(open);
    const id = await approval.setup(run.deps);
    const before = await snapshot(run.inner);
    failing(
      (m, p) => itemWrite(m, p, 'stances'),
      () => true,
      {},
    );
    await expect(approval.act(run.deps, id)).rejects.toThrow();
    fake.faults.clear();
    // Not endorsed, no event or notification of it: the batch stopped at the stance.
    expect(await snapshot(run.inner)).toEqual(before);
  });

  it('keeps the stance and its records when the endorsement is refused, and endorses on a fresh copy', async () => {
    const { expected } = await cleanRun(open, approval);
    const run = await freshRun(open);
    const id = await approval.setup(run.deps);
    // Someone else changed the initiative a moment before: the endorsement meets a 412.
    failing(
      (m, p) => itemWrite(m, p, 'initiatives') && m === 'PATCH',
      (n) => n === 1,
      { statuses: [412] },
    );
    await approval.act(run.deps, id);
    fake.faults.clear();
    await drainAll(run.deps);
    expect(await snapshot(run.inner)).toEqual(expected);
  });
});

describe('nine first approvals at the same moment (SharePoint)', () => {
  it('keeps nine stances, endorses once, and every member is answered with the current status', async () => {
    const run = await freshRun(open);
    const approval = SCENARIOS.find((s) => s.name === 'first approval (skallkrav 4)')!;
    const id = await approval.setup(run.deps);
    const members = Array.from({ length: 9 }, (_, n) => ({
      objectId: `00000000-0000-4000-8000-0000000001${String(n).padStart(2, '0')}`,
      tenantId: 'tenant',
      name: `Ledamot ${n}`,
    }));
    for (const m of members) (run.deps.directory as FakeDirectory).roles.set(m.objectId, ['rug_member']);
    // Each press is its own turn, with its own read cache, as the bot runs it.
    const answers = await Promise.all(
      members.map((m) => setStance({ ...run.deps, store: withTurnCache(run.deps.store) }, m, id, 'approve')),
    );
    expect(answers.map((a) => a.initiative.status)).toEqual(members.map(() => 'in_preparation'));
    const now = await snapshot(run.inner);
    expect(now.stances).toHaveLength(9);
    expect(now.audit.filter((e) => e.includes('endorsed'))).toHaveLength(1);
    expect(now.audit.filter((e) => e.includes('stance_set'))).toHaveLength(9);
    expect(now.notifications.filter((n) => n.includes('preparation_started'))).toHaveLength(1);
  });
});
