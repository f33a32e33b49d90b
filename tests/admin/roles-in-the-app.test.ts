/**
 * Roles granted in the app, end to end on the running app: an admin appoints a chair in the tab's
 * Administration API and that person records a decision through the bot card at once; ending the
 * role takes it away at once; Beredningsgruppen is the preparation channel's roster; every grant and
 * end is in the audit trail; and nobody but an admin reaches an admin route.
 */
import type { RolesView } from '../../src/contracts/admin-api';
import { ROLES_TRAIL } from '../../src/app/use-cases/manage-roles';
import { cardProblems, findAll } from '../support/card-check';
import { rugFlow } from '../support/rug-flow';
import { callApi, playgroundUser, signIn as signInAs } from '../support/local-tab-api';
import { startTestApp, type TestApp } from '../support/running-app';
import {
  BEREDNING_CHANNEL,
  RUG_CHANNEL,
  RUG_TEAM,
  type TeamsUser,
  cardActionActivity,
  channelMention,
  messageActivity,
} from '../support/teams-activities';

const user = playgroundUser;
const signIn = (who: TeamsUser) => signInAs(t, who);
const call = (token: string | null, method: string, path: string, body?: unknown) =>
  callApi(t, token, method, path, body);
const anna = user('Anna Andersson', 1);
const karin = user('Karin Lund', 2);
const per = user('Per Nilsson', 3);
const maria = user('Maria Ek', 4);
const sara = user('Sara Holm', 5);
const johan = user('Johan Berg', 6); // the bootstrap admin

const texts = (card: unknown) =>
  findAll(card, 'TextBlock')
    .map((t) => String(t.text))
    .join('\n');

let t: TestApp;
const url = () => t.connector.url;

beforeEach(async () => {
  // Only the bootstrap admin is configured: no chair, secretary or preparation group by id. The
  // roster is reused for the default two minutes, so "at once" cannot come from re-reading it.
  t = await startTestApp({ ADMIN_IDS: johan.aadObjectId });
  const member = (u: TeamsUser) => ({ id: u.id, name: u.name, aadObjectId: u.aadObjectId });
  t.connector.rosters.set(RUG_TEAM.id, [johan, karin, per, maria].map(member));
  t.connector.rosters.set(BEREDNING_CHANNEL, [sara].map(member));
});
afterEach(async () => {
  await t.close();
});

const act = (who: TeamsUser, verb: string, data: Record<string, unknown>, activityId: string) =>
  rugFlow(t, { admin: johan, initiator: anna, member: per, preparer: sara }).act(who, verb, data, activityId);

/** A registered RUG and preparation channel and an initiative with a decision proposal. */
async function proposed() {
  const flow = rugFlow(t, { admin: johan, initiator: anna, member: per, preparer: sara });
  await flow.registerChannels();
  const { initiative } = await flow.submit('k-roles-1');
  // Sara prepares because she is in the preparation channel, not because configuration names her.
  const decisionCard = await flow.propose(initiative!.id);
  return { id: initiative!.id, decisionCard };
}

const decision = (initiativeId: string) => ({
  initiativeId,
  outcome: 'bifall',
  meetingDate: '2026-11-20',
  rationale: 'RUG bifaller enligt förslaget.',
  responsibleId: 'varberg',
});

it('lets an admin appoint a chair in the tab, who records a decision through the bot card at once', async () => {
  const { id, decisionCard } = await proposed();
  const before = await act(karin, 'rug.decide', decision(id), decisionCard);
  expect(texts(before.body.value)).toContain('behörighet');

  const admin = await signIn(johan);
  const view = await call(admin, 'GET', '/api/admin/roles');
  expect(view.status).toBe(200);
  const candidates = (view.body as RolesView).candidates.map((c) => c.name);
  expect(candidates).toEqual(['Johan Berg', 'Karin Lund', 'Maria Ek', 'Per Nilsson', 'Sara Holm']);

  const granted = await call(admin, 'POST', '/api/admin/roles', {
    role: 'rug_chair',
    holderId: karin.aadObjectId,
  });
  expect(granted.status).toBe(200);
  expect((granted.body as RolesView).current).toEqual([
    expect.objectContaining({
      role: 'rug_chair',
      holder: { objectId: karin.aadObjectId, name: 'Karin Lund' },
      active: true,
    }),
  ]);

  const decided = await act(karin, 'rug.decide', decision(id), decisionCard);
  expect(texts(decided.body.value)).toContain('Beslut 2026-11-20: Bifall');
  expect((await t.app.deps.store.initiatives.get(id))!.status).toBe('approved');

  // Ended: the role is gone at once, and both changes are in the audit trail with who and what.
  const karinsId = (granted.body as RolesView).current[0]!.id;
  const ended = await call(admin, 'POST', '/api/admin/roles/end', { assignmentId: karinsId });
  expect((ended.body as RolesView).history).toEqual([
    expect.objectContaining({
      id: karinsId,
      endedBy: { objectId: johan.aadObjectId, name: 'Johan Berg' },
      active: false,
    }),
  ]);
  const me = await call(await signIn(karin), 'GET', '/api/me');
  expect((me.body as { roles: string[] }).roles).toEqual(['rug_member']);
  const trail = (await t.app.deps.store.audit.list(ROLES_TRAIL)).items;
  expect(
    trail.map((e) => [e.kind, e.actor.name, (e.after as { holder: { name: string } }).holder.name]),
  ).toEqual([
    ['role_granted', 'Johan Berg', 'Karin Lund'],
    ['role_ended', 'Johan Berg', 'Karin Lund'],
  ]);
});

