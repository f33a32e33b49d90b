import { quiet, provisionedSite } from '../lib/bench-kit.mjs';
// Bench part: whole bot turns and deliveries. Graph round trips per whole turn (the app as
// `npm start` runs it on the SharePoint store, against the local Graph fake, with 100 and 10,000
// initiatives in the list), the time from 50 simultaneous votes to the channel card showing the
// last one (embedded store, loopback Teams connector), and the outbox drain of a 1,000-card burst.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import tls from 'node:tls';
import { fileURLToPath } from 'node:url';
import './../lib/ts-require.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const load = (file) => require(join(root, file));

async function turnFigures(size) {
  const { startGraphFake, CERT_PATH } = load('tests/support/graph-fake/graph-fake.ts');
  const { initiativeFields } = load('src/adapters/sharepoint/sharepoint-initiatives.ts');
  const { annotate } = load('src/adapters/sharepoint/graph-list.ts');
  const { LISTS } = load('src/adapters/sharepoint/list-design.ts');
  const { startTestApp } = load('tests/support/running-app.ts');
  const acts = load('tests/support/teams-activities.ts');
  const { cardDataFor, validForm, newInitiative } = load('tests/support/fixtures.ts');
  tls.setDefaultCACertificates([...tls.getCACertificates('default'), readFileSync(CERT_PATH, 'utf8')]);
  const fake = await startGraphFake({ tls: true });
  const { site } = await provisionedSite(fake);
  const list = site.findList(LISTS.initiatives.displayName);
  for (let n = 0; n < size; n++) {
    const i = newInitiative({
      status: 'in_implementation',
      ref: `OH-2020-${n + 1}`,
      form: validForm({ title: `Arkiv ${n}`, background: 'Gammalt ärende utan koppling.' }),
    });
    list.createItem(annotate(initiativeFields(i, randomUUID())));
  }
  const [anna, johan, karin, sara, per] = [
    'Anna Andersson',
    'Johan Berg',
    'Karin Lund',
    'Sara Holm',
    'Per Nilsson',
  ].map((name, n) => acts.teamsUser(name, n + 1));
  const t = await startTestApp({
    STORE: 'sharepoint',
    GRAPH_BASE_URL: fake.graphUrl,
    AUTHORITY_HOST: fake.authorityHost,
    MICROSOFT_APP_TENANT_ID: fake.tenantId,
    MICROSOFT_APP_ID: fake.clientId,
    MICROSOFT_APP_PASSWORD: fake.clientSecret,
    SHAREPOINT_SITE_ID: site.id,
    ADMIN_IDS: johan.aadObjectId,
    RUG_CHAIR_IDS: karin.aadObjectId,
    BEREDNING_IDS: sara.aadObjectId,
  });
  try {
    const url = t.connector.url;
    t.connector.rosters.set(
      acts.RUG_TEAM.id,
      [per, johan, karin].map((u) => ({ id: u.id, name: u.name, aadObjectId: u.aadObjectId })),
    );
    await t.post(acts.channelMention(johan, 'koppla RUG', url, acts.RUG_CHANNEL));
    await t.post(acts.channelMention(johan, 'koppla beredning', url, acts.BEREDNING_CHANNEL));
    await t.post(acts.messageActivity(anna, 'hjälp', url));
    const warmKey = randomUUID();
    const warm = cardDataFor(validForm({ title: 'Läxhjälp', background: 'Skolbarn saknar stöd hemma.' }), {
      clientKey: warmKey,
    });
    await t.post(acts.cardActionActivity(anna, 'initiative.submit', warm, url));
    await t.app.flushOutbox();
    const store = t.app.deps.store;
    const turn = async (post) => {
      store.requests.reset();
      const bytesBefore = fake.traffic.bytes;
      const started = performance.now();
      await post();
      const ms = performance.now() - started;
      // The replica's background poll is not part of the turn (its bytes are, if it ran: ~1 KB).
      const by = Object.entries(store.requests.snapshot()).filter(([k]) => !k.startsWith('replica.'));
      return {
        requests: by.reduce((a, [, v]) => a + v, 0),
        ms,
        kb: (fake.traffic.bytes - bytesBefore) / 1024,
      };
    };
    const key = randomUUID();
    const figures = {};
    // The instance's first RUG turn: the roles and the preparation roster were read ahead (at start,
    // on registering, every half ROSTER_TTL_MS), so it should cost what any first approval costs.
    const warmed = (await store.queries.rows({ viewerId: anna.aadObjectId })).find(
      (r) => r.initiative.clientKey === warmKey,
    ).initiative;
    figures["instance's first approval"] = await turn(() =>
      t.post(
        acts.channelCardAction(
          johan,
          'rug.approve',
          { initiativeId: warmed.id },
          url,
          warmed.channelCards.review.activityId,
        ),
      ),
    );
    await t.app.flushOutbox();
    figures.form = await turn(() => t.post(acts.messageActivity(anna, 'nytt', url)));
    figures.submission = await turn(() =>
      t.post(
        acts.cardActionActivity(anna, 'initiative.submit', cardDataFor(validForm(), { clientKey: key }), url),
      ),
    );
    await t.app.flushOutbox();
    const mine = (await store.queries.rows({ viewerId: anna.aadObjectId })).find(
      (r) => r.initiative.clientKey === key,
    ).initiative;
    const review = mine.channelCards.review.activityId;
    const vote = (who, verb) =>
      t.post(acts.channelCardAction(who, verb, { initiativeId: mine.id }, url, review));
    figures['first approval'] = await turn(() => vote(per, 'rug.approve'));
    await t.app.flushOutbox();
    await vote(johan, 'rug.approve');
    figures['changed vote'] = await turn(() => vote(per, 'rug.decline'));
    await t.app.flushOutbox();
    const prep = (await store.initiatives.get(mine.id)).channelCards.preparation.activityId;
    await t.post(
      acts.channelCardAction(
        sara,
        'prep.assign',
        { initiativeId: mine.id },
        url,
        prep,
        acts.BEREDNING_CHANNEL,
      ),
    );
    const proposal = {
      initiativeId: mine.id,
      recommendation: 'bifall',
      rationale: 'Väl förankrat.',
      responsibleId: 'varberg',
    };
    await t.post(acts.channelCardAction(sara, 'prep.propose', proposal, url, prep, acts.BEREDNING_CHANNEL));
    await t.app.flushOutbox();
    const decisionCard = (await store.initiatives.get(mine.id)).channelCards.decision.activityId;
    const decision = {
      initiativeId: mine.id,
      outcome: 'bifall',
      meetingDate: '2026-11-20',
      rationale: 'Bifall.',
      responsibleId: 'varberg',
    };
    figures.decision = await turn(() =>
      t.post(acts.channelCardAction(karin, 'rug.decide', decision, url, decisionCard)),
    );
    return figures;
  } finally {
    await t.close();
    await fake.close();
  }
}

