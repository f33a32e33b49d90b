import type { ConversationReference } from './conversation-store.port';

/** Sends and updates cards in Teams conversations outside a user's request (proactive messages). */
export interface ChatGateway {
  /** Posts a card; returns the new activity's id so the card can be updated later. */
  sendCard(ref: ConversationReference, card: object, summary: string): Promise<{ activityId: string }>;
  /** Replaces a card posted earlier, for everyone in the conversation. */
  updateCard(ref: ConversationReference, activityId: string, card: object): Promise<void>;
}
