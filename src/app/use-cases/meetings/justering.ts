import { meetingErrors } from '../../../domain/meeting/meeting.errors';
import type { Person } from '../../../domain/initiative/initiative.types';
import {
  assertReadyForJustering,
  commentBack,
  sign,
  minutesVersion,
} from '../../../domain/meeting/justering';
import type { Meeting } from '../../../domain/meeting/meeting.types';
import type { AppDeps } from '../../deps';
import { requireText } from '../text-input';
import {
  assertSecretaryOrChair,
  cardRefresh,
  commitMeeting,
  loadMeeting,
  meetingPerson,
  noteMeeting,
} from './meeting-support';

/** The secretary sends the drafted minutes to the chair and the adjuster, each of whom gets a card. */
export async function sendForJustering(deps: AppDeps, person: Person, meetingId: string): Promise<Meeting> {
  await assertSecretaryOrChair(deps, person);
  const { after } = await commitMeeting(deps, meetingId, (m) => {
    if (m.status === 'justering') return null;
    assertReadyForJustering(m);
    const next: Meeting = { ...m, status: 'justering', signatures: {} };
    const changes = cardRefresh(deps, m);
    for (const signer of [m.attendance.chair, m.attendance.adjuster]) {
      if (signer) {
        noteMeeting(changes, m, {
          kind: 'justering_requested',
          recipient: { type: 'user', objectId: signer.objectId },
        });
      }
    }
    return { next, records: changes };
  });
  return after;
}

/**
 * A signer approves the minutes. With both signatures they are justered and locked: the documents
 * are filed, the channel is told, and each initiator gets the protokollsutdrag of their paragraph.
 */
export async function approveMinutes(
  deps: AppDeps,
  person: Person,
  meetingId: string,
  /** The fingerprint of the minutes the signer was shown (the card and the tab send it). */
  shown?: string,
): Promise<Meeting> {
  const at = deps.clock.now().toISOString();
  // Who initiated each item, read before the change: the records of the change are made inside it.
  const initiators = new Map<string, string>();
  for (const item of (await loadMeeting(deps, meetingId)).agenda) {
    const initiative = await deps.store.initiatives.get(item.initiativeId);
    if (initiative) initiators.set(item.initiativeId, initiative.initiator.objectId);
  }
  const { after } = await commitMeeting(deps, meetingId, (m) => {
    if (shown !== undefined && m.status !== 'justered' && shown !== minutesVersion(m))
      throw meetingErrors.minutesChanged();
    const next = sign(m, meetingPerson(person), at);
    if (JSON.stringify(next.signatures) === JSON.stringify(m.signatures)) return null;
    const changes = cardRefresh(deps, m);
    if (next.status === 'justered') {
      noteMeeting(changes, m, { kind: 'minutes_justered', recipient: { type: 'channel', key: 'rug' } });
      for (const item of m.agenda) {
        const initiator = initiators.get(item.initiativeId);
        if (!item.decision || !initiator) continue;
        noteMeeting(changes, m, {
          kind: 'extract_ready',
          initiativeId: item.initiativeId,
          recipient: { type: 'user', objectId: initiator },
          data: { itemId: item.id, paragraph: String(item.decision.paragraph) },
        });
      }
    }
    return { next, records: changes };
  });
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
  const { after } = await commitMeeting(deps, meetingId, (m) => {
    const last = m.comments[m.comments.length - 1];
    if (m.status === 'held' && last?.by.objectId === person.objectId && last.text === text) return null;
    const next = commentBack(m, meetingPerson(person), at, text);
    const secretary = m.attendance.secretary ?? m.createdBy;
    const changes = noteMeeting(cardRefresh(deps, m), m, {
      kind: 'minutes_commented',
      recipient: { type: 'user', objectId: secretary.objectId },
    });
    // Comments accumulate over rounds of justering; they must leave room to sign the minutes.
    return { next, records: changes, grows: 'comment' as const };
  });
  return after;
}
