import type { Meeting, NewMeeting } from '../../domain/meeting/meeting.types';

/** RUG meetings, one record each, with the same semantics as initiatives: versions, unique keys. */
export interface MeetingRepository {
  /** Creates the meeting, or returns the one already stored under the same clientKey. */
  create(meeting: NewMeeting): Promise<{ meeting: Meeting; created: boolean }>;
  get(id: string): Promise<Meeting | null>;
  /** Saves if `meeting.version` is still current; throws ConflictError if someone else saved first. */
  update(meeting: Meeting): Promise<Meeting>;
  /** The meetings of one year (the indexed column), by date. A year holds a few dozen at most. */
  listYear(year: number): Promise<Meeting[]>;
  /** Meetings holding notifications not yet written out (the dispatcher's sweep), at most 200. */
  listPending(): Promise<Meeting[]>;
}

/** A claimed paragraph number: which agenda item holds it. */
export interface ClaimedParagraph {
  readonly year: number;
  readonly number: number;
  readonly key: string;
}

/**
 * Paragraph (§) numbers per year, gapless: a number is taken by inserting it under a unique
 * (year, number) key, so two meetings deciding at once never get the same number and a failed
 * attempt takes none. Claiming is idempotent per key, so a retried decision keeps its number.
 */
export interface ParagraphRegister {
  /** The number held by `key` in `year`, claiming the next free one if it has none yet. */
  claim(year: number, key: string): Promise<number>;
  /** Every claimed paragraph of a year, by number. */
  listYear(year: number): Promise<ClaimedParagraph[]>;
}
