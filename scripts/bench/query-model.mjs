import { quiet, provisionedSite } from '../lib/bench-kit.mjs';
// Bench part: the query model. Tab reads (list page, filtered page, text search, stats, annual
// report) timed on the embedded store at 500, 2,000 and 10,000 initiatives (p50/p99, in process,
// no HTTP), and on the SharePoint store over the local Graph fake: Graph requests per tab read at
// 100 and 10,000 items, plus the replica's build time and memory at 10,000. Bounded: ~1–2 minutes.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import './../lib/ts-require.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const load = (file) => require(join(root, file));

const STATUSES = ['submitted', 'in_preparation', 'approved', 'in_implementation', 'rejected'];
const ORGS = ['region-halland', 'varberg', 'halmstad', 'falkenberg', 'kungsbacka', 'laholm', 'hylte'];
const WORDS = ['trygg', 'hemgång', 'äldre', 'munhälsa', 'psykisk', 'ohälsa', 'barn', 'samverkan', 'vård'];

function initiative(n, person) {
  const at = new Date(Date.UTC(2024 + (n % 3), n % 12, 1 + (n % 27))).toISOString();
  const status = STATUSES[n % STATUSES.length];
  const decided = ['approved', 'in_implementation', 'rejected'].includes(status);
  return {
    id: randomUUID(),
    ref: `OH-${at.slice(0, 4)}-${String(n).padStart(5, '0')}`,
    clientKey: randomUUID(),
    status,
    form: {
      title: `${WORDS[n % WORDS.length]} ${WORDS[(n * 7) % WORDS.length]} nr ${n}`,
      background: `Behov av ${WORDS[(n * 3) % WORDS.length]} i ${ORGS[n % ORGS.length]}`,
      description: 'Beskrivning',
      expectedEffect: '',
      organisationIds: [ORGS[n % ORGS.length]],
      targetGroupIds: ['hemsjukvard'],
      goalWordIds: ['nara'],
      factorIds: [],
      statementIds: [],
      prerequisiteIds: [],
      agreementIds: [],
      anchoringManagerName: 'B',
      anchoringConfirmed: true,
      resources: '',
      timePlan: '',
      followUpPlan: '',
      contactName: 'A',
      contactEmail: 'a@example.se',
      contactPhone: '',
    },
    initiator: person,
    catalogueVersion: 'bench',
    createdAt: at,
    updatedAt: at,
    submittedAt: at,
    decidedAt: decided ? at : null,
    preparer: null,
    proposal: null,
    decisions: decided
      ? [
          {
            id: randomUUID(),
            outcome: 'bifall',
            meetingDate: at.slice(0, 10),
            rationale: '',
            decidedBy: person,
            decidedAt: at,
          },
        ]
      : [],
    completionRequest: null,
    followUps: [],
    channelCards: {},
  };
}

function deps(store) {
  const { catalogue } = load('src/domain/catalogue/catalogue.ts');
  return {
    store,
    directory: { rolesOf: async () => [], rugMembers: async () => [] },
    clock: { now: () => new Date() },
    ids: { newId: () => randomUUID() },
    catalogue,
    log: quiet,
  };
}

function readsOf(d, person) {
  const { listInitiatives, parseListQuery } = load('src/api/queries/list-query.ts');
  const { stats } = load('src/api/queries/stats.ts');
  const { annualReport } = load('src/api/queries/annual.ts');
  return {
    'list page': () => listInitiatives(d, person, parseListQuery({})),
    'filtered page': () =>
      listInitiatives(d, person, parseListQuery({ status: 'submitted', organisation: 'varberg' })),
    'text search': () => listInitiatives(d, person, parseListQuery({ q: 'munhälsa' })),
    stats: () => stats(d, person, null),
    'annual report': () => annualReport(d, person, 2025),
  };
}

const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

async function timed(fn, runs) {
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return { p50: pct(ms, 0.5), p99: pct(ms, 0.99) };
}

