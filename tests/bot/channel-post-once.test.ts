/**
 * A channel card is posted at most once per notification, whatever fails around the send: Teams
 * accepting the post but the answer getting lost, the activity id not being saved, or the outbox
 * bookkeeping failing after a successful send.
 */
import type { ConversationReference } from '../../src/app/ports/conversation-store.port';
import { ConflictError } from '../../src/app/ports/store.errors';
import { submitInitiative } from '../../src/app/use-cases/submit-initiative';
import { setStance } from '../../src/app/use-cases/set-stance';
import { openSqliteStore } from '../../src/adapters/sqlite/sqlite-store';
import type { BotContext } from '../../src/bot/bot-context';
import { deliverDue } from '../../src/bot/notification-dispatcher';
import { freshRun, type Run } from '../faults/fault-runner';
import { PEOPLE } from '../faults/fault-scenarios';
import type { FakeClock } from '../support/app-deps';
import { validForm } from '../support/fixtures';

const RUG: ConversationReference = {
  key: 'channel:rug',
  conversationId: '19:rug@thread.tacv2',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  tenantId: 'tenant',
  conversationType: 'channel',
  updatedAt: '2026-03-01T00:00:00.000Z',
};

/** A Teams stand-in that counts the review cards it was asked to post (they carry the vote buttons). */
class Teams {
  posts = 0;
  updates = 0;
  loseNextAnswer = false;
  async sendCard(_ref: unknown, card: object) {
    if (!JSON.stringify(card).includes('rug.approve')) return { activityId: 'another-card' };
    this.posts += 1;
    if (this.loseNextAnswer) {
      this.loseNextAnswer = false;
      throw new Error('socket hang up'); // Teams took it; the answer never came back
    }
    return { activityId: `activity-${this.posts}` };
  }
  async updateCard() {
    this.updates += 1;
  }
}

let run: Run;
let teams: Teams;
let bc: BotContext;
const pass = async (minutes = 0) => {
  (run.deps.clock as FakeClock).advance(minutes * 60_000);
  return deliverDue(bc, teams);
};

beforeEach(async () => {
  run = await freshRun(async () => openSqliteStore(':memory:'));
  teams = new Teams();
  bc = { deps: run.deps, linkFor: (r) => `https://example.test/${r}`, allowedTenants: ['tenant'] };
  await run.deps.store.conversations.save(RUG);
  await submitInitiative(run.deps, PEOPLE.anna, { form: validForm(), clientKey: 'k-once' });
});

it('does not post again when Teams accepted the card but its answer was lost', async () => {
  teams.loseNextAnswer = true;
  await pass();
  expect(teams.posts).toBe(1);
  // Later passes (after any backoff) and later changes never post the card a second time.
  for (const minutes of [1, 5, 60, 24 * 60]) await pass(minutes);
  const [{ initiative }] = [
    await submitInitiative(run.deps, PEOPLE.anna, { form: validForm(), clientKey: 'k-once' }),
  ];
  await setStance(run.deps, PEOPLE.per, initiative.id, 'approve');
  await pass(1);
  expect(teams.posts).toBe(1);
  // The entry is parked, not retried forever: nothing of it is due any more.
  const due = await run.deps.store.outbox.due(new Date('2100-01-01'), 100);
  expect(due.filter((e) => e.notification.kind === 'review_requested')).toEqual([]);
});

it('does not post again when the posted card’s activity id could not be saved', async () => {
  // The dispatcher's writes: the intent, then the activity id. The second fails.
  run.faulty.arm(2, 'before');
  await pass();
  run.faulty.disarm();
  expect(teams.posts).toBe(1);
  const id = (await run.deps.store.initiatives.list({ by: 'all' })).items[0]!.id;
  await setStance(run.deps, PEOPLE.per, id, 'approve'); // a change that refreshes the cards
  for (const minutes of [1, 60]) await pass(minutes);
  expect(teams.posts).toBe(1);
});

it('counts a send as done when marking it sent fails, and a repeat only updates the card', async () => {
  const outbox = run.deps.store.outbox;
  const markSent = outbox.markSent.bind(outbox);
  let failOnce = true;
  outbox.markSent = async (entry, at) => {
    if (failOnce) {
      failOnce = false;
      throw new ConflictError('another instance recorded it', 'stale');
    }
    return markSent(entry, at);
  };
  await pass();
  expect(teams.posts).toBe(1);
  for (const minutes of [3, 60]) await pass(minutes); // after the lease the entry is due again
  expect(teams.posts).toBe(1);
});
