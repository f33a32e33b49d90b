/**
 * Finishing the record of a meeting decision is deciding too: when the chair's decision is on the
 * initiative but the agenda item is not yet marked (a fault between the two writes), or when the item
 * is already decided, a replay by someone who is not the chair or secretary is refused (403) and
 * changes nothing; the chair's own retry completes the record.
 */
import { recordDecision } from '../../../src/app/use-cases/decision';
import { decideItem } from '../../../src/app/use-cases/meetings/decide-item';
import { paragraphKey } from '../../../src/domain/meeting/paragraph';
import { bifall, meetingWorld } from './meeting-kit';

let w: ReturnType<typeof meetingWorld>;
beforeEach(() => {
  w = meetingWorld();
});
afterEach(() => w.deps.store.close());

const notAllowed = { kind: 'forbidden' };

it('refuses a member who replays a decision recorded on the initiative but not yet on the item', async () => {
  const initiative = await w.readyInitiative('Trygg hemgång');
  const meeting = await w.heldMeeting();
  const item = meeting.agenda[0]!;
  // The chair's press got as far as the decision on the initiative, then the process died.
  const paragraph = await w.deps.store.paragraphs.claim(meeting.year, paragraphKey(meeting.id, item.id));
  await recordDecision(w.deps, w.people.karin, initiative.id, {
    ...bifall,
    meetingDate: meeting.date,
    meeting: { meetingId: meeting.id, itemId: item.id, paragraph },
  });
  for (const who of [w.people.per, w.people.sara, w.people.anna]) {
    await expect(decideItem(w.deps, who, meeting.id, item.id, bifall)).rejects.toMatchObject(notAllowed);
  }
  const untouched = await w.deps.store.meetings.get(meeting.id);
  expect(untouched!.agenda[0]!.decision).toBeUndefined();
  // The chair's retry finishes it: the item gets the paragraph the decision already carries.
  const done = await decideItem(w.deps, w.people.karin, meeting.id, item.id, bifall);
  expect(done.agenda[0]!.decision).toMatchObject({ paragraph });
});

it('refuses a member who replays an item that is already decided, and the chair’s replay is harmless', async () => {
  await w.readyInitiative('Nutrition i hemmet');
  const meeting = await w.heldMeeting();
  const item = meeting.agenda[0]!;
  const decided = await decideItem(w.deps, w.people.karin, meeting.id, item.id, bifall);
  await expect(decideItem(w.deps, w.people.per, meeting.id, item.id, bifall)).rejects.toMatchObject(
    notAllowed,
  );
  const again = await decideItem(w.deps, w.people.johan, meeting.id, item.id, bifall);
  expect(again.agenda[0]!.decision).toEqual(decided.agenda[0]!.decision);
  expect(await w.deps.store.paragraphs.listYear(meeting.year)).toHaveLength(1);
});
