import type { Person } from '../../../domain/initiative/initiative.types';
import { assertEditable } from '../../../domain/meeting/agenda';
import type { Attendance, MeetingPerson } from '../../../domain/meeting/meeting.types';
import { type FieldIssue, ValidationError } from '../../../domain/shared/domain.errors';
import type { AppDeps } from '../../deps';
import { assertSecretaryOrChair, cardRefresh, commitMeeting, meetingPerson } from './meeting-support';

export interface AttendanceInput {
  readonly presentIds: readonly string[];
  readonly chairId: string | null;
  readonly secretaryId: string | null;
  readonly adjusterId: string | null;
}

const unknown = (field: string): FieldIssue => ({
  field,
  code: 'FIELD.NOT_PRESENT',
  message: {
    sv: 'Välj någon som är närvarande på mötet.',
    en: 'Choose someone who is present at the meeting.',
  },
});

/**
 * Records who is present (from the RUG roster), the chair, the secretary and the adjuster. Names come
 * from the directory, never from the request; the chair and the adjuster must be present and differ.
 */
export async function setAttendance(
  deps: AppDeps,
  person: Person,
  meetingId: string,
  input: AttendanceInput,
) {
  await assertSecretaryOrChair(deps, person);
  const roster = new Map((await deps.directory.rugMembers()).map((m) => [m.objectId, meetingPerson(m)]));
  const present = [...new Set(input.presentIds)].map((id) => roster.get(id)).filter((m) => !!m);
  const pick = (field: string, id: string | null, issues: FieldIssue[]): MeetingPerson | null => {
    if (!id) return null;
    const found = present.find((p) => p.objectId === id);
    if (!found) issues.push(unknown(field));
    return found ?? null;
  };
  const issues: FieldIssue[] = [];
  if (present.length !== new Set(input.presentIds).size) issues.push(unknown('presentIds'));
  const attendance: Attendance = {
    present,
    chair: pick('chairId', input.chairId, issues),
    // The secretary keeps the minutes and need not be a voting member: the caller may name themself.
    secretary:
      input.secretaryId === person.objectId
        ? meetingPerson(person)
        : pick('secretaryId', input.secretaryId, issues),
    adjuster: pick('adjusterId', input.adjusterId, issues),
  };
  if (attendance.chair && attendance.adjuster?.objectId === attendance.chair.objectId) {
    issues.push({
      field: 'adjusterId',
      code: 'FIELD.ADJUSTER_IS_CHAIR',
      message: {
        sv: 'Justeraren ska vara någon annan än ordföranden.',
        en: 'The adjuster must not be the chair.',
      },
    });
  }
  if (issues.length > 0) throw new ValidationError(issues);
  const { after } = await commitMeeting(deps, meetingId, (m) => {
    assertEditable(m);
    if (JSON.stringify(m.attendance) === JSON.stringify(attendance)) return null;
    return { next: { ...m, attendance }, records: cardRefresh(deps, m) };
  });
  return after;
}
