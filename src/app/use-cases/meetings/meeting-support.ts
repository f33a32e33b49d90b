import type { Person } from '../../../domain/initiative/initiative.types';
import { meetingErrors } from '../../../domain/meeting/meeting.errors';
import { assertMeetingFits, type Growth } from '../../../domain/meeting/meeting-size';
import type { Meeting, MeetingPerson } from '../../../domain/meeting/meeting.types';
import { assertMay } from '../../../domain/policy/policy';
import type { Notification } from '../../../domain/records/notification';
import { hasRecords, mergeRecords, withoutRecords } from '../../../domain/records/pending';
import type { AppDeps } from '../../deps';
import { ConflictError } from '../../ports/store.errors';
import { type ChangeRecords, records, writeRecords } from '../change-records';

export const meetingPerson = (p: Pick<Person, 'objectId' | 'name'>): MeetingPerson => ({
  objectId: p.objectId,
  name: p.name,
});

export async function loadMeeting(deps: AppDeps, id: string): Promise<Meeting> {
  const meeting = await deps.store.meetings.get(id);
  if (!meeting) throw meetingErrors.notFound();
  return meeting;
}

/** The RUG secretary and chair build the agenda, keep attendance and send the minutes out (the policy). */
export async function assertSecretaryOrChair(deps: AppDeps, person: Pick<Person, 'objectId'>): Promise<void> {
  const roles = await deps.directory.rolesOf(person.objectId);
  assertMay('manage_meeting', null, { objectId: person.objectId, roles });
}

/**
 * Optimistic concurrency on the meeting record: re-reads and re-applies the change when another
 * writer won. `change` returns null when there is nothing left to do (a retried request).
 */
export async function updateMeeting(
  deps: AppDeps,
  id: string,
  change: (current: Meeting) => Meeting | null,
  attempts = 8,
): Promise<{ before: Meeting; after: Meeting; changed: boolean }> {
  for (let n = 1; ; n++) {
    const before = await loadMeeting(deps, id);
    const next = change(before);
    if (!next) return { before, after: before, changed: false };
    try {
      const after = await deps.store.meetings.update({ ...next, updatedAt: deps.clock.now().toISOString() });
      return { before, after, changed: true };
    } catch (err) {
      if (!(err instanceof ConflictError) || n >= attempts) throw err;
    }
  }
}

/**
 * A change to a meeting and the notifications it leaves; null when there is nothing left to do. A
 * change that adds items or comments says so (`grows`): it must leave room for what is still to come
 * (meeting-size.ts).
 */
export type MeetingChange = (
  current: Meeting,
) => { next: Meeting; records: ChangeRecords; grows?: Growth } | null;

/**
 * The one way a meeting use case changes a meeting: the new state and its notifications go to the
 * store in one write (held in the meeting as pending), then are written out — as `commit` does for an
 * initiative, so a fault between the two writes loses nothing and a replay doubles nothing.
 */
export async function commitMeeting(
  deps: AppDeps,
  id: string,
  change: MeetingChange,
): Promise<{ before: Meeting; after: Meeting; changed: boolean }> {
  // More attempts than for an initiative: in the meeting everyone writes to this one record.
  const result = await updateMeeting(
    deps,
    id,
    (current) => {
      const c = change(current);
      if (!c) return null;
      const next = { ...c.next, pendingRecords: mergeRecords(current.pendingRecords, c.records.pending) };
      // Checked before anything is written: a record that could not be stored is refused clearly.
      assertMeetingFits(next, c.grows);
      return next;
    },
    20,
  );
  return { ...result, after: await drainMeeting(deps, result.after) };
}

/** Writes a meeting's pending notifications and removes them from it; never throws. */
export async function drainMeeting(deps: AppDeps, meeting: Meeting): Promise<Meeting> {
  const pending = meeting.pendingRecords;
  if (!hasRecords(pending)) return meeting;
  try {
    await writeRecords(deps, pending);
    const { after } = await updateMeeting(
      deps,
      meeting.id,
      (current) => {
        const left = withoutRecords(current.pendingRecords, pending);
        const same = left.notifications.length === (current.pendingRecords?.notifications.length ?? 0);
        return same ? null : { ...current, pendingRecords: left };
      },
      3,
    );
    return after;
  } catch (err) {
    deps.log.warn('meeting notifications left pending; the next change writes them', {
      meetingId: meeting.id,
      err,
    });
    return meeting;
  }
}

/** The sweep for meetings: writes what a fault left pending in any meeting; never throws. */
export async function drainPendingMeetings(deps: AppDeps): Promise<number> {
  let drained = 0;
  for (const meeting of await deps.store.meetings.listPending()) {
    const after = await drainMeeting(deps, meeting);
    if (!hasRecords(after.pendingRecords)) drained++;
  }
  return drained;
}

type MeetingNote = Omit<Notification, 'id' | 'createdAt' | 'initiativeId' | 'data'> & {
  initiativeId?: string;
  data?: Readonly<Record<string, string>>;
};

/** Adds a meeting notification; `initiativeId` names the meeting for meeting-wide messages. */
export function noteMeeting(
  changes: ChangeRecords,
  meeting: Pick<Meeting, 'id'>,
  n: MeetingNote,
): ChangeRecords {
  return changes.notify({
    kind: n.kind,
    recipient: n.recipient,
    initiativeId: n.initiativeId ?? meeting.id,
    data: { meetingId: meeting.id, ...n.data },
  });
}

/** The records of a change that shows on the agenda card: re-post it in the RUG channel. */
export const cardRefresh = (deps: AppDeps, meeting: Pick<Meeting, 'id'>): ChangeRecords =>
  noteMeeting(records(deps), meeting, { kind: 'meeting_agenda', recipient: { type: 'channel', key: 'rug' } });
