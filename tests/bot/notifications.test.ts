import { setStance } from '../../src/app/use-cases/set-stance';
import { submitInitiative } from '../../src/app/use-cases/submit-initiative';
import type { ChatGateway } from '../../src/app/ports/chat-gateway.port';
import type { ConversationReference } from '../../src/app/ports/conversation-store.port';
import { MAX_ATTEMPTS, deliverDue, retryDelay } from '../../src/bot/notification-dispatcher';
import { installActivity, teamsUser, TENANT } from '../support/teams-activities';
import { startTestApp } from '../support/running-app';
import { FakeDirectory, person, testDeps } from '../support/app-deps';
import { findAll } from '../support/card-check';
import { validForm } from '../support/fixtures';

const texts = (card: unknown) =>
  findAll(card, 'TextBlock')
    .map((t) => String(t.text))
    .join('\n');

describe('notifications to the initiator through the outbox (real app, fake connector)', () => {
  it('delivers “approved by RUG member X” to the initiator’s personal chat, in their language', async () => {
    const t = await startTestApp();
    try {
      const annaTeams = teamsUser('Anna Andersson', 1);
      await t.post(installActivity(annaTeams, t.connector.url, 'en-GB'));
      const anna = { objectId: annaTeams.aadObjectId, tenantId: TENANT, name: annaTeams.name };
      const member = person('Karin RUG');
      const directory = new FakeDirectory();
      directory.roles.set(member.objectId, ['rug_member']);
      const deps = { ...t.app.deps, directory };
      const { initiative } = await submitInitiative(deps, anna, {
        form: validForm(),
        clientKey: 'notify-0001',
      });
      await setStance(deps, member, initiative.id, 'approve');
      const result = await t.app.flushOutbox();
      // The review and preparation cards wait for channels (none registered yet); the endorsement is
      // delivered, and the card refresh has no posted cards to update.
      expect(result).toEqual({ sent: 2, failed: 2 });
      const cards = t.connector.cardsTo(annaTeams.conversationId);
      expect(cards).toHaveLength(1);
      expect(texts(cards[0])).toContain('Karin RUG of RUG has approved your initiative');
      expect(texts(cards[0])).toContain(initiative.ref!);
    } finally {
      await t.close();
    }
  });

  it('never blocks the user’s action when Teams is down, and keeps the message for later', async () => {
    const t = await startTestApp();
    try {
      const annaTeams = teamsUser('Anna Andersson', 1);
      await t.post(installActivity(annaTeams, t.connector.url));
      t.connector.failWith = 502;
      const anna = { objectId: annaTeams.aadObjectId, tenantId: TENANT, name: annaTeams.name };
      const member = person('Karin RUG');
      const directory = new FakeDirectory();
      directory.roles.set(member.objectId, ['rug_member']);
      const deps = { ...t.app.deps, directory };
      const { initiative } = await submitInitiative(deps, anna, {
        form: validForm(),
        clientKey: 'notify-0002',
      });
      const stance = await setStance(deps, member, initiative.id, 'approve');
      expect(stance.initiative.status).toBe('in_preparation');
      await t.app.flushOutbox();
      expect(t.connector.calls.filter((c) => c.method === 'POST').length).toBeGreaterThan(0);
      const pending = await t.app.deps.store.outbox.due(new Date(Date.now() + 3600_000), 10);
      expect(pending.map((p) => p.notification.kind).sort()).toEqual([
        'endorsed',
        'preparation_started',
        'review_requested',
      ]);
    } finally {
      await t.close();
    }
  });
});

describe('outbox dispatcher retries', () => {
  class FlakyGateway implements ChatGateway {
    sent: { ref: ConversationReference; card: object }[] = [];
    failures = 0;
    async sendCard(ref: ConversationReference, card: object) {
      if (this.failures > 0) {
        this.failures--;
        throw new Error('connector 503');
      }
      this.sent.push({ ref, card });
      return { activityId: `a${this.sent.length}` };
    }
    async updateCard() {}
  }

  it('retries a failed send with growing delays until it is delivered, exactly once', async () => {
    const deps = testDeps();
    const anna = person('Anna Andersson');
    await deps.store.conversations.save({
      key: `user:${anna.objectId}`,
      conversationId: 'a:1',
      serviceUrl: 'http://127.0.0.1:1/',
      tenantId: anna.tenantId,
      conversationType: 'personal',
      updatedAt: deps.clock.now().toISOString(),
    });
    const member = person('Karin RUG');
    deps.directory.roles.set(member.objectId, ['rug_member']);
    const { initiative } = await submitInitiative(deps, anna, { form: validForm(), clientKey: 'retry-0001' });
    await setStance(deps, member, initiative.id, 'approve');
    const gateway = new FlakyGateway();
    gateway.failures = 2;
    const bc = { deps, linkFor: (r: string) => `https://x/${r}`, allowedTenants: [anna.tenantId] };

    const toAnna = () => gateway.sent.filter((x) => x.ref.key === `user:${anna.objectId}`).length;
    const userOnly = async () => {
      const before = toAnna();
      await deliverDue(bc, gateway);
      return toAnna() - before;
    };
    expect(await userOnly()).toBe(0); // first attempt fails
    deps.clock.advance(retryDelay(1) - 1000);
    expect(await userOnly()).toBe(0); // not yet due
    deps.clock.advance(2000);
    expect(await userOnly()).toBe(0); // second attempt fails
    deps.clock.advance(retryDelay(2) + 1000);
    expect(await userOnly()).toBe(1); // third attempt delivers
    deps.clock.advance(24 * 3600_000);
    await deliverDue(bc, gateway);
    expect(gateway.sent.filter((s) => s.ref.key === `user:${anna.objectId}`)).toHaveLength(1);
    expect(retryDelay(1)).toBe(30_000);
    expect(retryDelay(30)).toBe(3600_000);
    await deps.store.close();
  });

  it('parks a notification that keeps failing (kept in the store, logged as an error), instead of retrying forever', async () => {
    const deps = testDeps();
    const anna = person('Anna Andersson');
    // Anna never opened the chat: there is no conversation to send to.
    await deps.store.outbox.enqueue({
      id: 'n-park',
      kind: 'decided',
      initiativeId: 'x',
      recipient: { type: 'user', objectId: anna.objectId },
      data: {},
      createdAt: deps.clock.now().toISOString(),
    });
    const errors: string[] = [];
    const log = { ...deps.log, error: (msg: string) => errors.push(msg) };
    const bc = { deps: { ...deps, log }, linkFor: (r: string) => r, allowedTenants: [] };
    const gateway = new FlakyGateway();
    for (let n = 0; n < MAX_ATTEMPTS + 5; n++) {
      await deliverDue(bc, gateway);
      deps.clock.advance(2 * 3600_000);
    }
    expect(errors).toEqual(['notification parked after repeated failures']);
    expect(await deps.store.outbox.due(new Date('9000-01-01'), 10)).toEqual([]);
    const parked = await deps.store.outbox.due(new Date('9999-12-31T00:00:00.000Z'), 10);
    expect(parked).toMatchObject([
      { attempts: MAX_ATTEMPTS, sentAt: null, lastError: 'the person has no chat with the app yet' },
    ]);
    await deps.store.close();
  });
});
