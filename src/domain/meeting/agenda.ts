import type { AgendaItem, Meeting } from './meeting.types';
import { meetingErrors } from './meeting.errors';

/**
 * Agenda changes. The list is editable until the minutes go to justering; a decided item has its
 * paragraph and stays where it is (removing it would leave a hole in the numbering).
 */
export function assertEditable(meeting: Pick<Meeting, 'status'>): void {
  if (meeting.status === 'justered') throw meetingErrors.locked();
  if (meeting.status === 'justering') throw meetingErrors.inJustering();
}

export function findItem(meeting: Pick<Meeting, 'agenda'>, itemId: string): AgendaItem {
  const item = meeting.agenda.find((i) => i.id === itemId);
  if (!item) throw meetingErrors.itemNotFound();
  return item;
}

export function addItem(agenda: readonly AgendaItem[], item: AgendaItem): AgendaItem[] {
  if (agenda.some((i) => i.initiativeId === item.initiativeId)) throw meetingErrors.alreadyOnAgenda();
  return [...agenda, item];
}

export function removeItem(agenda: readonly AgendaItem[], itemId: string): AgendaItem[] {
  const item = findItem({ agenda }, itemId);
  if (item.decision) throw meetingErrors.itemDecided();
  return agenda.filter((i) => i.id !== itemId);
}

/** Moves an undecided item to a new position (0-based, clamped to the list). */
export function moveItem(agenda: readonly AgendaItem[], itemId: string, to: number): AgendaItem[] {
  const item = findItem({ agenda }, itemId);
  if (item.decision) throw meetingErrors.itemDecided();
  const rest = agenda.filter((i) => i.id !== itemId);
  const at = Math.max(0, Math.min(rest.length, Math.trunc(to)));
  return [...rest.slice(0, at), item, ...rest.slice(at)];
}

/** Replaces one item, keeping the order. */
export function replaceItem(agenda: readonly AgendaItem[], item: AgendaItem): AgendaItem[] {
  return agenda.map((i) => (i.id === item.id ? item : i));
}
