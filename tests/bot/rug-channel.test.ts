/**
 * Protocol-level tests of the RUG channel with real Teams payloads: channel posts with mentions and
 * channelData.team/channel, adaptiveCard/action invokes from different users, and roster calls
 * answered by the fake connector.
 */
import { posted } from '../support/posted';
import {
  BEREDNING_CHANNEL,
  RUG_CHANNEL,
  RUG_TEAM,
  cardActionActivity,
  channelCardAction,
  channelMention,
  teamInstallActivity,
  teamsUser,
} from '../support/teams-activities';
import { startTestApp, type TestApp } from '../support/running-app';
import { findAll } from '../support/card-check';
import { cardDataFor, validForm } from '../support/fixtures';

const anna = teamsUser('Anna Andersson', 1);
const johan = teamsUser('Johan Berg', 2); // admin and RUG secretary
const karin = teamsUser('Karin Lund', 3); // RUG chair
const sara = teamsUser('Sara Holm', 4); // Beredningsgruppen
const olle = teamsUser('Olle Utanför', 30); // not in the RUG team
const others = Array.from({ length: 7 }, (_, n) => teamsUser(`Ledamot ${n + 1}`, 10 + n));
const rug = [johan, karin, ...others]; // nine members

const texts = (card: unknown) =>
  findAll(card, 'TextBlock')
    .map((t) => String(t.text))
    .join('\n');

const cardData = (extra: Record<string, unknown> = {}) =>
  cardDataFor(validForm(), { similarChecked: 'true', ...extra });

