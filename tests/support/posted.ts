import { isPosted, type PostedCard, type PostingCard } from '../../src/domain/initiative/initiative.types';

/** The posted card of an initiative; fails the test if it is not (yet) posted. */
export function posted(card: PostedCard | PostingCard | undefined): PostedCard {
  if (!isPosted(card)) throw new Error(`expected a posted card, found ${JSON.stringify(card)}`);
  return card;
}
