import { fingerprint } from '../initiative/shown-version';
import type { Meeting, MeetingPerson, Signature } from './meeting.types';
import { meetingErrors } from './meeting.errors';

/** Which signature a person gives: the meeting's chair signs as chair, its adjuster as adjuster. */
export type SignerRole = 'chair' | 'adjuster';

export function signerRoles(meeting: Pick<Meeting, 'attendance'>, objectId: string): SignerRole[] {
  const roles: SignerRole[] = [];
  if (meeting.attendance.chair?.objectId === objectId) roles.push('chair');
  if (meeting.attendance.adjuster?.objectId === objectId) roles.push('adjuster');
  return roles;
}

/** The minutes can go out for justering once they name both signers and record a decision. */
export function assertReadyForJustering(meeting: Meeting): void {
  if (meeting.status === 'justered') throw meetingErrors.locked();
  if (meeting.agenda.some((i) => i.deciding && !i.decision)) throw meetingErrors.decisionInProgress();
  const { chair, adjuster } = meeting.attendance;
  const decided = meeting.agenda.some((i) => i.decision);
  if (!chair || !adjuster || !decided) throw meetingErrors.notReadyForJustering();
}

/**
 * Adds a signer's approval. When both signatures are there the minutes are justered: locked, dated
 * with the later signature. Signing twice is harmless (a double click).
 */
export function sign(meeting: Meeting, by: MeetingPerson, at: string): Meeting {
  if (meeting.status === 'justered') return meeting;
  if (meeting.status !== 'justering') throw meetingErrors.notInJustering();
  const roles = signerRoles(meeting, by.objectId);
  if (roles.length === 0) throw meetingErrors.notSigner();
  const signature: Signature = { by, at };
  const signatures = { ...meeting.signatures };
  for (const role of roles) signatures[role] ??= signature;
  const done = !!signatures.chair && !!signatures.adjuster;
  return {
    ...meeting,
    signatures,
    status: done ? 'justered' : 'justering',
    justeredAt: done ? at : null,
  };
}

/** A signer sends the minutes back with a comment: signatures are cleared, the secretary revises. */
export function commentBack(meeting: Meeting, by: MeetingPerson, at: string, text: string): Meeting {
  if (meeting.status === 'justered') throw meetingErrors.locked();
  if (meeting.status !== 'justering') throw meetingErrors.notInJustering();
  if (signerRoles(meeting, by.objectId).length === 0) throw meetingErrors.notSigner();
  return { ...meeting, status: 'held', signatures: {}, comments: [...meeting.comments, { by, at, text }] };
}

/**
 * What a signer has in front of them: the minutes' items with their decisions and jäv notes, who took
 * part, and the comment rounds so far. A justering card carries this fingerprint; a signature given
 * on minutes that have changed since is refused.
 */
export function minutesVersion(
  m: Pick<Meeting, 'agenda' | 'attendance' | 'comments' | 'date' | 'place'>,
): string {
  const items = m.agenda.map((i) => [i.id, i.decision ?? null, i.jav.map((j) => j.member.objectId)]);
  return fingerprint(JSON.stringify([items, m.attendance, m.comments.length, m.date, m.place]));
}
