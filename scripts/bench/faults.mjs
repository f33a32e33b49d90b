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

const CARD_POSTS = / (review_requested|proposal_ready) to channel /;

async function measure(label, open) {
  const { cleanRun, faultyRun } = require('../../tests/faults/fault-runner.ts');
  const { SCENARIOS } = require('../../tests/faults/fault-scenarios.ts');
  const totals = { actions: 0, faults: 0, lost: 0, duplicated: 0, postedTwice: 0, wrongState: 0 };
  for (const scenario of SCENARIOS) {
    const { expected, writes } = await cleanRun(open, scenario);
    totals.actions += 1;
    for (let at = 1; at <= writes.length; at++) {
      for (const mode of ['before', 'after']) {
        const { state } = await faultyRun(open, scenario, at, mode);
        totals.actions += 2; // the failed press and the retry
        totals.faults += 1;
        const records = (s) => [...s.audit, ...s.notifications, ...s.stances];
        totals.lost += missing(records(expected), records(state));
        totals.duplicated += missing(records(state), records(expected));
        const posts = (s) => s.notifications.filter((n) => CARD_POSTS.test(n));
        totals.postedTwice += Math.max(0, posts(state).length - posts(expected).length);
        if (JSON.stringify(state.initiatives) !== JSON.stringify(expected.initiatives))
          totals.wrongState += 1;
      }
    }
  }
  return {
    totals,
    lines: [
      `${label}: ${totals.actions} actions run, ${totals.faults} faults injected`,
      `${label}: records lost ${totals.lost}, duplicated ${totals.duplicated}, cards queued twice ${totals.postedTwice}, initiatives not as after a clean run ${totals.wrongState}`,
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
