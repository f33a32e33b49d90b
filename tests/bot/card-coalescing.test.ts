/** Card updates coalesce: at most one per posted card per second, always ending on the latest. */
import type { ChatGateway } from '../../src/app/ports/chat-gateway.port';
import type { ConversationReference } from '../../src/app/ports/conversation-store.port';
import { CoalescingGateway } from '../../src/bot/card-update-coalescer';

const ref: ConversationReference = {
  key: 'channel:rug',
  conversationId: '19:rug@thread.tacv2',
  serviceUrl: 'http://localhost',
  tenantId: 't',
  conversationType: 'channel',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

function recorder(fail = false) {
  const updates: { at: number; activityId: string; card: object }[] = [];
  const inner: ChatGateway = {
    sendCard: async () => ({ activityId: 'new' }),
    updateCard: async (_r, activityId, card) => {
      // When the update went out: the interval is between sends, whatever each round trip takes.
      const at = Date.now();
      await new Promise((r) => setTimeout(r, 20)); // a Teams round trip
      if (fail) throw new Error('Teams said no');
      updates.push({ at, activityId, card });
    },
  };
  return { inner, updates };
}

it('sends 50 updates of one card at once as two, the last showing the final state, within 2 s', async () => {
  const { inner, updates } = recorder();
  const gateway = new CoalescingGateway(inner, 1000);
  const start = Date.now();
  await Promise.all(
    Array.from({ length: 50 }, (_, n) => gateway.updateCard(ref, 'card-1', { tally: n + 1 })),
  );
  expect(Date.now() - start).toBeLessThan(2000);
  expect(updates.map((u) => u.card)).toEqual([{ tally: 1 }, { tally: 50 }]);
  expect(updates[1]!.at - updates[0]!.at).toBeGreaterThanOrEqual(980);
});

it('keeps a second apart between updates of one card, but not between different cards', async () => {
  const { inner, updates } = recorder();
  const gateway = new CoalescingGateway(inner, 300);
  await gateway.updateCard(ref, 'a', { v: 1 });
  await Promise.all([gateway.updateCard(ref, 'a', { v: 2 }), gateway.updateCard(ref, 'b', { v: 1 })]);
  const a = updates.filter((u) => u.activityId === 'a');
  expect(a.map((u) => u.card)).toEqual([{ v: 1 }, { v: 2 }]);
  expect(a[1]!.at - a[0]!.at).toBeGreaterThanOrEqual(280);
  expect(updates.find((u) => u.activityId === 'b')!.at).toBeLessThan(a[1]!.at);
});

it('tells every caller folded into a send that it failed, so their notifications are retried', async () => {
  const { inner } = recorder(true);
  const gateway = new CoalescingGateway(inner, 200);
  const results = await Promise.allSettled([1, 2, 3].map((v) => gateway.updateCard(ref, 'c', { v })));
  expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
});
