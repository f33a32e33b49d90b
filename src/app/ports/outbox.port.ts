/** Who a notification goes to: a person's personal chat with the app, or a registered channel. */
export type Recipient =
  | { readonly type: 'user'; readonly objectId: string }
  | { readonly type: 'channel'; readonly key: 'rug' | 'beredning' };

export type NotificationKind =
  | 'review_requested'
  | 'stance_recorded'
  | 'endorsed'
  | 'preparation_started'
  | 'returned_for_completion'
  | 'proposal_ready'
  | 'decided'
  | 'withdrawn'
  | 'completed'
  | 'success_story'
  | 'stance_reminder'
  | 'weekly_digest'
  /** Re-render the channel cards of an initiative (after any change that shows on them). */
  | 'refresh_cards';

/** A message to send; the outbox keeps it until it is delivered, so a failed send is never lost. */
export interface Notification {
  readonly id: string;
  readonly kind: NotificationKind;
  readonly initiativeId: string;
  readonly recipient: Recipient;
  /** Small, non-personal facts the card needs besides the initiative (e.g. who approved). */
  readonly data: Readonly<Record<string, string>>;
  readonly createdAt: string;
}

export interface OutboxEntry {
  readonly notification: Notification;
  readonly attempts: number;
  readonly nextAttemptAt: string;
  readonly sentAt: string | null;
  readonly lastError: string | null;
  readonly version: string;
}

/** Durable queue of notifications; a dispatcher delivers them and retries failures later. */
export interface Outbox {
  /** Stores a notification; enqueueing the same id twice keeps one. */
  enqueue(notification: Notification): Promise<void>;
  /** Unsent entries whose next attempt is due, oldest first. */
  due(now: Date, limit: number): Promise<OutboxEntry[]>;
  /**
   * Leases an entry to this instance until `until` (counts as an attempt), so several instances never
   * send the same notification at once. ConflictError if another instance claimed it first.
   */
  claim(entry: OutboxEntry, until: Date): Promise<OutboxEntry>;
  /** Marks delivered; ConflictError if another instance already handled this version. */
  markSent(entry: OutboxEntry, at: Date): Promise<void>;
  /** Records a failed attempt and when to try again; ConflictError on a stale version. */
  markFailed(entry: OutboxEntry, error: string, retryAt: Date): Promise<void>;
}
