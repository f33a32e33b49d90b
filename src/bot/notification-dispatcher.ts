import type { ChatGateway } from '../app/ports/chat-gateway.port';
import { type Notification, type OutboxEntry, PARKED_UNTIL } from '../app/ports/outbox.port';
import { ConflictError } from '../app/ports/store.errors';
import { listByStatus } from '../app/use-cases/queries';
import { notificationCard } from '../cards/initiative-cards';
import { clip, valueLabels } from '../cards/view-models';
import { channelNotice, reviewCard } from '../cards/rug-cards';
import type { Initiative } from '../domain/initiative/initiative.types';
import type { Locale } from '../domain/shared/label';
import { localeFrom } from '../i18n/locale';
import { fill, strings } from '../i18n/strings';
import type { BotContext } from './bot-context';
import { postOrUpdate, refreshPosted, UncertainPostError } from './channel-cards';
import { type Delivery, OUTBOX_PARALLELISM, lanesOf, runLanes, throttledFor } from './outbox-lanes';
import { deliverMeetingNotification, isMeetingNotification, meetingSuffix } from './meeting-notifications';

const LEASE_MS = 2 * 60_000;
const MAX_BACKOFF_MS = 60 * 60_000;
/** After this many attempts (about a day with the backoff) an entry is parked and logged as an error. */
export const MAX_ATTEMPTS = 30;
/** Where a parked entry's next attempt is set: kept in the store for an operator, never retried. */
const PARKED = new Date(PARKED_UNTIL);

/** Exponential backoff between delivery attempts: 30 s, 1 min, 2 min … capped at an hour. */
export function retryDelay(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, 30_000 * 2 ** Math.max(0, attempts - 1));
}

function userBody(n: Notification, initiative: Initiative, locale: Locale): string {
  const t = strings(locale);
  const decision = initiative.decisions[initiative.decisions.length - 1];
  const outcome = valueLabels(locale).outcome;
  switch (n.kind) {
    case 'endorsed':
      return fill(t.endorsedBody, { member: n.data.memberName ?? '' });
    case 'stance_recorded':
      return fill(t.approvedByBody, { member: n.data.memberName ?? '' });
    case 'returned_for_completion':
      return fill(t.returnedBody, { question: clip(initiative.completionRequest ?? '', 800) });
    case 'decided':
      return (
        fill(t.decidedBody, {
          outcome: decision ? outcome[decision.outcome] : '',
          rationale: clip(decision?.rationale ?? '', 800),
        }) + meetingSuffix(decision, locale)
      );
    case 'withdrawn':
      return t.withdrawnForYouBody;
    default:
      return t.notificationTitle;
  }
}

async function deliverToUser(
  bc: BotContext,
  gateway: ChatGateway,
  n: Notification & { recipient: { type: 'user' } },
) {
  const ref = await bc.deps.store.conversations.get(`user:${n.recipient.objectId}`);
  if (!ref) throw new Error('the person has no chat with the app yet');
  const initiative = await bc.deps.store.initiatives.get(n.initiativeId);
  if (!initiative) return;
  const locale = localeFrom(ref.locale);
  if (n.kind === 'stance_reminder') {
    const stances = await bc.deps.store.stances.listFor(initiative.id);
    if (initiative.status !== 'submitted' || stances.some((s) => s.memberId === n.recipient.objectId)) return;
    const card = reviewCard(locale, bc.deps.catalogue, initiative, stances, bc.linkFor, { reminder: true });
    await gateway.sendCard(ref, card, `${initiative.ref ?? ''} ${strings(locale).reminderHeading}`);
    return;
  }
  const body = userBody(n, initiative, locale);
  const card = notificationCard(locale, bc.deps.catalogue, initiative, body, bc.linkFor);
  await gateway.sendCard(ref, card, `${initiative.ref ?? initiative.form.title}: ${body}`);
}

async function digest(bc: BotContext, gateway: ChatGateway) {
  const ref = await bc.deps.store.conversations.get('channel:rug');
  if (!ref) throw new Error('no RUG channel registered');
  const locale = localeFrom(ref.locale);
  const t = strings(locale);
  const refs = async (status: Initiative['status']) =>
    (await listByStatus(bc.deps, [status])).map((i) => `${i.ref} ${i.form.title}`).join('; ') || t.none;
  const lines = [
    fill(t.digestWaiting, { refs: await refs('submitted') }),
    fill(t.digestPreparing, { refs: await refs('in_preparation') }),
    fill(t.digestDeciding, { refs: await refs('proposal_ready') }),
  ];
  await gateway.sendCard(ref, channelNotice(locale, t.digestHeading, lines), t.digestHeading);
}

