import { StateConflictError } from '../shared/domain.errors';
import type { Label } from '../shared/label';
import type { AgendaItem, Meeting } from './meeting.types';

/**
 * A meeting is stored as one JSON text, its pending notifications included (SharePoint: a multi-line
 * text column of at most 63,999 characters). The hard limit leaves room for the agenda card's
 * bookkeeping, written apart from the use cases.
 */
export const MEETING_HARD_MAX = 60_000;
/**
 * What is still to come until the minutes are justered, and must always find room: per item its
 * decision and § (while it is recorded, a marker of the same size) and the notice of its extract to
 * the initiator, held in the record until written out; for the meeting a full attendance (60
 * present), two signatures and the last notices.
 */
export const RESERVED_PER_ITEM = 500;
export const RESERVED_FOR_MEETING = 8_000;

type Stored = Omit<Meeting, 'version' | 'pendingRecords'> & {
  readonly version?: string;
  readonly pendingRecords?: Meeting['pendingRecords'];
};

/** The length of the stored text (everything but the store's version). */
export function meetingSize(m: Stored): number {
  const { version: _v, ...rest } = m;
  return JSON.stringify(rest).length;
}

/** The size the record may reach by the time its minutes are justered, from what it holds now. */
export function projectedSize(m: Stored): number {
  return meetingSize(m) + reserve(m, m.agenda.length);
}

const reserve = (m: Pick<Stored, 'status'>, items: number) =>
  m.status === 'justered' ? 0 : items * RESERVED_PER_ITEM + RESERVED_FOR_MEETING;

/** What a refusal says, by what was being added when the meeting filled up. */
export type Growth = 'agenda' | 'comment' | 'change';

const FULL: Readonly<Record<Growth, Label>> = {
  agenda: {
    sv: 'Föredragningslistan rymmer inte fler ärenden. Ta upp initiativet på ett nytt möte.',
    en: 'The agenda holds no more items. Put the initiative on a new meeting.',
  },
  comment: {
    sv: 'Protokollet rymmer inte fler kommentarer. Skriv en kortare kommentar, eller ta upp frågan med sekreteraren direkt.',
    en: 'The minutes hold no more comments. Write a shorter comment, or raise the question with the secretary directly.',
  },
  change: {
    sv: 'Mötet har nått den största mängd text som kan sparas i det. Ta upp fler ärenden på ett nytt möte.',
    en: 'The meeting holds as much text as it can store. Put further items on a new meeting.',
  },
};

const full = (growth: Growth, size: number) =>
  new StateConflictError('MEETING.RECORD_FULL', FULL[growth], { size, max: MEETING_HARD_MAX });

/**
 * Refuses, before anything is written, a meeting record that could not be stored. A change that
 * adds (`agenda`, `comment`) must also leave room for everything still to come (the soft limit), so
 * a full meeting can always be decided, sent out and signed.
 */
export function assertMeetingFits(m: Stored, growth: Growth = 'change'): void {
  const size = growth === 'change' ? meetingSize(m) : projectedSize(m);
  if (size > MEETING_HARD_MAX) throw full(growth, size);
}

/**
 * The proposed agenda of a new meeting: the items in order, as many as leave room for the rest of
 * the meeting. The others are proposed again for the next meeting (they are on no undecided agenda).
 */
export function agendaThatFits(meeting: Stored, items: readonly AgendaItem[]): AgendaItem[] {
  const fits: AgendaItem[] = [];
  let size = meetingSize({ ...meeting, agenda: [] });
  for (const item of items) {
    // The item's JSON, and the comma before it.
    size += JSON.stringify(item).length + (fits.length > 0 ? 1 : 0);
    if (size + reserve(meeting, fits.length + 1) > MEETING_HARD_MAX) break;
    fits.push(item);
  }
  return fits;
}
