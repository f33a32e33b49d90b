import type { Person } from '../../../domain/initiative/initiative.types';
import { meetingErrors } from '../../../domain/meeting/meeting.errors';
import { assertMay } from '../../../domain/policy/policy';
import type { Meeting, MeetingPerson } from '../../../domain/meeting/meeting.types';
import type { AppDeps } from '../../deps';
import type { Notification } from '../../ports/outbox.port';
import { ConflictError } from '../../ports/store.errors';
import { records } from '../change-records';

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

/** Queues a meeting notification; `initiativeId` names the meeting for meeting-wide messages. */
export function notifyMeeting(
  deps: AppDeps,
  meeting: Pick<Meeting, 'id'>,
  n: Omit<Notification, 'id' | 'createdAt' | 'initiativeId' | 'data'> & {
    initiativeId?: string;
    data?: Readonly<Record<string, string>>;
  },
): Promise<void> {
  // A notification that cannot be queued is logged, never shown to the acting user (as elsewhere).
  return records(deps)
    .notify({
      kind: n.kind,
      recipient: n.recipient,
      initiativeId: n.initiativeId ?? meeting.id,
      data: { meetingId: meeting.id, ...n.data },
    })
    .write();
}

/** Re-posts the agenda card in the RUG channel after anything that shows on it changed. */
export const refreshMeetingCard = (deps: AppDeps, meeting: Pick<Meeting, 'id'>) =>
  notifyMeeting(deps, meeting, { kind: 'meeting_agenda', recipient: { type: 'channel', key: 'rug' } });
