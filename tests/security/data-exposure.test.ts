/**
 * What one person can learn about another: a copied or hand-written card key or initiative id
 * reveals nothing of the other person's draft, and the tab API hands a reader names, not other
 * people's object ids, tenant ids or e-mail addresses. A genuine token of an organisation that is
 * not allowed gets a page saying so (403 with a message), not a 401 that sends it back to sign-in.
 */
import { saveDraft, submitInitiative } from '../../src/app/use-cases/submit-initiative';
import { ConflictError } from '../../src/app/ports/store.errors';
import { testDeps, person } from '../support/app-deps';
import { FakeBotFramework } from '../support/fake-bot-framework';
import { cardDataFor, validForm } from '../support/fixtures';
import { startTestApp } from '../support/running-app';
import { cardActionActivity, teamsUser } from '../support/teams-activities';
import { startApiServer } from '../tab/support/api-server';
import { USERS } from '../tab/support/seed';

const SECRET_TITLE = 'Hemlig plan för Varbergs hemsjukvård';
const SECRET_TEXT = 'Utkast som bara Anna ska se';

describe('someone else’s card key or initiative id', () => {
  it('saving a draft or sending with another person’s card key returns nothing of theirs', async () => {
    const deps = testDeps();
    const anna = person('Anna Andersson');
    const mallory = person('Mallory Malm');
    await saveDraft(deps, anna, {
      form: validForm({ title: SECRET_TITLE, background: SECRET_TEXT }),
      clientKey: 'anna-card-key-0001',
    });
    for (const act of [saveDraft, submitInitiative]) {
      const attempt = act(deps, mallory, {
        form: validForm({ title: 'Mitt' }),
        clientKey: 'anna-card-key-0001',
      });
      await expect(attempt).rejects.toBeInstanceOf(ConflictError);
      await expect(attempt).rejects.not.toThrow(new RegExp(SECRET_TITLE));
    }
    const annas = await deps.store.initiatives.list(
      { by: 'initiator', value: anna.objectId },
      { cursor: null, limit: 10 },
    );
    expect(annas.items).toHaveLength(1);
    expect(annas.items[0]!.form.title).toBe(SECRET_TITLE);
    await deps.store.close();
  });

  it('through the bot: a replayed draft card with Anna’s key or id shows Mallory nothing of Anna’s', async () => {
    const t = await startTestApp();
    try {
      const anna = teamsUser('Anna Andersson', 1);
      const mallory = teamsUser('Mallory Malm', 9);
      const data = cardDataFor(validForm({ title: SECRET_TITLE, background: SECRET_TEXT }), {
        clientKey: 'anna-card-key-0002',
      });
      expect(
        (await t.post(cardActionActivity(anna, 'initiative.saveDraft', data, t.connector.url))).status,
      ).toBe(200);
      const [draft] = (
        await t.app.deps.store.initiatives.list(
          { by: 'initiator', value: anna.aadObjectId },
          { cursor: null, limit: 5 },
        )
      ).items;
      for (const extra of [
        { clientKey: 'anna-card-key-0002' },
        { initiativeId: draft!.id, clientKey: 'other-key-0001' },
      ]) {
        const res = await t.post(
          cardActionActivity(
            mallory,
            'initiative.saveDraft',
            cardDataFor(validForm({ title: 'Mitt' }), extra),
            t.connector.url,
          ),
        );
        expect(res.status).toBe(200);
        expect(JSON.stringify(res.body)).not.toContain(SECRET_TITLE);
        expect(JSON.stringify(res.body)).not.toContain(SECRET_TEXT);
      }
      expect((await t.app.deps.store.initiatives.get(draft!.id))!.form.title).toBe(SECRET_TITLE);
    } finally {
      await t.close();
    }
  });
});

describe('the tab API shows people by name', () => {
  it('a reader gets names, never other people’s object ids, tenant ids or e-mail addresses', async () => {
    const api = await startApiServer();
    try {
      const { initiative } = await submitInitiative(api.deps, USERS.anna, {
        form: validForm({ title: 'Trygg hemgång', contactEmail: 'hemgang@varberg.se' }),
        clientKey: 'exposure-0001',
      });
      const detail = await api.get(`/api/initiatives/${initiative.ref}`, USERS.per);
      expect(detail.status).toBe(200);
      const json = JSON.stringify(detail.body);
      expect(json).toContain('Anna Andersson');
      expect(json).toContain('hemgang@varberg.se'); // the contact address Anna chose to show
      expect(json).not.toContain(USERS.anna.objectId);
      expect(json).not.toContain(USERS.anna.tenantId);
      expect(json).not.toContain(USERS.anna.email!);
      const list = await api.get('/api/initiatives', USERS.per);
      expect(JSON.stringify(list.body)).not.toContain(USERS.anna.objectId);
      const events = await api.get(`/api/initiatives/${initiative.ref}/events`, USERS.per);
      expect(JSON.stringify(events.body)).not.toContain(USERS.anna.objectId);
      // Anna's own view says it is hers without an id.
      const own = (await api.get(`/api/initiatives/${initiative.ref}`, USERS.anna)).body as {
        initiative: { initiator: { isYou: boolean } };
      };
      expect(own.initiative.initiator).toEqual({ name: 'Anna Andersson', isYou: true });
    } finally {
      await api.close();
    }
  });
});

describe('an organisation without access', () => {
  it('gets 403 with a message to show, not a 401 that sends the tab back to sign-in', async () => {
    const api = await startApiServer();
    try {
      const other = '99999999-9999-4999-8999-999999999999';
      const issuer = api.tab.localIssuer!.issuerTemplate().replace('{tenantid}', other);
      const res = await fetch(`${api.url}/api/me`, {
        headers: { authorization: `Bearer ${api.token(USERS.anna, { tid: other, iss: issuer })}` },
      });
      expect(res.status).toBe(403);
      const body = (await res.json()) as { code: string; userMessage: { sv: string; en: string } };
      expect(body.code).toBe('AUTH.TENANT_NOT_ALLOWED');
      expect(body.userMessage.sv).toMatch(/^Din organisation har inte tillgång/);
    } finally {
      await api.close();
    }
  });
});

describe('one token is never accepted at the other endpoint', () => {
  it('the tab API refuses a Bot Framework channel token for the same app id', async () => {
    const api = await startApiServer();
    const bf = await new FakeBotFramework().start();
    try {
      const appId = '00000000-0000-0000-0000-00000000a11d'; // local mode's app id, the tab tokens' aud
      const token = bf.token(appId, 'https://smba.trafficmanager.net/emea/', {
        tid: USERS.anna.tenantId,
        oid: USERS.anna.objectId,
        scp: 'access_as_user',
      });
      const res = await fetch(`${api.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(401);
      expect(bf.requests).toEqual([]); // nobody asked the Bot Framework for its keys
    } finally {
      await bf.stop();
      await api.close();
    }
  });
});
