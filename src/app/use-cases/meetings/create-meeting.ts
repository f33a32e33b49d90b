import type { Initiative, Person } from '../../../domain/initiative/initiative.types';
import type { AgendaItem, Meeting, NewMeeting } from '../../../domain/meeting/meeting.types';
import { agendaThatFits } from '../../../domain/meeting/meeting-size';
import type { AppDeps } from '../../deps';
import { listByStatus } from '../queries';
import { type MeetingInput, parseMeetingInput } from './meeting-input';
import { assertSecretaryOrChair, cardRefresh, drainMeeting, meetingPerson } from './meeting-support';

export function agendaItem(deps: AppDeps, initiative: Initiative): AgendaItem {
  return {
    id: deps.ids.newId(),
    initiativeId: initiative.id,
    title: initiative.form.title,
    ref: initiative.ref,
    jav: [],
  };
}

/**
 * The proposed föredragningslista: every initiative whose proposal is ready, oldest proposal first,
 * except those already waiting on another meeting's agenda that has not decided them yet.
 */
export async function proposeAgenda(deps: AppDeps, year: number): Promise<Initiative[]> {
  const ready = await listByStatus(deps, ['proposal_ready']);
  const waiting = new Set(
    (await deps.store.meetings.listYear(year))
      .filter((m) => m.status === 'planned' || m.status === 'held')
      .flatMap((m) => m.agenda.filter((i) => !i.decision).map((i) => i.initiativeId)),
  );
  return (
    ready
      .filter((i) => !waiting.has(i.id))
      // Oldest proposal first; proposals of the same moment in reference order (the order they were sent).
      .sort(
        (a, b) =>
          (a.proposal?.proposedAt ?? '').localeCompare(b.proposal?.proposedAt ?? '') ||
          (a.ref ?? '').localeCompare(b.ref ?? ''),
      )
  );
}

/** Calls a RUG meeting with the proposed agenda and posts it in the RUG channel. */
export async function createMeeting(deps: AppDeps, person: Person, input: MeetingInput): Promise<Meeting> {
  await assertSecretaryOrChair(deps, person);
  const parsed = parseMeetingInput(input);
  const now = deps.clock.now().toISOString();
  const proposed = await proposeAgenda(deps, parsed.year);
  const id = deps.ids.newId();
  const called: NewMeeting = {
    id,
    ...parsed,
    status: 'planned',
    agenda: [],
    attendance: { present: [], chair: null, secretary: meetingPerson(person), adjuster: null },
    signatures: {},
    comments: [],
    justeredAt: null,
    createdBy: meetingPerson(person),
    createdAt: now,
    updatedAt: now,
    // Posting the agenda is held in the meeting itself, so a fault after the create loses nothing.
    pendingRecords: cardRefresh(deps, { id }).pending,
  };
  // As many of the proposals as the record holds with room to decide them; the rest wait for the next.
  const agenda = agendaThatFits(
    called,
    proposed.map((i) => agendaItem(deps, i)),
  );
  const { meeting } = await deps.store.meetings.create({ ...called, agenda });
  return drainMeeting(deps, meeting);
}

/** The meetings of a year, for the tab's list and the annual compilation. */
export async function listMeetings(deps: AppDeps, year: number): Promise<Meeting[]> {
  return deps.store.meetings.listYear(year);
}
