import type { PostedCard, PostingCard } from '../initiative/initiative.types';
import type { PendingRecords } from '../records/pending';

/** Someone named in the minutes: a RUG member as the directory knows them. */
export interface MeetingPerson {
  readonly objectId: string;
  readonly name: string;
}

/** "X anmäler jäv och deltar inte i beslutet": recorded on the item, printed in its paragraph. */
export interface JavNote {
  readonly member: MeetingPerson;
  readonly at: string;
}

/** The paragraph an item got when it was decided; numbers are per year and never reused. */
export interface ItemDecision {
  readonly paragraph: number;
  readonly decisionId: string;
}

/** One item of the föredragningslista: an initiative to decide, in the order the list shows it. */
export interface AgendaItem {
  readonly id: string;
  readonly initiativeId: string;
  /** Snapshot for the agenda card; the minutes read the initiative itself. */
  readonly title: string;
  readonly ref: string | null;
  readonly jav: readonly JavNote[];
  /** Set once the item is decided; a decided item stays on the agenda and in the minutes. */
  readonly decision?: ItemDecision;
  /**
   * Set while the chair's decision on the item is being recorded (a paragraph claimed, the
   * initiative written): the minutes cannot go out for justering, nor the item change, meanwhile.
   */
  readonly deciding?: { readonly by: string; readonly at: string };
}

/** Who took part, and the three people the minutes name. */
export interface Attendance {
  readonly present: readonly MeetingPerson[];
  readonly chair: MeetingPerson | null;
  readonly secretary: MeetingPerson | null;
  /** Justerare, chosen at the start of the meeting. */
  readonly adjuster: MeetingPerson | null;
}

export interface Signature {
  readonly by: MeetingPerson;
  readonly at: string;
}

/** A signer's comment back to the secretary instead of approving. */
export interface MinutesComment {
  readonly by: MeetingPerson;
  readonly at: string;
  readonly text: string;
}

/**
 * planned: agenda being built · held: decisions being recorded · justering: minutes out to the chair
 * and the adjuster · justered: signed by both, locked for good.
 */
export type MeetingStatus = 'planned' | 'held' | 'justering' | 'justered';

export interface Meeting {
  readonly id: string;
  /** Client-chosen key that makes creation idempotent (a double click creates one meeting). */
  readonly clientKey: string;
  /** The year the paragraphs are numbered in: the meeting date's year. */
  readonly year: number;
  /** YYYY-MM-DD */
  readonly date: string;
  /** HH:MM */
  readonly time: string;
  readonly place: string;
  readonly onlineLink: string | null;
  readonly status: MeetingStatus;
  readonly agenda: readonly AgendaItem[];
  readonly attendance: Attendance;
  readonly signatures: { readonly chair?: Signature; readonly adjuster?: Signature };
  readonly comments: readonly MinutesComment[];
  /** When the second signature made the minutes final. */
  readonly justeredAt: string | null;
  readonly createdBy: MeetingPerson;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The agenda card in the RUG channel, updated in place (or, until Teams answers, being posted). */
  readonly card?: PostedCard | PostingCard;
  /** Notifications of changes not yet confirmed written, held in the same write as the change. */
  readonly pendingRecords?: PendingRecords;
  /** Opaque concurrency token from the store (SQLite row version, SharePoint eTag). */
  readonly version: string;
}

export type NewMeeting = Omit<Meeting, 'version'>;
