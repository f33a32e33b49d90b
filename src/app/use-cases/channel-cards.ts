import {
  type ChannelCards,
  type Initiative,
  isPosted,
  type PostedCard,
} from '../../domain/initiative/initiative.types';
import type { AppDeps } from '../deps';
import { updateWithRetry } from './support';

type Which = keyof ChannelCards;

/**
 * Records that a card is about to be posted for this notification — before the send. Answers
 * `post` when this attempt may post it; `posted` when it is already in the channel (update it
 * instead); `uncertain` when an earlier attempt began posting it and its outcome is unknown, so it
 * must not be posted again (at most once).
 */
export async function beginChannelPost(
  deps: AppDeps,
  initiativeId: string,
  which: Which,
  notificationId: string,
): Promise<{ outcome: 'post' | 'uncertain' } | { outcome: 'posted'; card: PostedCard }> {
  let answer: { outcome: 'post' | 'uncertain' } | { outcome: 'posted'; card: PostedCard } = {
    outcome: 'post',
  };
  await updateWithRetry(deps, initiativeId, (current) => {
    const entry = current.channelCards[which];
    if (isPosted(entry)) {
      answer = { outcome: 'posted', card: entry };
      return null;
    }
    if (entry) {
      answer = { outcome: 'uncertain' };
      return null;
    }
    answer = { outcome: 'post' };
    const posting = { posting: { notificationId, startedAt: deps.clock.now().toISOString() } };
    return { ...current, channelCards: { ...current.channelCards, [which]: posting } };
  });
  return answer;
}

/** Remembers where a card about the initiative was posted, so later changes update it in place. */
export async function rememberChannelCard(
  deps: AppDeps,
  initiativeId: string,
  which: Which,
  card: PostedCard,
): Promise<Initiative | null> {
  const result = await updateWithRetry(deps, initiativeId, (current) => {
    const entry = current.channelCards[which];
    return isPosted(entry) && entry.activityId === card.activityId
      ? null
      : { ...current, channelCards: { ...current.channelCards, [which]: card } };
  });
  return result?.after ?? null;
}

/** Withdraws this notification's intent to post, after Teams answered that it did not take the card. */
export async function abandonChannelPost(
  deps: AppDeps,
  initiativeId: string,
  which: Which,
  notificationId: string,
): Promise<void> {
  await updateWithRetry(deps, initiativeId, (current) => {
    const entry = current.channelCards[which];
    if (!entry || isPosted(entry) || entry.posting.notificationId !== notificationId) return null;
    const { [which]: _gone, ...rest } = current.channelCards;
    return { ...current, channelCards: rest };
  });
}
