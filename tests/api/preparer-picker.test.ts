/**
 * The tab's preparer picker, seen from the API: whoever may assign a preparer is offered exactly the
 * people who may prepare the initiative (the preparation group, the chair and the secretary; never its
 * initiator), and the server checks the chosen person again, takes their name from the directory,
 * audits the assignment once and refuses everyone else.
 */
import type { InitiativeDetail, PreparerCandidates, TimelineEvent } from '../../src/contracts/tab-api';
import type { Initiative, Person } from '../../src/domain/initiative/initiative.types';
import type { Status } from '../../src/domain/initiative/status';
import { formatReference } from '../../src/domain/initiative/reference';
import { newInitiative } from '../support/fixtures';
import { startApiServer, type ApiServer } from '../tab/support/api-server';
import { USERS } from '../tab/support/seed';

let api: ApiServer;
/** A second member of the preparation group, who also initiated some of the seeded initiatives. */
const LENA: Person = {
  objectId: 'b2b2b2b2-0000-4000-8000-000000000001',
  tenantId: USERS.anna.tenantId,
  name: 'Lena Persson',
};
const STRANGER = 'c3c3c3c3-0000-4000-8000-000000000009';

beforeAll(async () => {
  api = await startApiServer();
  api.deps.directory.roles.set(LENA.objectId, ['beredning']);
  for (const u of [...Object.values(USERS), LENA]) api.deps.directory.names.set(u.objectId, u.name);
});
afterAll(() => api.close());

