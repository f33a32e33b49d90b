import type { AppDeps } from '../../app/deps';
import { proposeAgenda } from '../../app/use-cases/meetings/create-meeting';
import { minutesOf } from '../../app/use-cases/meetings/minutes-query';
import type { MeetingList, MeetingPage, MeetingRow } from '../../contracts/meeting-api';
import type { Person } from '../../domain/initiative/initiative.types';
import { minutesVersion, signerRoles } from '../../domain/meeting/justering';
import { may } from '../../domain/policy/policy';
import type { Meeting } from '../../domain/meeting/meeting.types';

const row = (m: Meeting): MeetingRow => ({
  id: m.id,
  date: m.date,
  time: m.time,
  place: m.place,
  status: m.status,
  items: m.agenda.length,
  decided: m.agenda.filter((i) => i.decision).length,
});

/**
 * The meeting with every person in it ({ objectId, name }) shown by name only: the reader's own id
 * is kept (the page marks "you"), other people's object ids are left out.
 */
function namesOnly<T>(value: T, readerId: string): T {
  if (Array.isArray(value)) return value.map((v: unknown) => namesOnly(v, readerId)) as T;
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const person = typeof o.objectId === 'string' && typeof o.name === 'string';
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o))
      out[k] = person && k === 'objectId' ? (v === readerId ? v : '') : namesOnly(v, readerId);
    return out as T;
  }
  return value;
}

/** The meetings of a year, newest first: minutes are public records, so everyone signed in sees them. */
export async function meetingList(deps: AppDeps, year: number): Promise<MeetingList> {
  const meetings = await deps.store.meetings.listYear(year);
  return { year, items: meetings.map(row).reverse() };
}

/** The meeting page: the meeting, its minutes as they stand, and what the viewer may do. */
export async function meetingPage(deps: AppDeps, person: Person, meetingId: string): Promise<MeetingPage> {
  const { meeting, minutes } = await minutesOf(deps, meetingId);
  const roles = await deps.directory.rolesOf(person.objectId);
  const officer = may('manage_meeting', null, { objectId: person.objectId, roles });
  const open = meeting.status === 'planned' || meeting.status === 'held';
  const candidates = officer && open ? await proposeAgenda(deps, meeting.year) : [];
  const roster = officer ? await deps.directory.rugMembers() : [];
  const { version: _v, clientKey: _k, card: _c, pendingRecords: _p, ...shown } = meeting;
  const signer = signerRoles(meeting, person.objectId).length > 0;
  return {
    // Officers keep the keeping of the minutes (attendance needs people's ids); everyone else sees
    // people by name only, and the signers' comments to the secretary only if they are one of them.
    meeting: officer
      ? shown
      : { ...namesOnly(shown, person.objectId), comments: signer ? shown.comments : [] },
    minutes,
    candidates: candidates
      .filter((i) => !meeting.agenda.some((a) => a.initiativeId === i.id))
      .map((i) => ({ id: i.id, ref: i.ref, title: i.form.title })),
    roster: roster.map((m) => ({ objectId: m.objectId, name: m.name })),
    shownMinutes: minutesVersion(meeting),
    can: {
      edit: officer && open,
      decide: officer && open,
      sign: meeting.status === 'justering' && signerRoles(meeting, person.objectId).length > 0,
    },
  };
}
