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
  | 'refresh_cards'
  | MeetingNotificationKind;

/** Meeting messages; for the meeting-wide ones `initiativeId` holds the meeting id (see data.meetingId). */
export type MeetingNotificationKind =
  | 'meeting_agenda'
  | 'justering_requested'
  | 'minutes_commented'
  | 'extract_ready'
  /** Files the justered documents with the records, then tells the RUG channel. */
  | 'minutes_justered';

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
