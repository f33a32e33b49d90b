/**
 * The same variants end to end: through the bot's submission card (a real Teams invoke on the real
 * app) and through the tab API (a signed-in request on the real HTTP stack).
 */
import { assignPreparer } from '../../src/app/use-cases/preparation';
import { setStance } from '../../src/app/use-cases/set-stance';
import { submitInitiative } from '../../src/app/use-cases/submit-initiative';
import { cardDataFor, validForm } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/running-app';
import { cardActionActivity, teamsUser } from '../support/teams-activities';
import { startApiServer, type ApiServer } from '../tab/support/api-server';
import { USERS } from '../tab/support/seed';
import { ACCEPTED, REFUSED } from './personnummer-variants';

/** [what, text, refused] */
const ALL = [
  ...REFUSED.map(([w, t]) => [w, t, true] as const),
  ...ACCEPTED.map(([w, t]) => [w, t, false] as const),
];
let n = 0;

describe('the bot’s submission card', () => {
  let t: TestApp;
  const anna = teamsUser('Anna Andersson', 1);
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it.each(ALL)('%s', async (_what, text, refused) => {
    const clientKey = `pnr-bot-${++n}`.padEnd(12, '0');
    const data = cardDataFor(validForm({ title: `Initiativ nummer ${n}`, background: `Bakgrund: ${text}` }), {
      clientKey,
      similarChecked: 'true',
    });
    const res = await t.post(cardActionActivity(anna, 'initiative.submit', data, t.connector.url));
    expect(res.status).toBe(200);
    const mine = await t.app.deps.store.initiatives.list(
      { by: 'initiator', value: anna.aadObjectId },
      { cursor: null, limit: 200 },
    );
    const stored = mine.items.find((i) => i.clientKey === clientKey);
    if (refused) {
      expect(JSON.stringify(res.body)).toContain('personnummer');
      expect(stored).toBeUndefined();
    } else {
      expect(stored?.status).toBe('submitted');
    }
  });
});

describe('the tab API', () => {
  let api: ApiServer;
  beforeAll(async () => {
    api = await startApiServer();
  });
  afterAll(() => api.close());

  it.each(ALL)('%s in a question for completion', async (_what, text, refused) => {
    const { initiative } = await submitInitiative(api.deps, USERS.anna, {
      form: validForm({ title: `Fråga ${++n}` }),
      clientKey: `pnr-api-${n}`.padEnd(12, '0'),
    });
    await setStance(api.deps, USERS.per, initiative.id, 'approve');
    await assignPreparer(api.deps, USERS.sara, initiative.id);
    const res = await fetch(`${api.url}/api/initiatives/${initiative.ref}/return`, {
      method: 'POST',
      headers: { authorization: `Bearer ${api.token(USERS.sara)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ question: `Gäller det ${text}?` }),
    });
    const after = await api.deps.store.initiatives.get(initiative.id);
    if (refused) {
      expect(res.status).toBe(422);
      expect(await res.json()).toMatchObject({ issues: [{ code: 'FIELD.PERSONAL_IDENTITY_NUMBER' }] });
      expect(after?.completionRequest).toBeNull();
    } else {
      expect(res.status).toBe(200);
      expect(after?.status).toBe('awaiting_completion');
    }
  });
});
