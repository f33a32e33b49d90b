import type { Notification } from '../../domain/records/notification';

export type {
  MeetingNotificationKind,
  Notification,
  NotificationKind,
  Recipient,
} from '../../domain/records/notification';

/** `nextAttemptAt` of a parked entry: given up on after repeated failures, never due again. */
export const PARKED_UNTIL = '9999-12-31T00:00:00.000Z';

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
