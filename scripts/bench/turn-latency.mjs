import { provisionedSite, quiet } from '../lib/bench-kit.mjs';
// Bench part: turn latency on the embedded store next to a bare Teams SDK echo bot in the same
// run (same SDK set-up, same loopback connector): p50 of a submission turn and of a vote turn with
// 200 and 2,000 initiatives stored, against p50 of an echo turn; and the same turns on the
// SharePoint path (the local Graph fake, with 0 and with 100 ms added to every Graph round trip).
// Bounded: ~60 s.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import './../lib/ts-require.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const load = (file) => require(join(root, file));
const RUNS = 25;

const p50 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const word = () =>
  Array.from({ length: 8 }, () => 'bcdfghjklmnprstv'[Math.floor(Math.random() * 16)]).join('');

async function timedPosts(post, make) {
  const ms = [];
  for (let n = 0; n < RUNS; n++) {
    const activity = await make(n);
    const t = performance.now();
    await post(activity);
    ms.push(performance.now() - t);
  }
  return p50(ms);
}

/** A bare echo bot on the same SDK set-up and connector as the app (src/bot/create-teams-app.ts). */
async function echoP50(connectorUrl, activityFor) {
  const express = require('express');
  const { loadConfig } = load('src/config.ts');
  const { createTeamsApp } = load('src/bot/create-teams-app.ts');
  const http = express();
  const config = loadConfig({
    LOCAL_SERVICE_URL: connectorUrl,
    MICROSOFT_APP_TENANT_ID: '11111111-1111-1111-1111-111111111111',
  });
  const app = createTeamsApp(config, http, quiet);
  app.on('message', async ({ activity, send }) => {
    await send(`echo: ${activity.text}`);
  });
  await app.initialize();
  const server = await new Promise((resolve) => {
    const s = http.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${server.address().port}/api/messages`;
  const post = (a) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(a),
    }).then((r) => r.text());
  try {
    return await timedPosts(post, () => activityFor());
  } finally {
    server.close();
  }
}

/** The app's settings for the SharePoint store on a fresh site of a local Graph fake. */
async function onGraphFake() {
  const { readFileSync } = require('node:fs');
  const tls = require('node:tls');
  const { startGraphFake, CERT_PATH } = load('tests/support/graph-fake/graph-fake.ts');
  tls.setDefaultCACertificates([...tls.getCACertificates('default'), readFileSync(CERT_PATH, 'utf8')]);
  const fake = await startGraphFake({ tls: true });
  const { site } = await provisionedSite(fake);
  return {
    fake,
    env: {
      STORE: 'sharepoint',
      GRAPH_BASE_URL: fake.graphUrl,
      AUTHORITY_HOST: fake.authorityHost,
      MICROSOFT_APP_TENANT_ID: fake.tenantId,
      MICROSOFT_APP_ID: fake.clientId,
      MICROSOFT_APP_PASSWORD: fake.clientSecret,
      SHAREPOINT_SITE_ID: site.id,
    },
  };
}

/** Turn p50s; with `graphLatencyMs`, on the SharePoint store with that added to every round trip. */
async function appP50(size, graphLatencyMs) {
  const { startTestApp } = load('tests/support/running-app.ts');
  const acts = load('tests/support/teams-activities.ts');
  const { cardDataFor, validForm, newInitiative } = load('tests/support/fixtures.ts');
  const anna = acts.teamsUser('Anna Andersson', 1);
  const johan = acts.teamsUser('Johan Berg', 2);
  const voters = Array.from({ length: RUNS }, (_, n) => acts.teamsUser(`Ledamot ${n}`, 10 + n));
  const graph = graphLatencyMs === undefined ? null : await onGraphFake();
  const t = await startTestApp({ ADMIN_IDS: johan.aadObjectId, ...(graph?.env ?? {}) });
  try {
    const url = t.connector.url;
    t.connector.rosters.set(
      acts.RUG_TEAM.id,
      [johan, ...voters].map((u) => ({ id: u.id, name: u.name, aadObjectId: u.aadObjectId })),
    );
    await t.post(acts.channelMention(johan, 'koppla RUG', url, acts.RUG_CHANNEL));
    await t.post(acts.messageActivity(anna, 'hjälp', url));
    const store = t.app.deps.store;
    for (let n = 0; n < size; n++) {
      await store.initiatives.create(
        newInitiative({
          status: 'submitted',
          ref: `OH-2020-${n + 1}`,
          form: validForm({ title: `${word()} ${word()}`, background: `${word()} ${word()} ${word()}` }),
        }),
      );
    }
    const submitted = (await store.queries.rows({ viewerId: anna.aadObjectId, statuses: ['submitted'] })).map(
      (r) => r.initiative,
    );
    // The directory's once-per-TTL reads (roster, roles) land in a turn before the measured ones.
    await t.post(
      acts.channelCardAction(johan, 'rug.decline', { initiativeId: submitted[RUNS].id }, url, 'card-id'),
    );
    if (graph) graph.fake.faults.set({ latencyMs: graphLatencyMs });
    const submission = await timedPosts(t.post, () =>
      acts.cardActionActivity(
        anna,
        'initiative.submit',
        cardDataFor(
          validForm({
            title: `${word()} ${word()}`,
            background: `${word()} ${word()} ${word()}`,
          }),
          { clientKey: randomUUID() },
        ),
        url,
      ),
    );
    const sent = await store.queries.rows({
      viewerId: anna.aadObjectId,
      initiatorId: anna.aadObjectId,
      statuses: ['submitted'],
    });
    if (sent.length !== RUNS) throw new Error(`only ${sent.length} of ${RUNS} submissions went through`);
    const vote = await timedPosts(t.post, (n) =>
      acts.channelCardAction(voters[n], 'rug.decline', { initiativeId: submitted[n].id }, url, 'card-id'),
    );
    // Every measured vote must have been recorded, or the figure would time a refusal.
    const recorded = (
      await Promise.all(submitted.slice(0, RUNS).map((i) => store.stances.listFor(i.id)))
    ).filter((s) => s.length === 1).length;
    if (recorded !== RUNS) throw new Error(`only ${recorded} of ${RUNS} votes were recorded`);
    const echo = await echoP50(url, () => acts.messageActivity(anna, 'hej', url));
    return { submission, vote, echo };
  } finally {
    await t.close();
    await graph?.fake.close();
  }
}

export async function run() {
  const lines = [];
  let ok = true;
  for (const size of [200, 2000]) {
    const f = await appP50(size);
    const ratio = (x) => (x / f.echo).toFixed(1);
    ok &&= f.submission / f.echo <= 2 && f.vote / f.echo <= 2;
    lines.push(
      `embedded store, ${size} initiatives: turn p50 submission ${f.submission.toFixed(1)} ms (${ratio(f.submission)}× echo), vote ${f.vote.toFixed(1)} ms (${ratio(f.vote)}× echo); bare SDK echo bot ${f.echo.toFixed(1)} ms`,
    );
  }
  for (const latency of [0, 100]) {
    const f = await appP50(200, latency);
    const ratio = (x) => (x / f.echo).toFixed(1);
    lines.push(
      `SharePoint store (Graph fake, ${latency} ms added per round trip), 200 initiatives: turn p50 submission ${f.submission.toFixed(1)} ms (${ratio(f.submission)}× echo), vote ${f.vote.toFixed(1)} ms (${ratio(f.vote)}× echo); echo ${f.echo.toFixed(1)} ms`,
    );
  }
  return {
    name: `Turn latency against a bare Teams SDK echo bot (${new Date().toISOString().slice(0, 10)})`,
    ok,
    lines,
  };
}
