/**
 * Drafts stay private however they are reached: a hand-written channel card action naming a draft's
 * id gets a refusal without the draft on it, and a draft its initiator withdrew stays private.
 */
import { saveDraft, withdrawInitiative } from '../../src/app/use-cases/submit-initiative';
import { visibleTo } from '../../src/api/queries/visible';
import { startTestApp, type TestApp } from '../support/running-app';
import { RUG_CHANNEL, channelCardAction, teamsUser } from '../support/teams-activities';
import { validForm } from '../support/fixtures';

const anna = teamsUser('Anna Andersson', 1);
const olle = teamsUser('Olle Utomstående', 9);
const annaPerson = { objectId: anna.aadObjectId, tenantId: 't', name: anna.name };
const ollePerson = { objectId: olle.aadObjectId, tenantId: 't', name: olle.name };

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp({});
});
afterEach(() => t.close());

const texts = (card: unknown) => JSON.stringify(card);

it('answers a hand-written card action on a draft with the refusal only, not the draft', async () => {
  const { initiative } = await saveDraft(t.app.deps, annaPerson, {
    form: validForm({ title: 'Hemligt utkast om nattpatruller' }),
    clientKey: 'draft-hidden-1',
  });
  const res = await t.post(
    channelCardAction(
      olle,
      'rug.approve',
      { initiativeId: initiative.id },
      t.connector.url,
      '1700000001',
      RUG_CHANNEL,
    ),
  );
  expect(res.status).toBe(200);
  expect(texts(res.body)).not.toContain('Hemligt utkast');
  expect(texts(res.body)).not.toContain(anna.name);
});

it('keeps a withdrawn draft private to its initiator', async () => {
  const { initiative } = await saveDraft(t.app.deps, annaPerson, {
    form: validForm({ title: 'Aldrig skickat' }),
    clientKey: 'draft-hidden-2',
  });
  const withdrawn = await withdrawInitiative(t.app.deps, annaPerson, initiative.id);
  expect(withdrawn.status).toBe('withdrawn');
  expect(visibleTo(ollePerson, withdrawn)).toBe(false);
  expect(visibleTo(annaPerson, withdrawn)).toBe(true);
});
