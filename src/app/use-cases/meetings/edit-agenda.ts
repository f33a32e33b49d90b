import { assertNotDeciding } from '../../../domain/meeting/jav';
import type { Person } from '../../../domain/initiative/initiative.types';
import { addItem, assertEditable, findItem, moveItem, removeItem } from '../../../domain/meeting/agenda';
import { meetingErrors } from '../../../domain/meeting/meeting.errors';
import type { Meeting } from '../../../domain/meeting/meeting.types';
import { paragraphKey } from '../../../domain/meeting/paragraph';
import type { AppDeps } from '../../deps';
import { loadInitiative } from '../support';
import { agendaItem } from './create-meeting';
import { assertSecretaryOrChair, cardRefresh, commitMeeting, loadMeeting } from './meeting-support';

/** Initiatives that can be decided at a meeting: a ready proposal, or a standing decision to correct. */
const DECIDABLE = new Set(['proposal_ready', 'approved', 'rejected']);

async function edit(
  deps: AppDeps,
  person: Person,
  meetingId: string,
  change: (m: Meeting) => Meeting | null,
  /** Adding an item must leave room to decide every item and sign the minutes. */
  grows = false,
): Promise<Meeting> {
  await assertSecretaryOrChair(deps, person);
  const { after } = await commitMeeting(deps, meetingId, (m) => {
    assertEditable(m);
    const next = change(m);
    return next
      ? { next, records: cardRefresh(deps, m), ...(grows ? { grows: 'agenda' as const } : {}) }
      : null;
  });
  return after;
}

/** Puts an initiative on the agenda (last); adding it twice is refused, so nothing is decided twice. */
export async function addAgendaItem(deps: AppDeps, person: Person, meetingId: string, initiativeId: string) {
  const initiative = await loadInitiative(deps, initiativeId);
  if (!DECIDABLE.has(initiative.status)) throw meetingErrors.notReadyForAgenda();
  const item = agendaItem(deps, initiative);
  return edit(
    deps,
    person,
    meetingId,
    (m) => (m.agenda.some((i) => i.id === item.id) ? null : { ...m, agenda: addItem(m.agenda, item) }),
    true,
  );
}

/**
 * Takes an undecided item off the agenda. An item that already holds a paragraph number (its
 * decision is being recorded) stays, so the year's numbering keeps no hole.
 */
export async function removeAgendaItem(deps: AppDeps, person: Person, meetingId: string, itemId: string) {
  const meeting = await loadMeeting(deps, meetingId);
  if (!meeting.agenda.some((i) => i.id === itemId)) return meeting; // already removed: a retry
  assertEditable(meeting);
  const claimed = await deps.store.paragraphs.listYear(meeting.year);
  if (claimed.some((p) => p.key === paragraphKey(meetingId, itemId))) throw meetingErrors.itemDecided();
  return edit(deps, person, meetingId, (m) => {
    const item = m.agenda.find((i) => i.id === itemId);
    if (!item) return null;
    assertNotDeciding(item); // its paragraph may be claimed this very moment
    return { ...m, agenda: removeItem(m.agenda, itemId) };
  });
}

/** Moves an undecided item to position `to` (0-based). */
export async function moveAgendaItem(
  deps: AppDeps,
  person: Person,
  meetingId: string,
  itemId: string,
  to: number,
) {
  return edit(deps, person, meetingId, (m) => {
    const from = m.agenda.indexOf(findItem(m, itemId));
    return from === to ? null : { ...m, agenda: moveItem(m.agenda, itemId, to) };
  });
}
