/** Where to reach a user or channel proactively: saved when the app is installed or first spoken to. */
export interface ConversationReference {
  /** e.g. `user:<entra object id>`, `channel:rug`, `channel:beredning`. */
  readonly key: string;
  readonly conversationId: string;
  readonly serviceUrl: string;
  readonly tenantId: string;
  readonly conversationType: 'personal' | 'channel' | 'groupChat';
  readonly teamId?: string;
  readonly channelId?: string;
  /** A team channel's kind, as Teams says in channelData: it decides whose roster is the channel's. */
  readonly channelType?: 'standard' | 'private' | 'shared';
  readonly locale?: string;
  readonly updatedAt: string;
  /** For a registered channel: when it was registered, and the channel it replaced (the audit's before). */
  readonly registeredAt?: string;
  readonly previousConversationId?: string | null;
  /** For the RUG channel: the ISO week whose digest was last queued. */
  readonly lastDigestWeek?: string;
}

/** Stores conversation references for proactive messages. */
export interface ConversationStore {
  save(ref: ConversationReference): Promise<void>;
  get(key: string): Promise<ConversationReference | null>;
}
