import type { AgendaItem, MeetingPerson } from './meeting.types';
import { meetingErrors } from './meeting.errors';

/** Notes a member's jäv on an item; declaring twice keeps the first note. */
export function declareJav(item: AgendaItem, member: MeetingPerson, at: string): AgendaItem {
  if (item.decision) throw meetingErrors.itemDecided();
  if (item.jav.some((j) => j.member.objectId === member.objectId)) return item;
  return { ...item, jav: [...item.jav, { member, at }] };
}

/** A member with jäv on the item takes no part in its decision, whatever their role. */
export function assertMayDecide(item: AgendaItem, objectId: string): void {
  if (item.jav.some((j) => j.member.objectId === objectId)) throw meetingErrors.jav();
  if (item.decision) throw meetingErrors.itemDecided();
}

/** An item whose decision is being recorded does not change (jäv, removal) until it is done. */
export function assertNotDeciding(item: AgendaItem): void {
  if (item.deciding && !item.decision) throw meetingErrors.decisionInProgress();
}

/** The sentence the minutes print for each jäv note. */
export function javSentence(member: MeetingPerson): string {
  return `${member.name} anmäler jäv och deltar inte i beslutet.`;
}