const post = async (path: string, body: unknown, who: Person = USERS.sara) => {
  const res = await fetch(`${api.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${api.token(who)}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    body: (await res.json()) as Record<string, unknown> & Partial<InitiativeDetail>,
  };
};

let n = 0;
/** A sent initiative of its own for each test (a year the seed does not use, so refs never clash). */
async function fresh(
  opts: { initiator?: Person; preparer?: Person; status?: Status } = {},
): Promise<Initiative & { ref: string }> {
  const { initiative } = await api.deps.store.initiatives.create(
    newInitiative({
      ref: formatReference(2031, ++n),
      status: opts.status ?? 'in_preparation',
      initiator: opts.initiator ?? USERS.anna,
      preparer: opts.preparer ?? null,
      submittedAt: '2031-02-01T09:00:00.000Z',
    }),
  );
  return initiative as Initiative & { ref: string };
}
const names = (c: PreparerCandidates) => c.items.map((x) => x.name);
const assignments = async (id: string) =>
  (await api.deps.store.audit.list(id)).items.filter((e) => e.kind === 'preparer_assigned');

describe('GET /api/initiatives/{ref}/preparer-candidates', () => {
  it('offers the preparation group, the chair and the secretary, by name, to whoever may assign', async () => {
    const i = await fresh();
    const res = await api.get(`/api/initiatives/${i.ref}/preparer-candidates`, USERS.sara);
    expect(res.status).toBe(200);
    const body = res.body as PreparerCandidates;
    // RUG members who are not in the preparation group (Per, Maria) are not offered.
    expect(names(body)).toEqual(['Johan Berg', 'Karin Lund', 'Lena Persson', 'Sara Holm']);
    expect(body.items.find((c) => c.isYou)?.name).toBe('Sara Holm');
    const asChair = (await api.get(`/api/initiatives/${i.ref}/preparer-candidates`, USERS.karin))
      .body as PreparerCandidates;
    expect(names(asChair)).toEqual(names(body));
  });

  it('never offers the initiator, even when they are in the preparation group', async () => {
    const own = await fresh({ initiator: LENA });
    const body = (await api.get(`/api/initiatives/${own.ref}/preparer-candidates`, USERS.sara))
      .body as PreparerCandidates;
    expect(names(body)).not.toContain('Lena Persson');
    expect(names(body)).toContain('Sara Holm');
  });

  it('refuses a RUG member outside the preparation group with 403', async () => {
    const i = await fresh();
    const res = await api.get(`/api/initiatives/${i.ref}/preparer-candidates`, USERS.per);
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({ code: 'PREPARATION.NOT_ALLOWED' });
  });
});

describe('POST /api/initiatives/{ref}/preparer with a chosen person', () => {
  it('assigns the chosen member with the directory’s name, audits it once, and a replay changes nothing', async () => {
    const i = await fresh();
    // A name sent by the client is ignored: the directory names the preparer.
    const body = { preparerId: LENA.objectId, name: 'Någon annan' };
    const first = await post(`/api/initiatives/${i.ref}/preparer`, body);
    expect(first.status).toBe(200);
    expect(first.body.initiative!.preparer).toEqual({ name: 'Lena Persson', isYou: false });
    const stored = await api.deps.store.initiatives.get(i.id);
    expect(stored!.preparer).toMatchObject({ objectId: LENA.objectId, name: 'Lena Persson' });
    const again = await post(`/api/initiatives/${i.ref}/preparer`, body);
    expect(again.status).toBe(200);
    expect(again.body.initiative!.preparer!.name).toBe('Lena Persson');
    const events = await assignments(i.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actor: { objectId: USERS.sara.objectId, name: 'Sara Holm' },
      before: { preparer: null },
      after: { preparer: 'Lena Persson' },
    });
    const timeline = (await api.get(`/api/initiatives/${i.ref}/events`, USERS.per)).body as {
      items: TimelineEvent[];
    };
    expect(timeline.items.filter((e) => e.kind === 'preparer_assigned').map((e) => e.actorName)).toEqual([
      'Sara Holm',
    ]);
    // The new preparer now sees themselves as such and may propose.
    const asLena = (await api.get(`/api/initiatives/${i.ref}`, LENA)).body as InitiativeDetail;
    expect(asLena.initiative.preparer).toEqual({ name: 'Lena Persson', isYou: true });
    expect(asLena.allowedActions).toContain('propose');
  });

  it('lets the chair hand a preparation over to another member', async () => {
    const i = await fresh({ preparer: USERS.sara });
    const res = await post(
      `/api/initiatives/${i.ref}/preparer`,
      { preparerId: USERS.johan.objectId },
      USERS.karin,
    );
    expect(res.status).toBe(200);
    expect(res.body.initiative!.preparer!.name).toBe('Johan Berg');
    expect((await assignments(i.id)).at(-1)).toMatchObject({
      actor: { name: 'Karin Lund' },
      before: { preparer: 'Sara Holm' },
      after: { preparer: 'Johan Berg' },
    });
  });

  it('refuses someone outside the preparation group, a stranger and a malformed id with 422 at the picker', async () => {
    const i = await fresh();
    for (const preparerId of [USERS.per.objectId, STRANGER]) {
      const res = await post(`/api/initiatives/${i.ref}/preparer`, { preparerId });
      expect(res.status).toBe(422);
      expect(res.type).toContain('application/problem+json');
      expect(res.body.issues).toEqual([
        {
          field: 'preparerId',
          code: 'PREPARATION.NOT_PREPARER',
          message: {
            sv: 'Beredaren måste ingå i beredningsgruppen (eller vara RUG:s ordförande/sekreterare).',
            en: 'The preparer must belong to the preparation group (or be the RUG chair/secretary).',
          },
        },
      ]);
    }
    const bad = await post(`/api/initiatives/${i.ref}/preparer`, { preparerId: 'Per Nilsson' });
    expect(bad.status).toBe(422);
    expect(bad.body.issues).toEqual([
      expect.objectContaining({ field: 'preparerId', code: 'PREPARATION.PERSON_REQUIRED' }),
    ]);
    expect((await api.deps.store.initiatives.get(i.id))!.preparer).toBeNull();
    expect(await assignments(i.id)).toHaveLength(0);
  });

  it('refuses the initiator as preparer of their own initiative, with the reason', async () => {
    const own = await fresh({ initiator: LENA });
    const res = await post(`/api/initiatives/${own.ref}/preparer`, { preparerId: LENA.objectId });
    expect(res.status).toBe(422);
    expect(res.body.issues).toEqual([
      expect.objectContaining({
        field: 'preparerId',
        code: 'PREPARATION.OWN_INITIATIVE',
        message: expect.objectContaining({ sv: 'Initiativtagaren kan inte bereda sitt eget initiativ.' }),
      }),
    ]);
    expect((await api.deps.store.initiatives.get(own.id))!.preparer).toBeNull();
  });

  it('refuses a caller outside the preparation group with 403, before looking at whom they chose', async () => {
    const i = await fresh();
    for (const preparerId of [LENA.objectId, STRANGER]) {
      const res = await post(`/api/initiatives/${i.ref}/preparer`, { preparerId }, USERS.per);
      expect(res.status).toBe(403);
      expect(res.type).toContain('application/problem+json');
      expect(res.body).toMatchObject({ code: 'PREPARATION.NOT_ALLOWED' });
      expect(res.body).not.toHaveProperty('stack');
    }
    // The initiator may not hand their own initiative to a preparer either.
    const byAnna = await post(
      `/api/initiatives/${i.ref}/preparer`,
      { preparerId: LENA.objectId },
      USERS.anna,
    );
    expect(byAnna.status).toBe(403);
    expect((await api.deps.store.initiatives.get(i.id))!.preparer).toBeNull();
  });

  it('refuses a decided initiative with 409, whoever is chosen', async () => {
    const decided = await fresh({ status: 'approved' });
    const res = await post(`/api/initiatives/${decided.ref}/preparer`, { preparerId: LENA.objectId });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'PREPARATION.CLOSED' });
  });

  it('still lets a member take the preparation themselves, with no one chosen or choosing themselves', async () => {
    const a = await fresh();
    const took = await post(`/api/initiatives/${a.ref}/preparer`, {}, LENA);
    expect(took.body.initiative!.preparer).toEqual({ name: 'Lena Persson', isYou: true });
    const b = await fresh();
    const self = await post(`/api/initiatives/${b.ref}/preparer`, { preparerId: USERS.sara.objectId });
    expect(self.body.initiative!.preparer).toEqual({ name: 'Sara Holm', isYou: true });
  });
});