describe('RUG channel', () => {
  let t: TestApp;
  const url = () => t.connector.url;

  beforeEach(async () => {
    t = await startTestApp({
      ADMIN_IDS: johan.aadObjectId,
      RUG_SECRETARY_IDS: johan.aadObjectId,
      RUG_CHAIR_IDS: karin.aadObjectId,
      BEREDNING_IDS: sara.aadObjectId,
      ROSTER_TTL_MS: '0', // read the roster every time, so a change in the team shows at once
    });
    t.connector.rosters.set(
      RUG_TEAM.id,
      rug.map((u) => ({ id: u.id, name: u.name, aadObjectId: u.aadObjectId })),
    );
  });
  afterEach(async () => {
    await t.close();
  });

  async function register() {
    await t.post(channelMention(johan, 'koppla RUG', url(), RUG_CHANNEL));
    await t.post(channelMention(johan, 'koppla beredning', url(), BEREDNING_CHANNEL));
  }

  async function submit(key = 'key-rug-00001') {
    await t.post(cardActionActivity(anna, 'initiative.submit', cardData({ clientKey: key }), url()));
    await t.app.flushOutbox();
    const { items } = await t.app.deps.store.initiatives.list({ by: 'initiator', value: anna.aadObjectId });
    return items.find((i) => i.clientKey === key)!;
  }

  /** A registered RUG channel, a sent initiative approved by one member, and its preparation card. */
  async function inPreparation() {
    await register();
    const initiative = await submit();
    await act(
      others[0]!,
      'rug.approve',
      { initiativeId: initiative.id },
      posted(initiative.channelCards.review).activityId,
    );
    await t.app.flushOutbox();
    const prepared = (await t.app.deps.store.initiatives.get(initiative.id))!;
    return { initiative, prepCardId: posted(prepared.channelCards.preparation).activityId };
  }

  const act = (
    user: typeof anna,
    verb: string,
    data: Record<string, unknown>,
    activityId: string,
    channel = RUG_CHANNEL,
  ) => t.post(channelCardAction(user, verb, data, url(), activityId, channel));

  it('explains how to connect a channel when the app is added to a team', async () => {
    await t.post(teamInstallActivity(johan, url()));
    const [hint] = t.connector.cardsTo(RUG_CHANNEL);
    expect(texts(hint)).toContain('koppla RUG');
  });

  it('lets only an admin register the RUG and preparation channels, audited, and confirms in the channel', async () => {
    await t.post(channelMention(olle, 'koppla RUG', url(), RUG_CHANNEL));
    expect(await t.app.deps.store.conversations.get('channel:rug')).toBeNull();
    const refused = t.connector.calls.filter((c) => c.method === 'POST').at(-1)!;
    expect(JSON.stringify(refused.body)).toContain('Bara administratörer');

    await register();
    const rugRef = await t.app.deps.store.conversations.get('channel:rug');
    expect(rugRef).toMatchObject({
      conversationId: RUG_CHANNEL,
      teamId: RUG_TEAM.id,
      conversationType: 'channel',
    });
    expect((await t.app.deps.store.conversations.get('channel:beredning'))?.conversationId).toBe(
      BEREDNING_CHANNEL,
    );
    const confirmation = t.connector.calls.filter((c) => c.method === 'POST').at(-2)!;
    expect(JSON.stringify(confirmation.body)).toContain('registrerad som RUG-kanal');
    const audit = await t.app.deps.store.audit.list('system:channels');
    expect(audit.items.map((e) => [e.kind, e.actor.name])).toEqual([
      ['channel_registered', 'Johan Berg'],
      ['channel_registered', 'Johan Berg'],
    ]);
  });

  it('posts a review card for each sent initiative and records it for updates in place', async () => {
    await register();
    const initiative = await submit();
    const cards = t.connector.cardsTo(RUG_CHANNEL);
    expect(cards).toHaveLength(1);
    const review = cards[0]!;
    expect(texts(review)).toContain(initiative.ref!);
    expect(texts(review)).toContain('Godkänt av minst en deltagare i RUG – väntar');
    // Ids and the fingerprint of the text shown, nothing else (the server reloads the rest).
    const shown = { initiativeId: initiative.id, shown: expect.any(String) };
    expect(findAll(review.actions, 'Action.Execute').map((a) => [a.verb, a.data])).toEqual([
      ['rug.approve', shown],
      ['rug.decline', shown],
      ['rug.jav', shown],
    ]);
    // Per-user refresh for the current RUG members, from the roster (read page by page).
    const refresh = review.refresh as { userIds: string[] };
    expect(refresh.userIds.sort()).toEqual(rug.map((u) => u.id).sort());
    expect(
      t.connector.calls.filter((c) => c.path.toLowerCase().includes('pagedmembers')).length,
    ).toBeGreaterThanOrEqual(3);
    expect(initiative.channelCards.review).toEqual({
      conversationId: RUG_CHANNEL,
      activityId: expect.any(String),
    });
  });

  it('refuses someone outside the RUG team and changes nothing', async () => {
    await register();
    const initiative = await submit();
    const res = await act(
      olle,
      'rug.approve',
      { initiativeId: initiative.id },
      posted(initiative.channelCards.review).activityId,
    );
    expect(texts(res.body.value)).toContain('Bara ledamöter i RUG');
    expect(await t.app.deps.store.stances.listFor(initiative.id)).toEqual([]);
    expect((await t.app.deps.store.initiatives.get(initiative.id))?.status).toBe('submitted');
  });

  it('counts nine members acting at once, excludes jäv, meets skallkrav 4 and updates the posted card', async () => {
    await register();
    const initiative = await submit();
    const cardId = posted(initiative.channelCards.review).activityId;
    const responses = await Promise.all(
      rug.map((u, n) =>
        act(u, n === 0 ? 'rug.jav' : 'rug.approve', { initiativeId: initiative.id, comment: '' }, cardId),
      ),
    );
    for (const r of responses)
      expect(r.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(texts(responses[1]!.body.value)).toContain('Ditt ställningstagande: Godkänt');
    const stances = await t.app.deps.store.stances.listFor(initiative.id);
    expect(stances).toHaveLength(9);
    const after = (await t.app.deps.store.initiatives.get(initiative.id))!;
    expect(after.status).toBe('in_preparation');

    await t.app.flushOutbox();
    const updates = t.connector.updates(RUG_CHANNEL);
    expect(updates.length).toBeGreaterThan(0);
    for (const u of updates) expect(u.path).toContain(`/activities/${cardId}`);
    const latest = (updates.at(-1)!.body.attachments as { content: unknown }[])[0]!.content;
    expect(texts(latest)).toContain('Godkänt: 8 · Avböjt: 0 · Jäv: 1');
    expect(texts(latest)).toContain('Godkänt av minst en deltagare i RUG – uppfyllt');
    // The initiator hears about it in their own chat, and Beredningsgruppen gets its card.
    const toAnna = t.connector
      .cardsTo(anna.conversationId)
      .map(texts)
      .filter((x) => x.includes('i RUG har'));
    expect(toAnna).toHaveLength(1); // one message on the status change, not one per vote
    expect(toAnna[0]).toMatch(/har godkänt ditt initiativ/);
    expect(t.connector.cardsTo(BEREDNING_CHANNEL)).toHaveLength(1);
  });

  it('refuses a vote pressed on a card whose text has since been edited, and answers with the new text', async () => {
    await register();
    const initiative = await submit();
    const shownCard = t.connector.cardsTo(RUG_CHANNEL)[0]!;
    // The data Teams sends back is the posted card's own: ids and the fingerprint of its text.
    const approve = findAll(shownCard.actions, 'Action.Execute').find((a) => a.verb === 'rug.approve')!;
    // The initiator edits the initiative before RUG has approved it.
    await t.post(
      cardActionActivity(
        anna,
        'initiative.submit',
        cardData({ clientKey: 'key-edit-1', initiativeId: initiative.id, title: 'Helt ny rubrik' }),
        url(),
      ),
    );
    const res = await act(
      others[0]!,
      'rug.approve',
      approve.data as Record<string, unknown>,
      posted(initiative.channelCards.review).activityId,
    );
    expect(texts(res.body.value)).toContain('Initiativet har ändrats sedan du fick se det');
    expect(texts(res.body.value)).toContain('Helt ny rubrik');
    expect(await t.app.deps.store.stances.listFor(initiative.id)).toEqual([]);
    // On the refreshed card the same press goes through.
    const fresh = findAll(res.body.value, 'Action.Execute').find((a) => a.verb === 'rug.approve')!;
    await act(
      others[0]!,
      'rug.approve',
      fresh.data as Record<string, unknown>,
      posted(initiative.channelCards.review).activityId,
    );
    expect((await t.app.deps.store.stances.listFor(initiative.id)).map((s) => s.stance)).toEqual(['approve']);
  });

  it('lets a member change their stance until the decision, one stance per member', async () => {
    await register();
    const initiative = await submit();
    const cardId = posted(initiative.channelCards.review).activityId;
    await act(others[0]!, 'rug.decline', { initiativeId: initiative.id, comment: 'Oklart syfte' }, cardId);
    await act(others[0]!, 'rug.approve', { initiativeId: initiative.id }, cardId);
    const stances = await t.app.deps.store.stances.listFor(initiative.id);
    expect(stances.map((s) => s.stance)).toEqual(['approve']);
    const kinds = (await t.app.deps.store.audit.list(initiative.id)).items.map((e) => e.kind);
    expect(kinds).toEqual(['submitted', 'stance_set', 'stance_changed', 'endorsed']);
  });

  it('goes from preparation to a chair’s decision that reaches the initiator at once', async () => {
    const { initiative, prepCardId } = await inPreparation();

    const assigned = await act(
      sara,
      'prep.assign',
      { initiativeId: initiative.id },
      prepCardId,
      BEREDNING_CHANNEL,
    );
    expect(JSON.stringify(assigned.body.value)).toContain('Sara Holm');
    const proposal = {
      initiativeId: initiative.id,
      recommendation: 'bifall',
      rationale: 'Väl förankrat och i linje med målbilden.',
      responsibleId: 'varberg',
    };
    await act(sara, 'prep.propose', proposal, prepCardId, BEREDNING_CHANNEL);
    await t.app.flushOutbox();
    const decisionCardId = posted(
      (await t.app.deps.store.initiatives.get(initiative.id))!.channelCards.decision,
    ).activityId;
    expect(texts(t.connector.cardsTo(RUG_CHANNEL).at(-1))).toContain(
      'Beslutsförslag från beredningsgruppen: Bifall',
    );

    const decision = {
      initiativeId: initiative.id,
      outcome: 'bifall',
      meetingDate: '2026-11-20',
      rationale: 'RUG bifaller enligt förslaget.',
      diarienummer: 'RS2026-0042',
      responsibleId: 'varberg',
    };
    const refused = await act(others[1]!, 'rug.decide', decision, decisionCardId);
    expect(texts(refused.body.value)).toContain('behörighet');
    expect(JSON.stringify(refused.body.value)).toContain('RUG bifaller enligt förslaget.'); // typed values kept
    const decided = await act(karin, 'rug.decide', decision, decisionCardId);
    expect(texts(decided.body.value)).toContain('Beslut 2026-11-20: Bifall');

    await t.app.flushOutbox();
    const toAnna = texts(t.connector.cardsTo(anna.conversationId).at(-1));
    expect(toAnna).toContain('RUG har fattat beslut: Bifall');
    expect(toAnna).toContain('RUG bifaller enligt förslaget.');
    expect(
      t.connector.updates(RUG_CHANNEL).some((u) => u.path.endsWith(`/activities/${decisionCardId}`)),
    ).toBe(true);

    // A recorded decision is never edited: a new one needs a reason and supersedes it.
    const noReason = await act(karin, 'rug.decide', { ...decision, outcome: 'avslag' }, decisionCardId);
    expect(texts(noReason.body.value)).toContain('Formuläret har fel');
    await act(
      karin,
      'rug.decide',
      { ...decision, outcome: 'avslag', supersedeReason: 'Finansieringen föll bort.' },
      decisionCardId,
    );
    const final = (await t.app.deps.store.initiatives.get(initiative.id))!;
    expect(final.status).toBe('rejected');
    expect(final.decisions.map((d) => d.outcome)).toEqual(['bifall', 'avslag']);
    expect(final.decisions[1]).toMatchObject({
      supersedesId: final.decisions[0]!.id,
      supersedeReason: 'Finansieringen föll bort.',
    });
  });

  it('returns an initiative for completion; the initiator completes it in chat and it comes back', async () => {
    const { initiative, prepCardId } = await inPreparation();
    await act(
      sara,
      'prep.return',
      { initiativeId: initiative.id, question: 'Hur många patienter berörs per år?' },
      prepCardId,
      BEREDNING_CHANNEL,
    );
    await t.app.flushOutbox();
    const ask = t.connector.cardsTo(anna.conversationId).at(-1)!;
    expect(texts(ask)).toContain('Hur många patienter berörs per år?');
    const complete = findAll(ask, 'Action.Execute').find((a) => a.verb === 'initiative.edit')!;
    const form = await t.post(
      cardActionActivity(anna, 'initiative.edit', complete.data as Record<string, unknown>, url()),
    );
    const submitAction = findAll(form.body.value, 'Action.Execute').find(
      (a) => a.verb === 'initiative.submit',
    )!;
    await t.post(
      cardActionActivity(
        anna,
        'initiative.submit',
        { ...cardData({ resources: 'Cirka 400 personer per år berörs.' }), ...(submitAction.data as object) },
        url(),
      ),
    );
    const back = (await t.app.deps.store.initiatives.get(initiative.id))!;
    expect(back.status).toBe('in_preparation');
    expect(back.form.resources).toBe('Cirka 400 personer per år berörs.');
  });

  it('keeps working for admins when the roster cannot be read: nobody votes, the admin can re-register', async () => {
    await register();
    const initiative = await submit();
    t.connector.rosters.clear(); // e.g. the app was removed from the team: the connector answers 404
    const refused = await act(
      others[0]!,
      'rug.approve',
      { initiativeId: initiative.id },
      posted(initiative.channelCards.review).activityId,
    );
    expect(texts(refused.body.value)).toContain('Bara ledamöter i RUG');
    expect(await t.app.deps.store.stances.listFor(initiative.id)).toEqual([]);
    await t.post(channelMention(johan, 'koppla RUG', url(), RUG_CHANNEL));
    const reply = t.connector.calls.filter((c) => c.method === 'POST').at(-1)!;
    expect(JSON.stringify(reply.body)).toContain('registrerad som RUG-kanal');
  });
});