it('refuses every admin route to anyone but an admin (403 problem, or 401 without a token)', async () => {
  const routes: [string, string, unknown][] = [
    ['GET', '/api/admin/roles', undefined],
    ['POST', '/api/admin/roles', { role: 'admin', holderId: per.aadObjectId }],
    ['POST', '/api/admin/roles', { nonsense: true }],
    ['POST', '/api/admin/roles/end', { assignmentId: 'x' }],
  ];
  for (const who of [per, karin, sara, anna]) {
    const token = await signIn(who);
    for (const [method, path, body] of routes) {
      const res = await call(token, method, path, body);
      expect([who.name, method, path, res.status]).toEqual([who.name, method, path, 403]);
      expect(res.type).toContain('application/problem+json');
    }
  }
  for (const [method, path, body] of routes) expect((await call(null, method, path, body)).status).toBe(401);
  expect(await t.app.deps.store.roles.list()).toEqual([]);
});

it('answers an admin’s `roller` with a people-picker card that grants a role, and tells others it is for admins', async () => {
  await t.post(messageActivity(per, 'roller', url()));
  expect(texts(t.connector.cardsTo(per.conversationId).at(-1))).toContain(
    'Bara administratörer kan hantera roller.',
  );

  await t.post(channelMention(johan, 'koppla RUG', url(), RUG_CHANNEL));
  await t.post(messageActivity(johan, 'Roller', url()));
  const card = t.connector.cardsTo(johan.conversationId).at(-1)!;
  // The people picker has no static choices (Teams' docs: `"choices": []` with `choices.data`); the
  // Adaptive Cards library's own validator predates Data.Query and says so. Nothing else may fail.
  expect(cardProblems(card)).toEqual(['An Input.ChoiceSet must have at least one choice defined.']);
  const [role, picker] = findAll(card, 'Input.ChoiceSet');
  expect((role!.choices as { value: string }[]).map((c) => c.value)).toEqual([
    'rug_chair',
    'rug_secretary',
    'admin',
  ]);
  expect(picker).toMatchObject({
    id: 'holderId',
    'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/users' },
  });

  // The picker sends the chosen person's Entra object id; the name comes from the channel roster.
  const granted = await t.post(
    cardActionActivity(
      johan,
      'roles.grant',
      { role: 'rug_secretary', holderId: maria.aadObjectId, from: '' },
      url(),
    ),
  );
  const after = texts(granted.body.value);
  expect(after).toContain('Rollen är tilldelad.');
  expect(after).toContain('Sekreterare i RUG: Maria Ek');
  const me = await call(await signIn(maria), 'GET', '/api/me');
  expect((me.body as { roles: string[] }).roles).toEqual(expect.arrayContaining(['rug_secretary']));

  const missing = await t.post(
    cardActionActivity(johan, 'roles.grant', { role: 'admin', holderId: '' }, url()),
  );
  expect(texts(missing.body.value)).toContain('Välj en person.');
  // A hand-made press by a non-admin grants nothing.
  const forged = await t.post(
    cardActionActivity(per, 'roles.grant', { role: 'admin', holderId: per.aadObjectId }, url()),
  );
  expect(texts(forged.body.value)).toContain('Bara administratörer');

  const [end] = findAll(granted.body.value, 'Action.Execute').filter((a) => a.verb === 'roles.end');
  const ended = await t.post(
    cardActionActivity(johan, 'roles.end', end!.data as Record<string, unknown>, url()),
  );
  expect(texts(ended.body.value)).toContain('Rollen är avslutad.');
  expect((await t.app.deps.store.roles.list()).map((a) => [a.holder.name, a.until !== null])).toEqual([
    ['Maria Ek', true],
  ]);
});