async function sqliteFigures(lines) {
  const { openSqliteStore } = load('src/adapters/sqlite/sqlite-store.ts');
  const person = { objectId: randomUUID(), tenantId: 't', name: 'Bench' };
  const p50s = {};
  for (const size of [500, 2000, 10000]) {
    const store = openSqliteStore(':memory:');
    for (let n = 0; n < size; n++) await store.initiatives.create(initiative(n, person));
    const reads = readsOf(deps(store), person);
    const parts = [];
    for (const [name, fn] of Object.entries(reads)) {
      const { p50, p99 } = await timed(fn, 40);
      (p50s[name] ??= []).push(p50);
      parts.push(`${name} ${p50.toFixed(1)}/${p99.toFixed(1)}`);
    }
    lines.push(`SQLite, ${size} initiatives, p50/p99 ms: ${parts.join(', ')}`);
    // The report lists every decision of its year: its cost is read per row it lists.
    const listed = (await reads['annual report']()).rows.length;
    const perRow = (p50s['annual report'].at(-1) / Math.max(1, listed)) * 1000;
    lines.push(`  annual report lists ${listed} rows: ${perRow.toFixed(1)} µs a row`);
    await store.close();
  }
  const growth = Object.entries(p50s).map(([k, [a, , c]]) => `${k} ${(c / a).toFixed(2)}×`);
  lines.push(`growth of p50 from 500 to 10,000: ${growth.join(', ')}`);
  return p50s;
}

async function sharepointFigures(lines) {
  const { startGraphFake } = load('tests/support/graph-fake/graph-fake.ts');
  const { fakeCredential } = load('tests/support/graph-fake/fake-credential.ts');
  const { openSharePointStore } = load('src/adapters/sharepoint/sharepoint-store.ts');
  const { initiativeFields } = load('src/adapters/sharepoint/sharepoint-initiatives.ts');
  const { LISTS } = load('src/adapters/sharepoint/list-design.ts');
  const { annotate } = load('src/adapters/sharepoint/graph-list.ts');
  const { openQueryProjection } = load('src/adapters/sqlite/query/sqlite-projection.ts');
  const fake = await startGraphFake();
  try {
    for (const size of [100, 10000]) {
      const { site } = await provisionedSite(fake);
      const person = { objectId: randomUUID(), tenantId: fake.tenantId, name: 'Bench' };
      // Seeded straight into the fake's list (the bench measures reads, not the import).
      const list = site.findList(LISTS.initiatives.displayName);
      for (let n = 0; n < size; n++)
        list.createItem(annotate(initiativeFields(initiative(n, person), randomUUID())));
      const rssBefore = process.memoryUsage().rss;
      const t = performance.now();
      const store = await openSharePointStore({
        siteId: site.id,
        graphBaseUrl: fake.graphUrl,
        credential: fakeCredential(fake),
        queryModel: () => openQueryProjection(),
        replicaPollMs: 0,
      });
      const buildMs = performance.now() - t;
      const rss = (process.memoryUsage().rss - rssBefore) / 1e6;
      const reads = readsOf(deps(store), person);
      const parts = [];
      for (const [name, fn] of Object.entries(reads)) {
        store.requests.reset();
        const bytes = fake.traffic.bytes;
        await fn();
        parts.push(`${name} ${store.requests.total} (${fake.traffic.bytes - bytes} B)`);
      }
      store.requests.reset();
      await store.syncReplica();
      parts.push(`delta poll ${store.requests.total}`);
      // With 100 ms added to every Graph round trip, as on a real tenant: tab reads do not feel it.
      fake.faults.set({ latencyMs: 100 });
      const slow = [];
      for (const name of ['list page', 'stats']) {
        const { p50 } = await timed(reads[name], 20);
        slow.push(`${name} p50 ${p50.toFixed(1)} ms`);
      }
      fake.faults.clear();
      parts.push(`with 100 ms Graph latency: ${slow.join(', ')}`);
      lines.push(`SharePoint fake, ${size} items, Graph requests per tab read: ${parts.join(', ')}`);
      lines.push(
        `  replica of ${store.replicaSize()} built in ${(buildMs / 1000).toFixed(1)} s at open; process memory (RSS) +${rss.toFixed(0)} MB while building`,
      );
      await store.close();
    }
  } finally {
    await fake.close();
  }
}

export async function run() {
  const lines = [];
  const p50s = await sqliteFigures(lines);
  await sharepointFigures(lines);
  const at10k = Object.entries(p50s).every(([, xs]) => xs[2] < 50);
  return { name: `Query model (${new Date().toISOString().slice(0, 10)})`, ok: at10k, lines };
}
