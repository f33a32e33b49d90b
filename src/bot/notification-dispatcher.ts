import type { ChatGateway } from '../app/ports/chat-gateway.port';
import type { ConversationReference } from '../app/ports/conversation-store.port';
import type { Notification, OutboxEntry } from '../app/ports/outbox.port';
import { ConflictError } from '../app/ports/store.errors';
import { notificationCard } from '../cards/initiative-cards';
import type { Initiative } from '../domain/initiative/initiative.types';
import type { Locale } from '../domain/shared/label';
import { localeFrom } from '../i18n/locale';
import { fill, strings } from '../i18n/strings';
import type { BotContext } from './bot-context';

const LEASE_MS = 2 * 60_000;
const MAX_BACKOFF_MS = 60 * 60_000;

/** Exponential backoff between delivery attempts: 30 s, 1 min, 2 min … capped at an hour. */
export function retryDelay(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, 30_000 * 2 ** Math.max(0, attempts - 1));
}

function bodyFor(n: Notification, initiative: Initiative, locale: Locale): string {
  const t = strings(locale);
  const decision = initiative.decisions[initiative.decisions.length - 1];
  switch (n.kind) {
    case 'endorsed':
      return fill(t.endorsedBody, { member: n.data.memberName ?? '' });
    case 'stance_recorded':
      return fill(t.approvedByBody, { member: n.data.memberName ?? '' });
    case 'returned_for_completion':
      return fill(t.returnedBody, { question: initiative.completionRequest ?? '' });
    case 'decided':
      return fill(t.decidedBody, { outcome: decision?.outcome ?? '', rationale: decision?.rationale ?? '' });
    case 'review_requested':
      return t.reviewRequestedBody;
    case 'withdrawn':
      return t.withdrawnBody;
    case 'preparation_started':
      return t.preparationStartedBody;
    case 'proposal_ready':
      return t.proposalReadyBody;
  }
}

async function deliver(bc: BotContext, gateway: ChatGateway, n: Notification): Promise<void> {
  const key = n.recipient.type === 'user' ? `user:${n.recipient.objectId}` : `channel:${n.recipient.key}`;
  const ref: ConversationReference | null = await bc.deps.store.conversations.get(key);
  if (!ref) throw new Error(`no conversation registered for ${n.recipient.type}`);
  const initiative = await bc.deps.store.initiatives.get(n.initiativeId);
  if (!initiative) return; // Nothing left to tell about.
  const locale = localeFrom(ref.locale);
  const body = bodyFor(n, initiative, locale);
  const card = notificationCard(locale, bc.deps.catalogue, initiative, body, bc.linkFor);
  await gateway.sendCard(ref, card, `${initiative.ref ?? initiative.form.title}: ${body}`);
}

/**
 * Delivers due notifications from the outbox. Each entry is leased first, so several instances
 * never send the same one; a failure is recorded and retried later, never lost.
 */
export async function deliverDue(
  bc: BotContext,
  gateway: ChatGateway,
  limit = 25,
): Promise<{ sent: number; failed: number }> {
  const now = bc.deps.clock.now();
  let sent = 0;
  let failed = 0;
  for (const entry of await bc.deps.store.outbox.due(now, limit)) {
    let leased: OutboxEntry;
    try {
      leased = await bc.deps.store.outbox.claim(entry, new Date(now.getTime() + LEASE_MS));
    } catch (err) {
      if (err instanceof ConflictError) continue; // another instance has it
      throw err;
    }
    try {
      await deliver(bc, gateway, leased.notification);
      await bc.deps.store.outbox.markSent(leased, bc.deps.clock.now());
      sent++;
    } catch (err) {
      failed++;
      const reason = err instanceof Error ? err.message : String(err);
      bc.deps.log.warn('notification not delivered; will retry', {
        kind: leased.notification.kind,
        attempts: leased.attempts,
        reason,
      });
      await bc.deps.store.outbox
        .markFailed(leased, reason, new Date(bc.deps.clock.now().getTime() + retryDelay(leased.attempts)))
        .catch(() => undefined);
    }
  }
  return { sent, failed };
}