async function deliverToChannel(bc: BotContext, gateway: ChatGateway, n: Notification) {
  if (n.kind === 'weekly_digest') return digest(bc, gateway);
  const initiative = await bc.deps.store.initiatives.get(n.initiativeId);
  if (!initiative) return;
  switch (n.kind) {
    case 'review_requested':
      return postOrUpdate(bc, gateway, 'review', initiative, n.id);
    case 'preparation_started':
      return postOrUpdate(bc, gateway, 'preparation', initiative, n.id);
    case 'proposal_ready':
      return postOrUpdate(bc, gateway, 'decision', initiative, n.id);
    case 'success_story': {
      const ref = await bc.deps.store.conversations.get('channel:rug');
      if (!ref) throw new Error('no RUG channel registered');
      const locale = localeFrom(ref.locale);
      const story = initiative.followUps.find((f) => f.id === n.data.followUpId);
      if (!story) return;
      const card = channelNotice(
        locale,
        strings(locale).successStoryHeading,
        [story.whatWasDone, story.effects].filter(Boolean),
        {
          subheading: `${initiative.ref ?? ''} · ${initiative.form.title}`,
          link: initiative.ref ? bc.linkFor(initiative.ref) : '',
        },
      );
      await gateway.sendCard(ref, card, strings(locale).successStoryHeading);
      return;
    }
    default:
      // refresh_cards, withdrawn, completed: the posted cards show the new state.
      return refreshPosted(bc, gateway, initiative);
  }
}

async function deliver(bc: BotContext, gateway: ChatGateway, n: Notification): Promise<void> {
  if (isMeetingNotification(n)) return deliverMeetingNotification(bc, gateway, n);
  if (n.recipient.type === 'user') return deliverToUser(bc, gateway, { ...n, recipient: n.recipient });
  return deliverToChannel(bc, gateway, n);
}

/**
 * Delivers due notifications from the outbox. Each entry is leased first, so several instances
 * never send the same one; a failure is recorded and retried later, never lost. Initiatives are
 * delivered in parallel lanes (outbox-lanes.ts); a card refresh repeated in one batch is sent once.
 */
export async function deliverDue(
  bc: BotContext,
  gateway: ChatGateway,
  limit = 100,
): Promise<{ sent: number; failed: number }> {
  const now = bc.deps.clock.now();
  let sent = 0;
  let failed = 0;
  let pausedUntil = 0;
  const lease = async (entry: OutboxEntry): Promise<OutboxEntry | null> => {
    try {
      // The lease runs from now, not from the start of the batch: a slow batch must not hand
      // another instance entries whose lease has already run out.
      return await bc.deps.store.outbox.claim(entry, new Date(bc.deps.clock.now().getTime() + LEASE_MS));
    } catch (err) {
      if (err instanceof ConflictError) return null; // another instance has it
      throw err;
    }
  };
  const deliverOne = async (delivery: Delivery) => {
    const leased = (await Promise.all(delivery.entries.map(lease))).filter(
      (e): e is OutboxEntry => e !== null,
    );
    const first = leased[0];
    if (!first) return;
    try {
      await deliver(bc, gateway, first.notification);
    } catch (err) {
      failed += leased.length;
      const reason = err instanceof Error ? err.message : String(err);
      const throttled = throttledFor(err);
      if (throttled !== null) pausedUntil = Math.max(pausedUntil, bc.deps.clock.now().getTime() + throttled);
      const park = err instanceof UncertainPostError;
      for (const entry of leased) await recordFailure(bc, entry, reason, throttled, park);
      return;
    }
    // Delivered: whatever happens to the bookkeeping now must not send it again.
    sent += leased.length;
    for (const entry of leased) await markSent(bc, entry);
  };
  await runLanes(
    lanesOf(await bc.deps.store.outbox.due(now, limit)),
    OUTBOX_PARALLELISM,
    async (lane) => {
      for (const delivery of lane) if (pausedUntil === 0) await deliverOne(delivery);
    },
    () => pausedUntil > 0,
  );
  return { sent, failed };
}

/**
 * Marks a delivered entry sent. A conflict means another instance already recorded this entry (its
 * lease ran out during a slow send): the notification is delivered, which is what counts.
 */
async function markSent(bc: BotContext, entry: OutboxEntry): Promise<void> {
  try {
    await bc.deps.store.outbox.markSent(entry, bc.deps.clock.now());
  } catch (err) {
    const fields = { kind: entry.notification.kind, id: entry.notification.id };
    if (err instanceof ConflictError)
      bc.deps.log.info('notification delivered; another instance recorded it', fields);
    // Not recorded as sent: after the lease it is due again, but a channel post is never repeated
    // (its intent is on the initiative) and a card update is harmless to repeat.
    else bc.deps.log.warn('notification delivered but not recorded as sent', { ...fields, err });
  }
}

async function recordFailure(
  bc: BotContext,
  leased: OutboxEntry,
  reason: string,
  throttledMs: number | null,
  /** Park at once: trying again could only do harm (a post whose outcome is unknown). */
  park = false,
): Promise<void> {
  const parked = park || leased.attempts >= MAX_ATTEMPTS;
  const fields = {
    kind: leased.notification.kind,
    id: leased.notification.id,
    attempts: leased.attempts,
    reason,
  };
  if (parked) bc.deps.log.error('notification parked after repeated failures', fields);
  else bc.deps.log.warn('notification not delivered; will retry', fields);
  // Throttled: try again when Teams says, not on the failure backoff.
  const wait = throttledMs ?? retryDelay(leased.attempts);
  const retryAt = parked ? PARKED : new Date(bc.deps.clock.now().getTime() + wait);
  await bc.deps.store.outbox.markFailed(leased, reason, retryAt).catch(() => undefined);
}
