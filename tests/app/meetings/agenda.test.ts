import { createMeeting, proposeAgenda } from '../../../src/app/use-cases/meetings/create-meeting';
import {
  addAgendaItem,
  moveAgendaItem,
  removeAgendaItem,
} from '../../../src/app/use-cases/meetings/edit-agenda';
import { setAttendance } from '../../../src/app/use-cases/meetings/attendance';
import { drainPendingMeetings } from '../../../src/app/use-cases/meetings/meeting-support';
import { decideItem } from '../../../src/app/use-cases/meetings/decide-item';
import { submitInitiative } from '../../../src/app/use-cases/submit-initiative';
import { validForm } from '../../support/fixtures';
import { bifall, meetingWorld } from './meeting-kit';

describe('a RUG meeting and its agenda', () => {
  let w: ReturnType<typeof meetingWorld>;
  beforeEach(() => {
    w = meetingWorld();
  });
  afterEach(() => w.deps.store.close());

  it('proposes the initiatives whose proposal is ready, oldest proposal first, and posts the agenda', async () => {
    const first = await w.readyInitiative('Trygg hemgång');
    const second = await w.readyInitiative('Nutrition i hemmet');
    // Not ready: sent but not yet prepared.
    await submitInitiative(w.deps, w.people.anna, {
      form: validForm({ title: 'Tidig upptäckt' }),
      clientKey: 'not-ready-1',
    });
    const ready = await proposeAgenda(w.deps, 2026);
    expect(ready.map((i) => i.form.title)).toEqual(['Trygg hemgång', 'Nutrition i hemmet']);
    const meeting = await createMeeting(w.deps, w.people.johan, {
      clientKey: 'meeting-0001',
      date: '2026-04-15',
      time: '09:00',
      place: 'Teams',
      onlineLink: 'https://teams.microsoft.com/l/meetup-join/abc',
    });
    expect(meeting.agenda.map((i) => i.initiativeId)).toEqual([first.id, second.id]);
    expect(meeting).toMatchObject({
      status: 'planned',
      year: 2026,
      attendance: { secretary: { name: 'Johan Berg' } },
    });
    expect((await w.queued()).filter((n) => n.kind === 'meeting_agenda')).toHaveLength(1);
    // A double click creates no second meeting, and a second meeting does not propose the same items.
    const again = await createMeeting(w.deps, w.people.johan, {
      clientKey: 'meeting-0001',
      date: '2026-04-15',
      time: '09:00',
      place: 'Teams',
    });
    expect(again.id).toBe(meeting.id);
    expect(await proposeAgenda(w.deps, 2026)).toEqual([]);
  });

  it('refuses a meeting without a valid date and time, with every issue at once', async () => {
    await expect(
      createMeeting(w.deps, w.people.johan, {
        clientKey: 'meeting-0002',
        date: '2026-02-30',
        time: '25:00',
        place: '',
      }),
    ).rejects.toMatchObject({
      code: 'INITIATIVE.VALIDATION',
      issues: [{ field: 'date' }, { field: 'time' }, { field: 'place' }],
    });
  });

  it('lets only the secretary or chair build the agenda; reorders, adds and removes until justering', async () => {
    const a = await w.readyInitiative('A');
    const b = await w.readyInitiative('B');
    await expect(
      createMeeting(w.deps, w.people.per, {
        clientKey: 'meeting-0003',
        date: '2026-04-15',
        time: '09:00',
        place: 'X',
      }),
    ).rejects.toMatchObject({ code: 'MEETING.NOT_ALLOWED' });
    const meeting = await createMeeting(w.deps, w.people.johan, {
      clientKey: 'meeting-0003',
      date: '2026-04-15',
      time: '09:00',
      place: 'X',
    });
    const [itemA, itemB] = meeting.agenda;
    const moved = await moveAgendaItem(w.deps, w.people.johan, meeting.id, itemB!.id, 0);
    expect(moved.agenda.map((i) => i.initiativeId)).toEqual([b.id, a.id]);
    const removed = await removeAgendaItem(w.deps, w.people.karin, meeting.id, itemA!.id);
    expect(removed.agenda.map((i) => i.initiativeId)).toEqual([b.id]);
    await expect(addAgendaItem(w.deps, w.people.johan, meeting.id, b.id)).rejects.toMatchObject({
      code: 'MEETING.ALREADY_ON_AGENDA',
    });
    const back = await addAgendaItem(w.deps, w.people.johan, meeting.id, a.id);
    expect(back.agenda.map((i) => i.initiativeId)).toEqual([b.id, a.id]);
    await expect(
      removeAgendaItem(w.deps, w.people.per, meeting.id, back.agenda[0]!.id),
    ).rejects.toMatchObject({
      code: 'MEETING.NOT_ALLOWED',
    });
  });

  it('keeps a decided item on the agenda: it holds its paragraph', async () => {
    await w.readyInitiative('A');
    const meeting = await w.heldMeeting();
    const item = meeting.agenda[0]!;
    await decideItem(w.deps, w.people.karin, meeting.id, item.id, bifall);
    await expect(removeAgendaItem(w.deps, w.people.johan, meeting.id, item.id)).rejects.toMatchObject({
      code: 'MEETING.ITEM_DECIDED',
    });
    await expect(moveAgendaItem(w.deps, w.people.johan, meeting.id, item.id, 3)).rejects.toMatchObject({
      code: 'MEETING.ITEM_DECIDED',
    });
  });

  it('takes attendance from the RUG roster and refuses a chair or adjuster who is not present', async () => {
    const meeting = await w.heldMeeting();
    expect(meeting.attendance).toMatchObject({
      chair: { name: 'Karin Lund' },
      secretary: { name: 'Johan Berg' },
      adjuster: { name: 'Maria Ek' },
    });
    expect(meeting.attendance.present.map((p) => p.name)).toEqual([
      'Karin Lund',
      'Johan Berg',
      'Per Nilsson',
      'Maria Ek',
    ]);
    await expect(
      setAttendance(w.deps, w.people.johan, meeting.id, {
        presentIds: [w.people.karin.objectId, 'not-a-member'],
        chairId: w.people.karin.objectId,
        secretaryId: w.people.johan.objectId,
        adjusterId: w.people.per.objectId,
      }),
    ).rejects.toMatchObject({ issues: [{ field: 'presentIds' }, { field: 'adjusterId' }] });
  });

  it('keeps the agenda card notice in the meeting when the outbox write fails, and writes it with the next change', async () => {
    await w.readyInitiative('A');
    const store = w.deps.store;
    const original = store.recordTogether.bind(store);
    let failing = true;
    (store as { recordTogether: typeof store.recordTogether }).recordTogether = (e, n) =>
      failing ? Promise.reject(new Error('outbox down')) : original(e, n);
    const meeting = await createMeeting(w.deps, w.people.johan, {
      clientKey: 'meeting-fault-1',
      date: '2026-04-15',
      time: '09:00',
      place: 'X',
    });
    expect((await w.queued()).filter((n) => n.kind === 'meeting_agenda')).toHaveLength(0);
    expect((await store.meetings.get(meeting.id))?.pendingRecords?.notifications).toHaveLength(1);
    failing = false;
    // The dispatcher's sweep writes it out without waiting for another change.
    expect(await drainPendingMeetings(w.deps)).toBe(1);
    expect((await w.queued()).filter((n) => n.kind === 'meeting_agenda')).toHaveLength(1);
    await setAttendance(w.deps, w.people.johan, meeting.id, {
      presentIds: [w.people.karin.objectId],
      chairId: w.people.karin.objectId,
      secretaryId: w.people.johan.objectId,
      adjusterId: null,
    });
    // Each change's notice once; nothing left pending.
    expect((await w.queued()).filter((n) => n.kind === 'meeting_agenda')).toHaveLength(2);
    expect((await store.meetings.get(meeting.id))?.pendingRecords?.notifications ?? []).toHaveLength(0);
  });
});
