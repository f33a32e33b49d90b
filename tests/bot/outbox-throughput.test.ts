/**
 * The outbox keeps up: a burst of review cards drains in parallel lanes, a card refresh repeated in
 * a batch is sent once, and a Teams 429 pauses delivery until Retry-After — every entry still sent
 * exactly once.
 */
import type { ChatGateway } from '../../src/app/ports/chat-gateway.port';
import type { Notification } from '../../src/app/ports/outbox.port';
import type { BotContext } from '../../src/bot/bot-context';
import { deliverDue } from '../../src/bot/notification-dispatcher';
import { type TestDeps, testDeps } from '../support/app-deps';
import { newInitiative } from '../support/fixtures';

function gateway(opts: { delayMs?: number; throttleOnce?: boolean } = {}) {
  let active = 0;
  let throttled = !opts.throttleOnce;
  const seen = { sends: 0, updates: 0, maxActive: 0 };
  const g: ChatGateway = {
    async sendCard() {
      active++;
      seen.maxActive = Math.max(seen.maxActive, active);
      await new Promise((r) => setTimeout(r, opts.delayMs ?? 5));
      active--;
      if (!throttled) {
        throttled = true;
        throw Object.assign(new Error('Too Many Requests'), {
          response: { status: 429, headers: { 'retry-after': '3' } },
        });
      }
      seen.sends++;
      return { activityId: `a-${seen.sends}` };
    },
    async updateCard() {
      seen.updates++;
    },
  };
  return { g, seen };
}

let deps: TestDeps;
let bc: BotContext;
beforeEach(async () => {
  deps = testDeps();
  bc = { deps, linkFor: (ref) => `https://tab/${ref}`, allowedTenants: [] };
  await deps.store.conversations.save({
    key: 'channel:rug',
    conversationId: '19:rug@thread.tacv2',
    serviceUrl: 'http://localhost',
    tenantId: 't',
    conversationType: 'channel',
    updatedAt: deps.clock.now().toISOString(),
  });
});
afterEach(() => deps.store.close());

const notification = (kind: Notification['kind'], initiativeId: string, n: number): Notification => ({
  id: `${kind}:${initiativeId}:${n}`,
  kind,
  initiativeId,
  recipient: { type: 'channel', key: 'rug' },
  data: {},
  createdAt: deps.clock.now().toISOString(),
});

async function drain(g: ChatGateway): Promise<number> {
  let sent = 0;
  for (let round = 0; round < 100; round++) {
    const r = await deliverDue(bc, g);
    sent += r.sent;
    if (r.sent + r.failed === 0) break;
  }
  return sent;
}

it('posts every review card of a 1,000-submission burst well within a minute, several at a time', async () => {
  for (let n = 0; n < 1000; n++) {
    const { initiative } = await deps.store.initiatives.create(
      newInitiative({ status: 'submitted', ref: `OH-2026-${n + 1}` }),
    );
    await deps.store.outbox.enqueue(notification('review_requested', initiative.id, 0));
  }
  const { g, seen } = gateway({ delayMs: 5 });
  const start = Date.now();
  expect(await drain(g)).toBe(1000);
  expect(Date.now() - start).toBeLessThan(60_000);
  expect(seen.sends).toBe(1000);
  expect(seen.maxActive).toBeGreaterThan(1);
  expect(await deps.store.outbox.due(deps.clock.now(), 10)).toEqual([]);
}, 90_000);

it('sends one card refresh for fifty votes queued in one batch, and marks all fifty sent', async () => {
  const { initiative } = await deps.store.initiatives.create(
    newInitiative({ status: 'submitted', ref: 'OH-2026-0001' }),
  );
  await deps.store.initiatives.update({
    ...initiative,
    channelCards: { review: { conversationId: '19:rug@thread.tacv2', activityId: 'posted-1' } },
  });
  for (let n = 0; n < 50; n++)
    await deps.store.outbox.enqueue(notification('refresh_cards', initiative.id, n));
  const { g, seen } = gateway();
  expect(await deliverDue(bc, g)).toEqual({ sent: 50, failed: 0 });
  expect(seen.updates).toBe(1);
});

it('stops at a 429 and retries that entry when Retry-After says, sending it once', async () => {
  for (let n = 0; n < 3; n++) {
    const { initiative } = await deps.store.initiatives.create(
      newInitiative({ status: 'submitted', ref: `OH-2026-${n + 1}` }),
    );
    await deps.store.outbox.enqueue(notification('review_requested', initiative.id, 0));
  }
  const { g, seen } = gateway({ throttleOnce: true, delayMs: 1 });
  const first = await deliverDue(bc, g);
  expect(first.failed).toBe(1);
  const [waiting] = (await deps.store.outbox.due(new Date(deps.clock.now().getTime() + 3000), 10)).filter(
    (e) => e.lastError,
  );
  expect(waiting?.nextAttemptAt).toBe(new Date(deps.clock.now().getTime() + 3000).toISOString());
  deps.clock.advance(3000);
  await drain(g);
  expect(seen.sends).toBe(3);
});
