/**
 * The whole app on the SharePoint path: `start()` with STORE=sharepoint, real @azure/identity client
 * credentials against the Graph fake's token endpoint, and the bot flows on top — as
 * `STORE=sharepoint npm start` runs against the standalone fake.
 */
import { posted } from '../support/posted';
import { readFileSync } from 'node:fs';
import tls from 'node:tls';
import { provisionedSite } from '../adapters/sharepoint/sharepoint-test-kit';
import { CERT_PATH, startGraphFake, type GraphFake } from '../support/graph-fake/graph-fake';
import { startTestApp, type TestApp } from '../support/running-app';
import {
  RUG_CHANNEL,
  RUG_TEAM,
  cardActionActivity,
  channelCardAction,
  channelMention,
  teamsUser,
} from '../support/teams-activities';
import { cardDataFor, validForm } from '../support/fixtures';

const anna = teamsUser('Anna Andersson', 1);
const johan = teamsUser('Johan Berg', 2);
const per = teamsUser('Per Nilsson', 3);

describe('the app on SharePoint lists (Graph fake)', () => {
  let fake: GraphFake;
  let t: TestApp;

  beforeAll(async () => {
    // In a process this is NODE_EXTRA_CA_CERTS=tests/support/graph-fake/localhost-cert.pem.
    tls.setDefaultCACertificates([...tls.getCACertificates('default'), readFileSync(CERT_PATH, 'utf8')]);
    fake = await startGraphFake({ tls: true });
    const site = await provisionedSite(fake);
    t = await startTestApp({
      STORE: 'sharepoint',
      GRAPH_BASE_URL: fake.graphUrl,
      AUTHORITY_HOST: fake.authorityHost,
      MICROSOFT_APP_TENANT_ID: fake.tenantId,
      MICROSOFT_APP_ID: fake.clientId,
      MICROSOFT_APP_PASSWORD: fake.clientSecret,
      SHAREPOINT_SITE_ID: site.id,
      ADMIN_IDS: johan.aadObjectId,
    });
    t.connector.rosters.set(
      RUG_TEAM.id,
      [per, johan].map((u) => ({ id: u.id, name: u.name, aadObjectId: u.aadObjectId })),
    );
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  it('reports the SharePoint store as healthy and ready', async () => {
    const health = (await (await fetch(`${t.app.url}/healthz`)).json()) as { store: { kind: string } };
    expect(health.store.kind).toBe('sharepoint');
    expect((await fetch(`${t.app.url}/readyz`)).status).toBe(200);
  });

  it('submits from chat, posts the review card, takes a RUG approval and tells the initiator', async () => {
    await t.post(channelMention(johan, 'koppla RUG', t.connector.url, RUG_CHANNEL));
    const data = cardDataFor(validForm(), { clientKey: 'sp-path-0001', similarChecked: 'true' });
    const sent = await t.post(cardActionActivity(anna, 'initiative.submit', data, t.connector.url));
    expect(JSON.stringify(sent.body.value)).toMatch(/OH-\d{4}-0001/);
    await t.app.flushOutbox();
    const [initiative] = (
      await t.app.deps.store.initiatives.list({ by: 'initiator', value: anna.aadObjectId })
    ).items;
    expect(posted(initiative?.channelCards.review).conversationId).toBe(RUG_CHANNEL);

    const approved = await t.post(
      channelCardAction(
        per,
        'rug.approve',
        { initiativeId: initiative!.id },
        t.connector.url,
        posted(initiative!.channelCards.review).activityId,
      ),
    );
    expect(JSON.stringify(approved.body.value)).toContain('Ditt ställningstagande: Godkänt');
    await t.app.flushOutbox();
    expect((await t.app.deps.store.initiatives.get(initiative!.id))?.status).toBe('in_preparation');
    const toAnna = t.connector.cardsTo(anna.conversationId).map((c) => JSON.stringify(c));
    expect(toAnna.some((c) => c.includes('Per Nilsson i RUG har godkänt ditt initiativ'))).toBe(true);
    // The records really are SharePoint list items on the fake site.
    expect(fake.stats.get(200) ?? 0).toBeGreaterThan(0);
  });
});
