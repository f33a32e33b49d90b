import type { ChatGateway } from '../app/ports/chat-gateway.port';
import type { ConversationReference } from '../app/ports/conversation-store.port';
import { abandonChannelPost, beginChannelPost, rememberChannelCard } from '../app/use-cases/channel-cards';
import {
  decisionCard,
  preparationCard,
  reviewCard,
  type CardNotice,
  type TypedValues,
} from '../cards/rug-cards';
import type { AdaptiveCardJson } from '../cards/templates';
import { type ChannelCards, type Initiative, isPosted } from '../domain/initiative/initiative.types';
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

/** True when Teams answered the send with a 4xx: it did not take the activity. */
export function refusedByTeams(err: unknown): boolean {
  const status =
    (err as { response?: { status?: unknown }; status?: unknown }).response?.status ??
    (err as { status?: unknown }).status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/** A post whose earlier attempt may or may not have reached Teams: never sent again (at most once). */
export class UncertainPostError extends Error {
  constructor(which: Which) {
    super(`the ${which} card may already be in the channel; it is not posted again`);
    this.name = 'UncertainPostError';
  }
}

/**
 * Posts the card at most once, or updates it in place if it was posted before. The intent is
 * recorded on the initiative before the send; the activity id after it, for later updates. If the
 * activity id cannot be saved, the send still counts: nothing posts the card a second time.
 */
export async function postOrUpdate(
  bc: BotContext,
  gateway: ChatGateway,
  which: Which,
  initiative: Initiative,
  notificationId: string,
): Promise<void> {
  const ref = await channelFor(bc, which);
  if (!ref) throw new Error(`no channel registered for the ${which} card`);
  const card = await renderChannelCard(bc, which, initiative, localeFrom(ref.locale));
  const begun = await beginChannelPost(bc.deps, initiative.id, which, notificationId);
  if (begun.outcome === 'posted') {
    const posted = begun.card;
    await gateway.updateCard({ ...ref, conversationId: posted.conversationId }, posted.activityId, card);
    return;
  }
  if (begun.outcome === 'uncertain') throw new UncertainPostError(which);
  let activityId: string;
  try {
    ({ activityId } = await gateway.sendCard(
      ref,
      card,
      `${initiative.ref ?? ''} ${initiative.form.title}`.trim(),
    ));
  } catch (err) {
    // Teams answered "not taken" (a 4xx such as 429): the post may be tried again. Without an
    // answer, or on a 5xx, it may have been taken, and the intent stays: never posted twice.
    if (refusedByTeams(err)) await abandonChannelPost(bc.deps, initiative.id, which, notificationId);
    throw err;
  }
  await rememberChannelCard(bc.deps, initiative.id, which, {
    conversationId: ref.conversationId,
    activityId,
  }).catch((err: unknown) =>
    // Posted, but later changes cannot update it in place: logged, never posted again.
    bc.deps.log.error('a posted card could not be remembered; it will not be updated in place', {
      initiativeId: initiative.id,
      which,
      err,
    }),
  );
}

/** Re-renders every card already posted about the initiative, for everyone in the channel. */
export async function refreshPosted(
  bc: BotContext,
  gateway: ChatGateway,
  initiative: Initiative,
): Promise<void> {
  for (const which of ['review', 'preparation', 'decision'] as const) {
    const posted = initiative.channelCards[which];
    if (!isPosted(posted)) continue;
    const ref = await channelFor(bc, which);
    if (!ref) continue;
    const card = await renderChannelCard(bc, which, initiative, localeFrom(ref.locale));
    await gateway.updateCard({ ...ref, conversationId: posted.conversationId }, posted.activityId, card);
  }
}
