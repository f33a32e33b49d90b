import type { Minutes } from '../domain/meeting/minutes';
import type { Meeting, MeetingStatus } from '../domain/meeting/meeting.types';

/** A row of the tab's meeting list. */
export interface MeetingRow {
  readonly id: string;
  readonly date: string;
  readonly time: string;
  readonly place: string;
  readonly status: MeetingStatus;
  readonly items: number;
  readonly decided: number;
}

/** An initiative that could be put on the agenda. */
export interface AgendaCandidate {
  readonly id: string;
  readonly ref: string | null;
  readonly title: string;
}

/** What the signed-in person may do on the meeting page; the server checks again on every write. */
export interface MeetingCapabilities {
  readonly edit: boolean;
  readonly decide: boolean;
  readonly sign: boolean;
}

export interface RosterMember {
  readonly objectId: string;
  readonly name: string;
}

/** GET /api/meetings/:id */
export interface MeetingPage {
  readonly meeting: Omit<Meeting, 'version' | 'clientKey' | 'card' | 'pendingRecords'>;
  readonly minutes: Minutes;
  readonly candidates: readonly AgendaCandidate[];
  readonly roster: readonly RosterMember[];
  readonly can: MeetingCapabilities;
  /** Fingerprint of the minutes on the page; approving sends it back (a stale one is refused). */
  readonly shownMinutes: string;
}

/** GET /api/meetings */
export interface MeetingList {
  readonly year: number;
  readonly items: readonly MeetingRow[];
}
