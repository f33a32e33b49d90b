import type { AdaptiveCardActionCardResponse } from '@microsoft/teams.api';
import type { IAdaptiveCard } from '@microsoft/teams.cards';
import type { AppDeps } from '../app/deps';
import type { LinkFor } from '../cards/view-models';

/** What the bot handlers need besides the activity. */
export interface BotContext {
  readonly deps: AppDeps;
  readonly linkFor: LinkFor;
  readonly allowedTenants: readonly string[];
  /** Whether a conversation at this serviceUrl may be remembered (a Teams connector host). */
  readonly serviceUrlAllowed?: (serviceUrl: string) => boolean;
  /** Asks the outbox dispatcher to run soon (after an action queued notifications). */
  readonly kick?: () => void;
  /** Links to a meeting's page in the tab; without it meeting cards carry no link. */
  readonly meetingLinkFor?: (meetingId: string) => string;
}

/** An Adaptive Card as a Teams message activity. */
export function cardMessage(card: object, summary?: string) {
  return {
    type: 'message' as const,
    ...(summary ? { summary } : {}),
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
  };
}

/** The invoke response that replaces the card the user acted on. */
export function cardResponse(card: object): AdaptiveCardActionCardResponse {
  // Our cards are validated against the Adaptive Cards library in tests; the SDK's type is stricter.
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card as IAdaptiveCard };
}
