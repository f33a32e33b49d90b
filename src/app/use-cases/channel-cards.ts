import type { ChannelCards, Initiative, PostedCard } from '../../domain/initiative/initiative.types';
import type { AppDeps } from '../deps';
import { updateWithRetry } from './support';

/** Remembers where a card about the initiative was posted, so later changes update it in place. */
export async function rememberChannelCard(
  deps: AppDeps,
  initiativeId: string,
  which: keyof ChannelCards,
  card: PostedCard,
): Promise<Initiative | null> {
  const result = await updateWithRetry(deps, initiativeId, (current) =>
    current.channelCards[which]?.activityId === card.activityId
      ? null
      : { ...current, channelCards: { ...current.channelCards, [which]: card } },
  );
  return result?.after ?? null;
}
