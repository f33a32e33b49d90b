import type { App } from '@microsoft/teams.apps';
import type { ChatGateway } from '../../app/ports/chat-gateway.port';
import type { ConversationReference } from '../../app/ports/conversation-store.port';

function cardActivity(card: object, summary?: string) {
  return {
    type: 'message' as const,
    ...(summary ? { summary } : {}),
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
  };
}

/**
 * No send may outlast the outbox lease (2 minutes), or another instance could take the entry while
 * this one still sends. A send that times out counts as failed; a channel post is then never
 * repeated (its intent is recorded), a card update may be.
 */
export const SEND_TIMEOUT_MS = 30_000;

function bounded<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('Teams did not answer in time')), SEND_TIMEOUT_MS);
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Proactive sends and card updates through the Teams SDK's API client. Each conversation is reached
 * at the serviceUrl Teams gave for it (regional endpoints differ), not one global URL.
 */
export class TeamsGateway implements ChatGateway {
  constructor(
    private readonly app: App,
    /** Only Teams connector hosts get the bot's token (a stored reference could predate the check). */
    private readonly serviceUrlAllowed: (serviceUrl: string) => boolean,
  ) {}

  private activities(ref: ConversationReference) {
    if (!this.serviceUrlAllowed(ref.serviceUrl))
      throw new Error('refused to send: the conversation serviceUrl is not a Teams connector host');
    return this.app.api
      .fromServiceUrl({ serviceUrl: ref.serviceUrl })
      .conversations.activities(ref.conversationId);
  }

  async sendCard(ref: ConversationReference, card: object, summary: string): Promise<{ activityId: string }> {
    const sent = await bounded(this.activities(ref).create(cardActivity(card, summary)));
    return { activityId: sent.id };
  }

  async updateCard(ref: ConversationReference, activityId: string, card: object): Promise<void> {
    await bounded(this.activities(ref).update(activityId, cardActivity(card)));
  }
}
