import { isPosted, type PostedCard } from '../../../domain/initiative/initiative.types';
import type { AppDeps } from '../../deps';
import { updateMeeting } from './meeting-support';

/** Remembers where the agenda card was posted, so later changes update it instead of posting again. */
export async function rememberMeetingCard(deps: AppDeps, meetingId: string, card: PostedCard): Promise<void> {
  await updateMeeting(deps, meetingId, (m) =>
    isPosted(m.card) && m.card.activityId === card.activityId ? null : { ...m, card },
  );
}

/**
 * Records, before the send, that the agenda card is being posted (at most once, as for initiative
 * cards): `post` when this attempt may post it, `posted` with the card to update instead, and
 * `uncertain` when an earlier attempt began posting it and its outcome is unknown.
 */
export async function beginMeetingPost(
  deps: AppDeps,
  meetingId: string,
  notificationId: string,
): Promise<{ outcome: 'post' | 'uncertain' } | { outcome: 'posted'; card: PostedCard }> {
  let answer: { outcome: 'post' | 'uncertain' } | { outcome: 'posted'; card: PostedCard } = {
    outcome: 'post',
  };
  await updateMeeting(deps, meetingId, (m) => {
    if (isPosted(m.card)) {
      answer = { outcome: 'posted', card: m.card };
      return null;
    }
    if (m.card) {
      answer = { outcome: 'uncertain' };
      return null;
    }
    answer = { outcome: 'post' };
    return { ...m, card: { posting: { notificationId, startedAt: deps.clock.now().toISOString() } } };
  });
  return answer;
}

/** Withdraws this notification's intent to post the agenda card, after Teams refused the post. */
export async function abandonMeetingPost(
  deps: AppDeps,
  meetingId: string,
  notificationId: string,
): Promise<void> {
  await updateMeeting(deps, meetingId, (m) => {
    if (!m.card || isPosted(m.card) || m.card.posting.notificationId !== notificationId) return null;
    const { card: _gone, ...rest } = m;
    return rest;
  });
}
