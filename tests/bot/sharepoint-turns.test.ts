/**
 * Graph round trips per whole bot turn on the SharePoint store (the app as `npm start` runs it,
 * against the Graph fake): asking for the form, a submission, a first approval, a changed vote and
 * a decision each take at most three — at most one read, one `$batch` with the change and its
 * records, one that clears the pending marks. Deliveries by the outbox dispatcher are not part of
 * a turn.
 */
import { posted } from '../support/posted';
import { readFileSync } from 'node:fs';
import tls from 'node:tls';
import type { SharePointStore } from '../../src/adapters/sharepoint/sharepoint-store';
import { provisionedSite } from '../adapters/sharepoint/sharepoint-test-kit';
import { cardDataFor, validForm } from '../support/fixtures';
import { CERT_PATH, startGraphFake, type GraphFake } from '../support/graph-fake/graph-fake';
import { startTestApp, type TestApp } from '../support/running-app';
import {
  BEREDNING_CHANNEL,
  RUG_CHANNEL,
  RUG_TEAM,
  cardActionActivity,
  channelCardAction,
  channelMention,
  messageActivity,
  teamsUser,
} from '../support/teams-activities';

const anna = teamsUser('Anna Andersson', 1);
const johan = teamsUser('Johan Berg', 2);
const karin = teamsUser('Karin Lund', 3);
const sara = teamsUser('Sara Holm', 4);
const per = teamsUser('Per Nilsson', 5);

describe('Graph round trips per bot turn (SharePoint store)', () => {
  let fake: GraphFake;
  let t: TestApp;
  const url = () => t.connector.url;
  const store = () => t.app.deps.store as SharePointStore;

  /** The Graph requests one turn made, by use case. */
  async function turn(post: () => Promise<unknown>): Promise<{ total: number; by: Record<string, number> }> {
    store().requests.reset();
    await post();
    // The replica's background delta poll may fall inside a turn; it is not part of the turn.
    const by = Object.fromEntries(
      Object.entries(store().requests.snapshot()).filter(([useCase]) => !useCase.startsWith('replica.')),
    );
    return { total: Object.values(by).reduce((a, b) => a + b, 0), by };
  }

  beforeAll(async () => {
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
      RUG_CHAIR_IDS: karin.aadObjectId,
      BEREDNING_IDS: sara.aadObjectId,
    });
    t.connector.rosters.set(
      RUG_TEAM.id,
      [per, johan, karin].map((u) => ({ id: u.id, name: u.name, aadObjectId: u.aadObjectId })),
    );
    await t.post(channelMention(johan, 'koppla RUG', url(), RUG_CHANNEL));
    await t.post(channelMention(johan, 'koppla beredning', url(), BEREDNING_CHANNEL));
    // Anna has talked to the app before (her chat is known), as anyone sending an initiative has.
    await t.post(messageActivity(anna, 'hjälp', url()));
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  it('takes at most three Graph round trips per whole turn, reading at most once', async () => {
    // An earlier submission took this instance's first block of reference numbers (README).
    await t.post(
      cardActionActivity(
        anna,
        'initiative.submit',
        cardDataFor(validForm({ title: 'Läxhjälp', background: 'Skolbarn saknar stöd hemma.' }), {
          clientKey: 'turns-warm',
        }),
        url(),
      ),
    );
    await t.app.flushOutbox();
    const warm = (await t.app.deps.store.queries.rows({ viewerId: anna.aadObjectId })).find(
      (r) => r.initiative.clientKey === 'turns-warm',
    )!.initiative;
    // The first RUG turn of the instance: the granted roles and the preparation channel's roster
    // were read ahead (at start, on registering, every half ROSTER_TTL_MS), so the turn reads none.
    const coldApproval = await turn(() =>
      t.post(
        channelCardAction(
          johan,
          'rug.approve',
          { initiativeId: warm.id },
          url(),
          posted(warm.channelCards.review).activityId,
        ),
      ),
    );
    await t.app.flushOutbox();
    const form = await turn(() => t.post(messageActivity(anna, 'nytt', url())));
    const data = cardDataFor(validForm(), { clientKey: 'turns-0001' });
    const submission = await turn(() => t.post(cardActionActivity(anna, 'initiative.submit', data, url())));
    await t.app.flushOutbox();
    const initiative = (await t.app.deps.store.queries.rows({ viewerId: anna.aadObjectId })).find(
      (r) => r.initiative.clientKey === 'turns-0001',
    );
    const reviewCard = posted(initiative!.initiative.channelCards.review).activityId;
    const vote = (who: typeof per, verb: string) =>
      turn(() =>
        t.post(channelCardAction(who, verb, { initiativeId: initiative!.initiative.id }, url(), reviewCard)),
      );
    const firstApproval = await vote(per, 'rug.approve');
    await t.app.flushOutbox();
    await vote(johan, 'rug.approve');
    await t.app.flushOutbox();
    // Per changes his mind; Johan's approval keeps skallkrav 4 met for the proposal below.
    const changedVote = await vote(per, 'rug.decline');
    await t.app.flushOutbox();

    const id = initiative!.initiative.id;
    const prep = posted((await t.app.deps.store.initiatives.get(id))!.channelCards.preparation).activityId;
    await t.post(
      channelCardAction(sara, 'prep.assign', { initiativeId: id }, url(), prep, BEREDNING_CHANNEL),
    );
    const proposal = {
      initiativeId: id,
      recommendation: 'bifall',
      rationale: 'Väl förankrat.',
      responsibleId: 'varberg',
    };
    await t.post(channelCardAction(sara, 'prep.propose', proposal, url(), prep, BEREDNING_CHANNEL));
    await t.app.flushOutbox();
    const decisionCard = posted(
      (await t.app.deps.store.initiatives.get(id))!.channelCards.decision,
    ).activityId;
    const decision = await turn(() =>
      t.post(
        channelCardAction(
          karin,
          'rug.decide',
          {
            initiativeId: id,
            outcome: 'bifall',
            meetingDate: '2026-11-20',
            rationale: 'Bifall.',
            responsibleId: 'varberg',
          },
          url(),
          decisionCard,
        ),
      ),
    );
    const figures = { form, submission, firstApproval, changedVote, decision, coldApproval };
    // Printed so a regression names the use case that grew.
    console.log(JSON.stringify(figures));
    const reads = (f: { by: Record<string, number> }) =>
      Object.entries(f.by)
        .filter(([useCase]) => /\.(read|get|list)$/.test(useCase))
        .reduce((n, [, v]) => n + v, 0);
    for (const f of [form, submission, firstApproval, changedVote, decision]) {
      // One read at most (the query model, the per-turn cache, the initiative and its stances in
      // one $batch), one $batch writing the change with its records, one clearing the marks.
      expect(reads(f)).toBeLessThanOrEqual(1);
      expect(f.total).toBeLessThanOrEqual(3);
    }
    expect(form.total).toBeLessThanOrEqual(1);
    for (const f of [submission, firstApproval, changedVote, decision])
      expect([f.by['changes.write'], f.by['changes.clear']]).toEqual([1, 1]);
    // The instance's first RUG turn pays for no directory read either.
    expect(coldApproval.by['roles.list']).toBeUndefined();
    expect(coldApproval.by['conversations.read']).toBeUndefined();
    expect(coldApproval.total).toBeLessThanOrEqual(3);
    expect((await t.app.deps.store.initiatives.get(id))!.status).toBe('approved');
  });
});
