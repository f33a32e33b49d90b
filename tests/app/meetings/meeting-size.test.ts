/**
 * A meeting record stays storable: no write of it — its pending notifications included — outgrows
 * what SharePoint's multi-line column holds (63,999 characters). Adding items or comments stops at a
 * soft limit with a clear message, and a meeting at that limit can still have every item decided
 * with its §, the minutes sent out and signed (the justering write holds an extract notice per item).
 */
import { decideItem } from '../../../src/app/use-cases/meetings/decide-item';
import { addAgendaItem } from '../../../src/app/use-cases/meetings/edit-agenda';
import { setAttendance } from '../../../src/app/use-cases/meetings/attendance';
import { createMeeting, proposeAgenda } from '../../../src/app/use-cases/meetings/create-meeting';
import {
  approveMinutes,
  commentOnMinutes,
  sendForJustering,
} from '../../../src/app/use-cases/meetings/justering';
import { minutesVersion } from '../../../src/domain/meeting/justering';
import { MEETING_HARD_MAX, projectedSize } from '../../../src/domain/meeting/meeting-size';
import type { Meeting } from '../../../src/domain/meeting/meeting.types';
import { bifall, meetingWorld } from './meeting-kit';

jest.setTimeout(60_000);

/** SharePoint's multi-line text column. */
const COLUMN = 63_999;
let w: ReturnType<typeof meetingWorld>;
/** The longest text any write of a meeting stored. */
let largest = 0;
beforeEach(() => {
  w = meetingWorld();
  largest = 0;
  const meetings = w.deps.store.meetings;
  const update = meetings.update.bind(meetings);
  const create = meetings.create.bind(meetings);
  const measure = (m: object) => (largest = Math.max(largest, JSON.stringify(m).length));
  meetings.update = (m) => (measure(m), update(m));
  meetings.create = (m) => (measure(m), create(m));
});
afterEach(() => w.deps.store.close());

const stored = async (id: string) => (await w.deps.store.meetings.get(id))!;
const title = (n: number) =>
  `${String(n).padStart(3, '0')} Gemensam utveckling av trygg hemgång och samordnad individuell plan i hela Halland`;

async function signAll(meeting: Meeting) {
  await sendForJustering(w.deps, w.people.johan, meeting.id);
  for (const signer of [w.people.karin, w.people.maria]) {
    await approveMinutes(w.deps, signer, meeting.id, minutesVersion(await stored(meeting.id)));
  }
  return stored(meeting.id);
}

it('proposes only the items that fit, refuses one more clearly, and still decides, sends out and signs them all', async () => {
  for (let n = 1; n <= 200; n++) await w.readyInitiative(title(n));
  const called = await createMeeting(w.deps, w.people.johan, {
    clientKey: 'full-meeting',
    date: '2026-04-15',
    time: '09:00',
    place: 'Regionens hus, Halmstad',
  });
  const onAgenda = called.agenda.length;
  expect(onAgenda).toBeGreaterThan(50);
  expect(onAgenda).toBeLessThan(200);
  // The agenda takes as many proposals as leave room for the rest of the meeting.
  expect(projectedSize(called)).toBeLessThanOrEqual(MEETING_HARD_MAX);
  // Attendance is not held to the soft limit: it must always be recordable.
  const meeting = await setAttendance(w.deps, w.people.johan, called.id, {
    presentIds: [w.people.karin, w.people.johan, w.people.per, w.people.maria].map((p) => p.objectId),
    chairId: w.people.karin.objectId,
    secretaryId: w.people.johan.objectId,
    adjusterId: w.people.maria.objectId,
  });

  // The rest wait for the next meeting; adding one to this meeting is refused and stores nothing.
  const waiting = await proposeAgenda(w.deps, meeting.year);
  expect(waiting).toHaveLength(200 - onAgenda);
  const refused = await addAgendaItem(w.deps, w.people.johan, meeting.id, waiting[0]!.id).catch(
    (err: unknown) => err,
  );
  expect(refused).toMatchObject({
    code: 'MEETING.RECORD_FULL',
    kind: 'conflict',
    userMessage: {
      sv: 'Föredragningslistan rymmer inte fler ärenden. Ta upp initiativet på ett nytt möte.',
    },
  });
  expect((await stored(meeting.id)).agenda).toHaveLength(onAgenda);

  // At the limit every item can still be decided with its §, and the minutes sent out and signed.
  for (const item of meeting.agenda) await decideItem(w.deps, w.people.karin, meeting.id, item.id, bifall);
  const signed = await signAll(meeting);
  expect(signed.status).toBe('justered');
  expect(signed.agenda.every((i) => i.decision)).toBe(true);
  expect(largest).toBeGreaterThan(45_000); // the test did bring the record near its limit
  expect(largest).toBeLessThan(COLUMN);
});

it('stops comments on the minutes at the limit, and the minutes can still be signed', async () => {
  await w.readyInitiative('Trygg hemgång');
  const meeting = await w.heldMeeting();
  await decideItem(w.deps, w.people.karin, meeting.id, meeting.agenda[0]!.id, bifall);
  let refused: unknown = null;
  let comments = 0;
  for (let n = 0; n < 40 && !refused; n++) {
    await sendForJustering(w.deps, w.people.johan, meeting.id);
    await commentOnMinutes(
      w.deps,
      w.people.maria,
      meeting.id,
      `${n}: ${'Rätta stavningen i § 1. '.repeat(80)}`,
    )
      .then(() => (comments += 1))
      .catch((err: unknown) => (refused = err));
  }
  expect(comments).toBeGreaterThan(10);
  expect(refused).toMatchObject({
    code: 'MEETING.RECORD_FULL',
    userMessage: { sv: expect.stringContaining('Skriv en kortare kommentar') },
  });
  const atLimit = await stored(meeting.id);
  expect(atLimit.comments).toHaveLength(comments);
  expect(projectedSize(atLimit)).toBeLessThanOrEqual(MEETING_HARD_MAX);
  const signed = await signAll(meeting);
  expect(signed.status).toBe('justered');
  expect(largest).toBeLessThan(COLUMN);
});
