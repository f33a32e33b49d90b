import type { ChatGateway } from '../app/ports/chat-gateway.port';
import type { ConversationReference } from '../app/ports/conversation-store.port';
import { rememberChannelCard } from '../app/use-cases/channel-cards';
import {
  decisionCard,
  preparationCard,
  reviewCard,
  type CardNotice,
  type TypedValues,
} from '../cards/rug-cards';
import type { AdaptiveCardJson } from '../cards/templates';
import type { ChannelCards, Initiative } from '../domain/initiative/initiative.types';
import { localeFrom } from '../i18n/locale';
import type { BotContext } from './bot-context';

type Which = keyof ChannelCards;

/** Registered channel for a card kind; the preparation card falls back to the RUG channel. */
export async function channelFor(bc: BotContext, which: Which): Promise<ConversationReference | null> {
  const conversations = bc.deps.store.conversations;
  if (which === 'preparation')
    return (await conversations.get('channel:beredning')) ?? conversations.get('channel:rug');
  return conversations.get('channel:rug');
}

/** Renders the current state of one channel card of an initiative. */
export async function renderChannelCard(
  bc: BotContext,
  which: Which,
  initiative: Initiative,
  locale: 'sv' | 'en',
  opts: { viewerId?: string; notice?: CardNotice; values?: TypedValues } = {},
): Promise<AdaptiveCardJson> {
  const { deps, linkFor } = bc;
  const stances = await deps.store.stances.listFor(initiative.id);
  switch (which) {
    case 'review': {
      // Per-user refresh is a nicety: without a readable roster the card is the same for everyone.
      const members = await deps.directory.rugMembers().catch(() => []);
      const refreshUserIds = members.flatMap((m) => (m.teamsUserId ? [m.teamsUserId] : []));
      return reviewCard(locale, deps.catalogue, initiative, stances, linkFor, { refreshUserIds, ...opts });
    }
    case 'preparation':
      return preparationCard(locale, deps.catalogue, initiative, stances, linkFor, opts.notice, opts.values);
    case 'decision': {
      const today = deps.clock.now().toISOString().slice(0, 10);
      return decisionCard(
        locale,
        deps.catalogue,
        initiative,
        stances,
        linkFor,
        today,
        opts.notice,
        opts.values,
      );
    }
  }
}

/**
 * Posts the card once, or updates it in place if it was posted before (a retried notification must
 * not post a second card). The activity id is stored on the initiative for later updates.
 */
export async function postOrUpdate(
  bc: BotContext,
  gateway: ChatGateway,
  which: Which,
  initiative: Initiative,
): Promise<void> {
  const ref = await channelFor(bc, which);
  if (!ref) throw new Error(`no channel registered for the ${which} card`);
  const card = await renderChannelCard(bc, which, initiative, localeFrom(ref.locale));
  const posted = initiative.channelCards[which];
  if (posted) {
    await gateway.updateCard({ ...ref, conversationId: posted.conversationId }, posted.activityId, card);
    return;
  }
  const { activityId } = await gateway.sendCard(
    ref,
    card,
    `${initiative.ref ?? ''} ${initiative.form.title}`.trim(),
  );
  await rememberChannelCard(bc.deps, initiative.id, which, {
    conversationId: ref.conversationId,
    activityId,
  });
}

/** Re-renders every card already posted about the initiative, for everyone in the channel. */
export async function refreshPosted(
  bc: BotContext,
  gateway: ChatGateway,
  initiative: Initiative,
): Promise<void> {
  for (const which of ['review', 'preparation', 'decision'] as const) {
    const posted = initiative.channelCards[which];
    if (!posted) continue;
    const ref = await channelFor(bc, which);
    if (!ref) continue;
    const card = await renderChannelCard(bc, which, initiative, localeFrom(ref.locale));
    await gateway.updateCard({ ...ref, conversationId: posted.conversationId }, posted.activityId, card);
  }
}
