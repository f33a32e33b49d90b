// Bench part: nothing lost, nothing twice. Runs every user action (tests/faults/fault-scenarios.ts)
// once cleanly and then once per write with that write failing — before it reaches the store and
// after it landed — followed by the user's retry and the dispatcher's sweep, on SQLite and on the
// SharePoint store over the Graph fake. Counts the records lost and duplicated against the clean run.
import '../lib/ts-require.mjs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Multiset difference: entries of `a` not matched in `b`. */
function missing(a, b) {
  const left = new Map();
  for (const x of b) left.set(x, (left.get(x) ?? 0) + 1);
  let n = 0;
  for (const x of a) {
    const k = left.get(x) ?? 0;
    if (k > 0) left.set(x, k - 1);
    else n++;
  }
  return n;
}

/** Delivers everything due through a Teams stand-in; answers how many channel cards it posted. */
async function postedCards(run) {
  const { deliverDue } = require('../../src/bot/notification-dispatcher.ts');
  await run.inner.conversations.save({
    key: 'channel:rug',
    conversationId: '19:rug@thread.tacv2',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    tenantId: 'tenant',
    conversationType: 'channel',
    updatedAt: '2026-03-01T00:00:00.000Z',
  });
  let posts = 0;
  const gateway = {
    async sendCard(ref) {
      if (ref.key === 'channel:rug') posts += 1;
      return { activityId: `a-${posts}-${Math.random()}` };
    },
    async updateCard() {},
  };
  const bc = { deps: run.deps, linkFor: (r) => `https://example.test/${r}`, allowedTenants: ['tenant'] };
  for (let pass = 0; pass < 50; pass++) {
    const { sent, failed } = await deliverDue(bc, gateway, 100);
    if (sent + failed === 0) break;
  }
  return posts;
}

async function measure(label, open) {
  const { cleanRun, faultyRun } = require('../../tests/faults/fault-runner.ts');
  const { SCENARIOS } = require('../../tests/faults/fault-scenarios.ts');
  const totals = { actions: 0, faults: 0, lost: 0, duplicated: 0, postedTwice: 0, wrongState: 0, posts: 0 };
  for (const scenario of SCENARIOS) {
    const clean = await cleanRun(open, scenario);
    const { expected, writes } = clean;
    const cleanPosts = await postedCards(clean.run);
    totals.posts += cleanPosts;
    totals.actions += 1;
    for (let at = 1; at <= writes.length; at++) {
      for (const mode of ['before', 'after']) {
        const { state, run } = await faultyRun(open, scenario, at, mode);
        totals.actions += 2; // the failed press and the retry
        totals.faults += 1;
        const records = (s) => [...s.audit, ...s.notifications, ...s.stances];
        totals.lost += missing(records(expected), records(state));
        totals.duplicated += missing(records(state), records(expected));
        totals.postedTwice += Math.max(0, (await postedCards(run)) - cleanPosts);
        if (JSON.stringify(state.initiatives) !== JSON.stringify(expected.initiatives))
          totals.wrongState += 1;
      }
    }
  }
  return {
    totals,
    lines: [
      `${label}: ${totals.actions} actions run, ${totals.faults} faults injected; the clean runs post ${totals.posts} channel cards`,
      `${label}: records lost ${totals.lost}, duplicated ${totals.duplicated}, channel cards posted twice ${totals.postedTwice}, initiatives not as after a clean run ${totals.wrongState}`,
    ],
  };
}

function SCENARIOS_COUNT() {
  return require('../../tests/faults/fault-scenarios.ts').SCENARIOS.length;
}

export async function run() {
  const { openSqliteStore } = require('../../src/adapters/sqlite/sqlite-store.ts');
  const { startGraphFake } = require('../../tests/support/graph-fake/graph-fake.ts');
  const { openOnFake, provisionedSite } = require('../../tests/adapters/sharepoint/sharepoint-test-kit.ts');
  const lines = [`${SCENARIOS_COUNT()} user actions, every write failing in turn`];
  const sqlite = await measure('SQLite', async () => openSqliteStore(':memory:'));
  lines.push(...sqlite.lines);
  const fake = await startGraphFake();
  const twoTries = { maxAttempts: 2, baseDelayMs: 0, maxDelayMs: 0, jitter: 0, sleep: async () => {} };
  try {
    const sp = await measure('SharePoint (Graph fake)', async () =>
      openOnFake(fake, await provisionedSite(fake), { retry: twoTries }),
    );
    lines.push(...sp.lines);
    const bad = [sqlite, sp].some(
      (r) => r.totals.lost + r.totals.duplicated + r.totals.postedTwice + r.totals.wrongState > 0,
    );
    return { name: 'faults: nothing lost, nothing twice', lines, ok: !bad };
  } finally {
    await fake.close();
  }
}