async function deliveryFigures() {
  const { openSqliteStore } = load('src/adapters/sqlite/sqlite-store.ts');
  const { deliverDue } = load('src/bot/notification-dispatcher.ts');
  const { CoalescingGateway } = load('src/bot/card-update-coalescer.ts');
  const { catalogue } = load('src/domain/catalogue/catalogue.ts');
  const { setStance } = load('src/app/use-cases/set-stance.ts');
  const { newInitiative } = load('tests/support/fixtures.ts');
  const members = Array.from({ length: 50 }, (_, n) => ({
    objectId: randomUUID(),
    tenantId: 't',
    name: `Ledamot ${n + 1}`,
  }));
  const store = openSqliteStore(':memory:');
  const deps = {
    store,
    directory: { rolesOf: async () => ['rug_member'], rugMembers: async () => members },
    clock: { now: () => new Date() },
    ids: { newId: () => randomUUID() },
    catalogue,
    log: quiet,
  };
  const bc = { deps, linkFor: (r) => `https://tab/${r}`, allowedTenants: [] };
  await store.conversations.save({
    key: 'channel:rug',
    conversationId: 'c',
    serviceUrl: 'http://localhost',
    tenantId: 't',
    conversationType: 'channel',
    updatedAt: new Date().toISOString(),
  });
  // A loopback connector: each send or update takes 10 ms.
  let lastTally = 0;
  let lastAt = 0;
  const loopback = {
    sendCard: async () => (await new Promise((r) => setTimeout(r, 10)), { activityId: randomUUID() }),
    updateCard: async (_ref, _id, card) => {
      await new Promise((r) => setTimeout(r, 10));
      lastTally = new Set(JSON.stringify(card).match(/Ledamot \d+/g) ?? []).size;
      lastAt = performance.now();
    },
  };
  const gateway = new CoalescingGateway(loopback);
  const { initiative } = await store.initiatives.create(
    newInitiative({ status: 'submitted', ref: 'OH-2026-0001' }),
  );
  await store.initiatives.update({
    ...initiative,
    channelCards: { review: { conversationId: 'c', activityId: 'posted' } },
  });
  const started = performance.now();
  await Promise.all(members.map((m) => setStance(deps, m, initiative.id, 'approve')));
  for (let i = 0; i < 10 && (await store.outbox.due(new Date(), 1)).length > 0; i++)
    await deliverDue(bc, gateway);
  const tallyMs = lastAt - started;
  const burst = [];
  for (let n = 0; n < 1000; n++) {
    const { initiative: i } = await store.initiatives.create(
      newInitiative({ status: 'submitted', ref: `OH-2027-${n + 1}` }),
    );
    burst.push(i);
    await store.outbox.enqueue({
      id: `review:${i.id}`,
      kind: 'review_requested',
      initiativeId: i.id,
      recipient: { type: 'channel', key: 'rug' },
      data: {},
      createdAt: new Date().toISOString(),
    });
  }
  const drainStart = performance.now();
  let sent = 0;
  for (let round = 0; round < 100; round++) {
    const r = await deliverDue(bc, gateway);
    sent += r.sent;
    if (r.sent + r.failed === 0) break;
  }
  const drainMs = performance.now() - drainStart;
  await store.close();
  return { tallyMs, lastTally, updates: gateway.sentUpdates, drainMs, sent };
}

export async function run() {
  const lines = [];
  let ok = true;
  for (const size of [100, 10000]) {
    const f = await turnFigures(size);
    // The target: at most three Graph round trips per whole turn, every turn.
    ok &&= Object.entries(f).every(([, v]) => v.requests <= 3);
    lines.push(
      `whole turn on SharePoint (fake), ${size} items: ` +
        Object.entries(f)
          .map(([k, v]) => `${k} ${v.requests} req ${v.kb.toFixed(1)} KB ${v.ms.toFixed(0)} ms`)
          .join(', '),
    );
  }
  const d = await deliveryFigures();
  lines.push(
    `50 simultaneous approvals: channel card names ${d.lastTally} of 50 approvers after ${(d.tallyMs / 1000).toFixed(2)} s (${d.updates} card updates sent)`,
  );
  lines.push(
    `outbox burst of 1,000 review cards: ${d.sent} posted in ${(d.drainMs / 1000).toFixed(1)} s (loopback connector, 10 ms a send)`,
  );
  return {
    name: `Whole turns and deliveries (${new Date().toISOString().slice(0, 10)})`,
    ok: ok && d.lastTally === 50 && d.tallyMs < 2000 && d.drainMs < 60000,
    lines,
  };
}
