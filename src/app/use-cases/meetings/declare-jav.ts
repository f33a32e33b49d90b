import { records } from '../change-records';
import { commit } from '../commit';
import type { Person } from '../../../domain/initiative/initiative.types';
import { assertEditable, findItem, replaceItem } from '../../../domain/meeting/agenda';
import { declareJav, assertNotDeciding } from '../../../domain/meeting/jav';
import { meetingErrors } from '../../../domain/meeting/meeting.errors';
import type { AppDeps } from '../../deps';
import { assertSecretaryOrChair, cardRefresh, commitMeeting, meetingPerson } from './meeting-support';

/**
 * Notes jäv on an agenda item: a RUG member declares it for themself, or the secretary/chair records
 * it for a member. The minutes print it and the member cannot decide that item.
 */
export async function declareItemJav(
  deps: AppDeps,
  person: Person,
  meetingId: string,
  itemId: string,
  memberId: string = person.objectId,
) {
  // Recording jäv for someone else is keeping the minutes: the policy's manage_meeting.
  if (memberId !== person.objectId) await assertSecretaryOrChair(deps, person);
  const member = (await deps.directory.rugMembers()).find((m) => m.objectId === memberId);
  if (!member) throw meetingErrors.notPresent();
  const at = deps.clock.now().toISOString();
  const { after } = await commitMeeting(deps, meetingId, (m) => {
    assertEditable(m);
    const item = findItem(m, itemId);
    assertNotDeciding(item);
    const next = declareJav(item, meetingPerson(member), at);
    if (next === item) return null;
    return { next: { ...m, agenda: replaceItem(m.agenda, next) }, records: cardRefresh(deps, m) };
  });
  // Noted on the initiative too, in its audit trail: the member then cannot decide it by any path.
  const item = findItem(after, itemId);
  await commit(deps, item.initiativeId, (current) =>
    current.javDeclaredBy?.includes(memberId)
      ? null
      : {
          next: { ...current, javDeclaredBy: [...(current.javDeclaredBy ?? []), memberId] },
          // Who recorded it (the member, or the secretary keeping the minutes), and for whom.
          records: records(deps).audit(current.id, 'jav_declared', person, {
            after: { member: member.name, meetingId },
          }),
        },
  );
  return after;
}
