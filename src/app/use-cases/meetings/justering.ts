import type { Person } from '../../../domain/initiative/initiative.types';
import { assertReadyForJustering, commentBack, sign } from '../../../domain/meeting/justering';
import type { Meeting } from '../../../domain/meeting/meeting.types';
import type { AppDeps } from '../../deps';
import { requireText } from '../text-input';
import {
  assertSecretaryOrChair,
  meetingPerson,
  notifyMeeting,
  refreshMeetingCard,
  updateMeeting,
} from './meeting-support';

/** The secretary sends the drafted minutes to the chair and the adjuster, each of whom gets a card. */
export async function sendForJustering(deps: AppDeps, person: Person, meetingId: string): Promise<Meeting> {
  await assertSecretaryOrChair(deps, person);
  const { after, changed } = await updateMeeting(deps, meetingId, (m) => {
    if (m.status === 'justering') return null;
    assertReadyForJustering(m);
    return { ...m, status: 'justering', signatures: {} };
  });
  if (!changed) return after;
  const signers = [after.attendance.chair, after.attendance.adjuster].filter((p) => !!p);
  for (const signer of signers) {
    await notifyMeeting(deps, after, {
      kind: 'justering_requested',
      recipient: { type: 'user', objectId: signer.objectId },
    });
  }
  await refreshMeetingCard(deps, after);
  return after;
}

/**
 * A signer approves the minutes. With both signatures they are justered and locked; each initiator
 * then gets the protokollsutdrag of their paragraph in chat.
 */
export async function approveMinutes(deps: AppDeps, person: Person, meetingId: string): Promise<Meeting> {
  const at = deps.clock.now().toISOString();
  const { after, changed } = await updateMeeting(deps, meetingId, (m) => {
    const next = sign(m, meetingPerson(person), at);
    return JSON.stringify(next.signatures) === JSON.stringify(m.signatures) ? null : next;
  });
  if (changed && after.status === 'justered') {
    await notifyMeeting(deps, after, {
      kind: 'minutes_justered',
      recipient: { type: 'channel', key: 'rug' },
    });
    for (const item of after.agenda) {
      if (!item.decision) continue;
      const initiative = await deps.store.initiatives.get(item.initiativeId);
      if (!initiative) continue;
      await notifyMeeting(deps, after, {
        kind: 'extract_ready',
        initiativeId: initiative.id,
        recipient: { type: 'user', objectId: initiative.initiator.objectId },
        data: { itemId: item.id, paragraph: String(item.decision.paragraph) },
      });
    }
  }
  if (changed) await refreshMeetingCard(deps, after);
  return after;
}

/** A signer sends the minutes back to the secretary with a comment instead of approving. */
export async function commentOnMinutes(
  deps: AppDeps,
  person: Person,
  meetingId: string,
  comment: string,
): Promise<Meeting> {
  const text = requireText('comment', comment, 2000);
  const at = deps.clock.now().toISOString();
  const { after, changed } = await updateMeeting(deps, meetingId, (m) => {
    const last = m.comments[m.comments.length - 1];
    if (m.status === 'held' && last?.by.objectId === person.objectId && last.text === text) return null;
    return commentBack(m, meetingPerson(person), at, text);
  });
  const secretary = after.attendance.secretary ?? after.createdBy;
  if (changed) {
    await notifyMeeting(deps, after, {
      kind: 'minutes_commented',
      recipient: { type: 'user', objectId: secretary.objectId },
    });
    await refreshMeetingCard(deps, after);
  }
  return after;
}
