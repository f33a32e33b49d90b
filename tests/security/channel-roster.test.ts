/**
 * RUG membership is the RUG channel's own roster. In a team with a private or shared RUG channel,
 * team members outside the channel must not vote (nor meet skallkrav 4), and a shared channel's
 * member from another allowed organisation must be able to. The fake connector answers rosters by
 * conversation id, as the Bot Framework connector does (docs/channel-roster.md).
 */
import { posted } from '../support/posted';
import { startTestApp, type TestApp } from '../support/running-app';
import { cardDataFor, validForm } from '../support/fixtures';
import {
  RUG_TEAM,
  TENANT,
  cardActionActivity,
  channelCardAction,
  channelMention,
  teamsUser,
  type TeamsUser,
} from '../support/teams-activities';

const OTHER_TENANT = '22222222-2222-4222-8222-222222222222'; // a municipality's own tenant
const anna = teamsUser('Anna Andersson', 1);
const johan = teamsUser('Johan Berg', 2); // admin
const a = teamsUser('Ada i kanalen', 3);
const b = teamsUser('Bo bara i teamet', 4);
const c = teamsUser('Cecilia från Halmstads tenant', 5);
const PRIVATE = '19:rug-private@thread.tacv2';
const SHARED = '19:rug-shared@thread.tacv2';
const STANDARD = '19:rug-standard@thread.tacv2';
const member = (u: TeamsUser, tenantId?: string) => ({
  id: u.id,
  name: u.name,
  aadObjectId: u.aadObjectId,
  ...(tenantId ? { tenantId } : {}),
});

/** An activity in a channel of the given kind (Teams puts the kind in channelData.channel.type). */
function inChannel<T extends { channelData: Record<string, unknown> }>(
  activity: T,
  type: string,
  tenantId = TENANT,
): T {
  const cd = activity.channelData as { channel: { id: string } };
  return {
    ...activity,
    channelData: { ...activity.channelData, channel: { ...cd.channel, type }, tenant: { id: tenantId } },
  };
}

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp({
    ADMIN_IDS: johan.aadObjectId,
    ALLOWED_TENANTS: `${TENANT},${OTHER_TENANT}`,
    ROSTER_TTL_MS: '0',
  });
  t.connector.rosters.set(RUG_TEAM.id, [member(johan), member(a), member(b)]);
  t.connector.rosters.set(PRIVATE, [member(johan), member(a)]);
  t.connector.rosters.set(SHARED, [
    member(a),
    member(c, OTHER_TENANT),
    member(b, '99999999-9999-4999-8999-999999999999'),
  ]);
});
afterEach(() => t.close());

async function registerAndSubmit(channel: string, type: string) {
  await t.post(inChannel(channelMention(johan, 'koppla RUG', t.connector.url, channel), type));
  expect(await t.app.deps.store.conversations.get('channel:rug')).toMatchObject({ channelType: type });
  const data = cardDataFor(validForm(), {
    clientKey: `roster-${type}`.padEnd(12, '0'),
    similarChecked: 'true',
  });
  await t.post(cardActionActivity(anna, 'initiative.submit', data, t.connector.url));
  await t.app.flushOutbox();
  const { items } = await t.app.deps.store.initiatives.list({ by: 'initiator', value: anna.aadObjectId });
  return items[0]!;
}

async function approve(user: TeamsUser, channel: string, type: string, tenantId = TENANT) {
  const initiative = (await t.app.deps.store.initiatives.list({ by: 'initiator', value: anna.aadObjectId }))
    .items[0]!;
  const res = await t.post(
    inChannel(
      channelCardAction(
        user,
        'rug.approve',
        { initiativeId: initiative.id },
        t.connector.url,
        posted(initiative.channelCards.review).activityId,
        channel,
      ),
      type,
      tenantId,
    ),
  );
  expect(res.status).toBe(200);
  return (await t.app.deps.store.stances.listFor(initiative.id)).map((s) => s.memberName);
}

it('private RUG channel: a team member outside the channel is refused, a channel member counts', async () => {
  const initiative = await registerAndSubmit(PRIVATE, 'private');
  expect(await approve(b, PRIVATE, 'private')).toEqual([]);
  expect((await t.app.deps.store.initiatives.get(initiative.id))!.status).toBe('submitted');
  expect(await approve(a, PRIVATE, 'private')).toEqual([a.name]);
  expect((await t.app.deps.store.initiatives.get(initiative.id))!.status).toBe('in_preparation');
  // The roster asked for was the channel's, not the team's.
  expect(
    t.connector.calls.some((x) =>
      decodeURIComponent(x.path).toLowerCase().startsWith(`/v3/conversations/${PRIVATE}/pagedmembers`),
    ),
  ).toBe(true);
});

it('shared RUG channel: a member from another allowed organisation counts; one from elsewhere does not', async () => {
  await registerAndSubmit(SHARED, 'shared');
  expect(await approve(c, SHARED, 'shared', OTHER_TENANT)).toEqual([c.name]);
  // b is in the shared channel's roster only as a member of an organisation that is not allowed.
  expect(await approve(b, SHARED, 'shared')).toEqual([c.name]);
});

it('standard RUG channel: its members are the team’s', async () => {
  await registerAndSubmit(STANDARD, 'standard');
  expect(await approve(b, STANDARD, 'standard')).toEqual([b.name]);
});

it('a hand-written card action naming someone else acts for nobody but its sender', async () => {
  const initiative = await registerAndSubmit(PRIVATE, 'private');
  // b is not in the channel and dresses the card data up as a (who is).
  const forged = {
    initiativeId: initiative.id,
    memberId: a.aadObjectId,
    aadObjectId: a.aadObjectId,
    name: a.name,
  };
  const res = await t.post(
    inChannel(
      channelCardAction(
        b,
        'rug.approve',
        forged,
        t.connector.url,
        posted(initiative.channelCards.review).activityId,
        PRIVATE,
      ),
      'private',
    ),
  );
  expect(res.status).toBe(200);
  expect(await t.app.deps.store.stances.listFor(initiative.id)).toEqual([]);
});
