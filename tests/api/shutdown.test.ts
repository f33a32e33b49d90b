import { submitInitiative } from '../../src/app/use-cases/submit-initiative';
import { installActivity, teamsUser, TENANT } from '../support/teams-activities';
import { startTestApp } from '../support/running-app';
import { validForm } from '../support/fixtures';

describe('graceful shutdown', () => {
  it('stops taking requests, then flushes the outbox before closing the store', async () => {
    const t = await startTestApp({ OUTBOX_INTERVAL_MS: '3600000' });
    const anna = teamsUser('Anna Andersson', 1);
    await t.post(installActivity(anna, t.connector.url));
    // A notification for Anna is waiting in the outbox (the timer would only run in an hour).
    const person = { objectId: anna.aadObjectId, tenantId: TENANT, name: anna.name };
    const { initiative } = await submitInitiative(t.app.deps, person, {
      form: validForm(),
      clientKey: 'shutdown-01',
    });
    await t.app.deps.store.outbox.enqueue({
      id: 'n-shutdown',
      kind: 'endorsed',
      initiativeId: initiative.id,
      recipient: { type: 'user', objectId: anna.aadObjectId },
      data: { memberName: 'Karin Lund' },
      createdAt: new Date().toISOString(),
    });
    const url = t.app.url;
    await t.app.stop();
    expect(
      t.connector.cardsTo(anna.conversationId).some((c) => JSON.stringify(c).includes('Karin Lund')),
    ).toBe(true);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    await t.close();
  });
});
