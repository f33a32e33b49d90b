/**
 * The drift fixes of the one policy, seen from the tab's API: errors are mapped by kind (a missing
 * right is a 403 whatever its code), the follow-up route keeps every field the bot keeps, the tab is
 * offered withdraw wherever the policy allows it, and the conflict-of-interest rules hold.
 */
import type { InitiativeDetail } from '../../src/contracts/tab-api';
import type { Status } from '../../src/domain/initiative/status';
import { setStance } from '../../src/app/use-cases/set-stance';
import { startApiServer, type ApiServer } from '../tab/support/api-server';
import { seed, USERS, type Seeded } from '../tab/support/seed';

let api: ApiServer;
let seeded: Seeded;
beforeAll(async () => {
  api = await startApiServer();
  seeded = await seed(api.deps, { count: 60, history: true });
});
afterAll(() => api.close());

const post = async (path: string, body: unknown, who = USERS.karin) => {
  const res = await fetch(`${api.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${api.token(who)}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
const detail = async (ref: string, who: (typeof USERS)[keyof typeof USERS]) =>
  (await api.get(`/api/initiatives/${ref}`, who)).body as InitiativeDetail;

async function firstWith(
  status: Status,
  pick: (i: { initiator: { objectId: string } }) => boolean = () => true,
) {
  const items = (await api.deps.store.initiatives.list({ by: 'status', value: status }, { limit: 500 }))
    .items;
  return items.find((i) => i.ref && pick(i))!;
}

describe('the policy seen through the tab API', () => {
  it('answers a missing right with 403 and a state that forbids it with 409, by error kind', async () => {
    const i = await firstWith('in_preparation');
    // Per is a RUG member, not in the preparation group: he may neither assign nor be the preparer.
    const refused = await post(`/api/initiatives/${i.ref}/preparer`, {}, USERS.per);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'PREPARATION.NOT_ALLOWED' });
    // The state refusing (a closed initiative) is a 409, for someone whose role would allow it.
    const closed = await firstWith('closed');
    const late = await post(`/api/initiatives/${closed.ref}/preparer`, {}, USERS.sara);
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'PREPARATION.CLOSED' });
  });

  it('keeps "share as a success story" on a follow-up posted from the tab (the route dropped it)', async () => {
    const i = await firstWith('in_implementation');
    const res = await post(`/api/initiatives/${i.ref}/follow-ups`, {
      state: 'on_track',
      whatWasDone: 'Delat i nätverket.',
      effects: '',
      shareAsStory: true,
    });
    expect(res.status).toBe(200);
    const last = (res.body as unknown as InitiativeDetail).initiative.followUps.at(-1)!;
    expect(last).toMatchObject({ whatWasDone: 'Delat i nätverket.', sharedAsStory: true });
  });

  it('refuses a wrongly typed field instead of reading it as empty', async () => {
    const i = await firstWith('in_implementation');
    const res = await post(`/api/initiatives/${i.ref}/follow-ups`, {
      state: 'on_track',
      whatWasDone: ['not', 'text'],
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ issues: [expect.objectContaining({ field: 'whatWasDone' })] });
  });

  it('offers the initiator withdraw in every status before the decision, and withdraws from the tab', async () => {
    for (const status of ['submitted', 'in_preparation', 'proposal_ready'] as const) {
      const i = await firstWith(status);
      const asInitiator = await detail(i.ref!, i.initiator as (typeof USERS)['anna']);
      expect([status, asInitiator.allowedActions]).toEqual([status, expect.arrayContaining(['withdraw'])]);
      const asMember = await detail(
        i.ref!,
        USERS.per.objectId === i.initiator.objectId ? USERS.maria : USERS.per,
      );
      expect(asMember.allowedActions).not.toContain('withdraw');
    }
    const decided = await firstWith('approved');
    expect(
      (await detail(decided.ref!, decided.initiator as (typeof USERS)['anna'])).allowedActions,
    ).not.toContain('withdraw');
    const i = await firstWith('proposal_ready');
    const res = await post(`/api/initiatives/${i.ref}/withdraw`, {}, i.initiator as (typeof USERS)['anna']);
    expect(res.status).toBe(200);
    expect((res.body as unknown as InitiativeDetail).initiative.status).toBe('withdrawn');
    void seeded;
  });

  it('bars a chair who declared jäv from recording the decision; another chair may', async () => {
    const i = await firstWith('proposal_ready', (x) => x.initiator.objectId !== USERS.karin.objectId);
    await setStance(api.deps, USERS.karin, i.id, 'jav');
    expect((await detail(i.ref!, USERS.karin)).allowedActions).not.toContain('decide_approve');
    const input = { outcome: 'bifall', meetingDate: '2026-06-10', rationale: 'Bra.' };
    const refused = await post(`/api/initiatives/${i.ref}/decision`, input, USERS.karin);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      code: 'POLICY.JAV',
      userMessage: { sv: expect.stringContaining('jäv') },
    });
    // The refusal is an official fact: it stands in the initiative's audit trail.
    const refusals = (await api.deps.store.audit.list(i.id)).items.filter(
      (e) => e.kind === 'conflict_of_interest_refused',
    );
    expect(refusals).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ name: USERS.karin.name }),
        after: { activity: 'decide_approve', reason: 'POLICY.JAV' },
      }),
    ]);
    // Changing the stance afterwards does not lift the jäv (it was declared; it stays declared).
    await setStance(api.deps, USERS.karin, i.id, 'decline');
    const still = await post(`/api/initiatives/${i.ref}/decision`, input, USERS.karin);
    expect(still.status).toBe(403);
    expect(still.body).toMatchObject({ code: 'POLICY.JAV' });
    const ok = await post(`/api/initiatives/${i.ref}/decision`, input, USERS.johan);
    expect(ok.status).toBe(200);
  });

  it('refuses a decision made on an outdated page (the proposal changed since) and takes it on the current one', async () => {
    const i = await firstWith('proposal_ready', (x) => x.initiator.objectId !== USERS.johan.objectId);
    const seen = await detail(i.ref!, USERS.johan);
    // Meanwhile the preparation group revises the proposal and proposes something else.
    await post(`/api/initiatives/${i.ref}/return`, { question: 'Hur bemannas det?' }, USERS.sara);
    await api.deps.store.initiatives.update({
      ...(await api.deps.store.initiatives.get(i.id))!,
      status: 'proposal_ready',
      proposal: { ...i.proposal!, recommendation: 'avslag', rationale: 'Ändrat förslag.' },
    });
    const input = { outcome: 'bifall', meetingDate: '2026-06-10', rationale: 'Bra.' };
    const stale = await post(
      `/api/initiatives/${i.ref}/decision`,
      { ...input, shown: seen.shownForDecision },
      USERS.johan,
    );
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'INITIATIVE.CHANGED_SINCE_SHOWN' });
    const now = await detail(i.ref!, USERS.johan);
    const ok = await post(
      `/api/initiatives/${i.ref}/decision`,
      { ...input, shown: now.shownForDecision },
      USERS.johan,
    );
    expect(ok.status).toBe(200);
  });

  it('bars the initiator from preparing their own initiative', async () => {
    const i = await firstWith('in_preparation');
    api.deps.directory.roles.set(i.initiator.objectId, ['beredning']);
    try {
      const res = await post(`/api/initiatives/${i.ref}/preparer`, {}, i.initiator as (typeof USERS)['anna']);
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ code: 'PREPARATION.OWN_INITIATIVE' });
      const kinds = (await api.deps.store.audit.list(i.id)).items.map((e) => e.kind);
      expect(kinds).toContain('conflict_of_interest_refused');
      const proposal = await post(
        `/api/initiatives/${i.ref}/proposal`,
        { recommendation: 'bifall', rationale: 'Mitt eget.' },
        i.initiator as (typeof USERS)['anna'],
      );
      expect(proposal.status).toBe(403);
    } finally {
      api.deps.directory.roles.delete(i.initiator.objectId);
    }
  });
});
