import type { PostedCard } from '../../../domain/initiative/initiative.types';
import type { AppDeps } from '../../deps';
import { updateMeeting } from './meeting-support';

/** Remembers where the agenda card was posted, so later changes update it instead of posting again. */
export async function rememberMeetingCard(deps: AppDeps, meetingId: string, card: PostedCard): Promise<void> {
  await updateMeeting(deps, meetingId, (m) =>
    m.card?.activityId === card.activityId ? null : { ...m, card },
  );
}
