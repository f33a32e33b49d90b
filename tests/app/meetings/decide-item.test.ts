import { recordDecision } from '../../../src/app/use-cases/decision';
import { sendForJustering } from '../../../src/app/use-cases/meetings/justering';
import { decideItem } from '../../../src/app/use-cases/meetings/decide-item';
import { declareItemJav } from '../../../src/app/use-cases/meetings/declare-jav';
import { addAgendaItem, removeAgendaItem } from '../../../src/app/use-cases/meetings/edit-agenda';
import { minutesOf } from '../../../src/app/use-cases/meetings/minutes-query';
import { isGapless } from '../../../src/domain/meeting/paragraph';
import { bifall, meetingWorld } from './meeting-kit';

describe('deciding agenda items: paragraphs and jäv', () => {
  let w: ReturnType<typeof meetingWorld>;
  beforeEach(() => {
    w = meetingWorld();
  });
  afterEach(() => w.deps.store.close());

  it('records the decision with the same use case as before, tied to the meeting and numbered § 1, § 2', async () => {
    const a = await w.readyInitiative('Trygg hemgång');
    const b = await w.readyInitiative('Nutrition i hemmet');
    const meeting = await w.heldMeeting();
    const [itemA, itemB] = meeting.agenda;
    // Decided in the other order than listed: numbers follow the order of deciding.
    await decideItem(w.deps, w.people.karin, meeting.id, itemB!.id, { ...bifall, outcome: 'avslag' });
    const after = await decideItem(w.deps, w.people.karin, meeting.id, itemA!.id, bifall);
    expect(after.status).toBe('held');
    expect(after.agenda.map((i) => i.decision?.paragraph)).toEqual([2, 1]);
    const decidedA = await w.deps.store.initiatives.get(a.id);
    const decidedB = await w.deps.store.initiatives.get(b.id);
    expect(decidedA).toMatchObject({
      status: 'approved',
      decisions: [{ meetingDate: '2026-04-15', meeting: { meetingId: meeting.id, paragraph: 2 } }],
    });
    expect(decidedB?.status).toBe('rejected');
    // The initiator still gets today's decision notification.
    expect((await w.queued()).filter((n) => n.kind === 'decided')).toHaveLength(2);
    const { minutes } = await minutesOf(w.deps, meeting.id);
    expect(minutes.paragraphs.map((p) => [p.number, p.heading.split(';')[0]])).toEqual([
      [1, 'Nutrition i hemmet'],
      [2, 'Trygg hemgång'],
    ]);
  });

  it('numbers gaplessly per year, continuing across meetings and starting again in a new year', async () => {
    await w.readyInitiative('A');
    const spring = await w.heldMeeting('2026-04-15');
    await decideItem(w.deps, w.people.karin, spring.id, spring.agenda[0]!.id, bifall);
    await w.readyInitiative('B');
    await w.readyInitiative('C');
    const autumn = await w.heldMeeting('2026-10-01');
    for (const item of autumn.agenda) await decideItem(w.deps, w.people.karin, autumn.id, item.id, bifall);
    await w.readyInitiative('D');
    const next = await w.heldMeeting('2027-01-20');
    const decided = await decideItem(w.deps, w.people.karin, next.id, next.agenda[0]!.id, bifall);
    expect((await w.deps.store.paragraphs.listYear(2026)).map((p) => p.number)).toEqual([1, 2, 3]);
    expect(decided.agenda[0]!.decision?.paragraph).toBe(1);
  });

  it('stays gapless when the chair and the secretary decide items of two meetings at the same time', async () => {
    for (const t of ['A', 'B', 'C', 'D', 'E', 'F']) await w.readyInitiative(t);
    const first = await w.heldMeeting('2026-04-15');
    const second = await w.heldMeeting('2026-04-15');
    // The second meeting proposed nothing (all waiting on the first); move three items over.
    const moved = first.agenda.slice(3);
    for (const item of moved) {
      await removeAgendaItem(w.deps, w.people.johan, first.id, item.id);
      await addAgendaItem(w.deps, w.people.johan, second.id, item.initiativeId);
    }
    const secondNow = (await w.deps.store.meetings.get(second.id))!;
    await Promise.all([
      ...first.agenda.slice(0, 3).map((i) => decideItem(w.deps, w.people.karin, first.id, i.id, bifall)),
      ...secondNow.agenda.map((i) => decideItem(w.deps, w.people.johan, second.id, i.id, bifall)),
      // A double click on one item while the others are decided.
      decideItem(w.deps, w.people.karin, first.id, first.agenda[0]!.id, bifall),
    ]);
    const numbers = (await w.deps.store.paragraphs.listYear(2026)).map((p) => p.number);
    expect(numbers).toHaveLength(6);
    expect(isGapless(numbers)).toBe(true);
    const meetings = await w.deps.store.meetings.listYear(2026);
    const onAgendas = meetings.flatMap((m) => m.agenda.map((i) => i.decision?.paragraph)).sort();
    expect(onAgendas).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('takes no number for a decision that is refused', async () => {
    await w.readyInitiative('A');
    const meeting = await w.heldMeeting();
    const item = meeting.agenda[0]!;
    await expect(
      decideItem(w.deps, w.people.karin, meeting.id, item.id, { ...bifall, rationale: ' ' }),
    ).rejects.toMatchObject({ code: 'INITIATIVE.VALIDATION' });
    await expect(decideItem(w.deps, w.people.per, meeting.id, item.id, bifall)).rejects.toMatchObject({
      code: 'INITIATIVE.NOT_ALLOWED',
    });
    expect(await w.deps.store.paragraphs.listYear(2026)).toEqual([]);
    const ok = await decideItem(w.deps, w.people.karin, meeting.id, item.id, bifall);
    expect(ok.agenda[0]!.decision?.paragraph).toBe(1);
  });

  it('notes a jäv in the minutes, and the member with jäv cannot decide that item', async () => {
    await w.readyInitiative('A');
    const meeting = await w.heldMeeting();
    const item = meeting.agenda[0]!;
    const noted = await declareItemJav(w.deps, w.people.karin, meeting.id, item.id);
    expect(noted.agenda[0]!.jav).toEqual([
      { member: { objectId: w.people.karin.objectId, name: 'Karin Lund' }, at: expect.any(String) },
    ]);
    await expect(decideItem(w.deps, w.people.karin, meeting.id, item.id, bifall)).rejects.toMatchObject({
      code: 'MEETING.JAV_NOT_ALLOWED',
    });
    expect(await w.deps.store.paragraphs.listYear(2026)).toEqual([]);
    // A member cannot record jäv for someone else; the secretary can.
    await expect(
      declareItemJav(w.deps, w.people.per, meeting.id, item.id, w.people.maria.objectId),
    ).rejects.toMatchObject({ code: 'MEETING.NOT_ALLOWED' });
    await declareItemJav(w.deps, w.people.johan, meeting.id, item.id, w.people.per.objectId);
    // The secretary decides in the chair's place.
    await decideItem(w.deps, w.people.johan, meeting.id, item.id, bifall);
    const { minutes } = await minutesOf(w.deps, meeting.id);
    expect(minutes.paragraphs[0]!.jav).toEqual([
      'Karin Lund anmäler jäv och deltar inte i beslutet.',
      'Per Nilsson anmäler jäv och deltar inte i beslutet.',
    ]);
  });
});

describe('jäv on an agenda item', () => {
  let w: ReturnType<typeof meetingWorld>;
  beforeEach(() => {
    w = meetingWorld();
  });
  afterEach(() => w.deps.store.close());

  it('bars the member from deciding the initiative by the channel card or the tab too', async () => {
    const i = await w.readyInitiative('Jäv i mötet');
    const meeting = await w.heldMeeting();
    await declareItemJav(w.deps, w.people.karin, meeting.id, meeting.agenda[0]!.id);
    await expect(
      recordDecision(w.deps, w.people.karin, i.id, { ...bifall, meetingDate: '2026-04-15' }),
    ).rejects.toMatchObject({ code: 'POLICY.JAV' });
  });
});

describe('a decision being recorded while others act on the meeting', () => {
  let w: ReturnType<typeof meetingWorld>;
  beforeEach(() => {
    w = meetingWorld();
  });
  afterEach(() => w.deps.store.close());

  it('keeps the minutes from going out for justering, and the item from changing, until it is recorded', async () => {
    await w.readyInitiative('Redan beslutat');
    await w.readyInitiative('Beslutas nu');
    const meeting = await w.heldMeeting();
    const [first, second] = meeting.agenda;
    await decideItem(w.deps, w.people.karin, meeting.id, first!.id, bifall);
    // In the gap between claiming the paragraph and recording the decision, the secretary sends the
    // minutes for justering and someone declares jäv on the item.
    const claim = w.deps.store.paragraphs.claim.bind(w.deps.store.paragraphs);
    const attempts: unknown[] = [];
    w.deps.store.paragraphs.claim = async (year, key) => {
      attempts.push(
        await sendForJustering(w.deps, w.people.johan, meeting.id).catch((err: unknown) => err),
        await declareItemJav(w.deps, w.people.per, meeting.id, second!.id).catch((err: unknown) => err),
      );
      return claim(year, key);
    };
    const after = await decideItem(w.deps, w.people.karin, meeting.id, second!.id, bifall);
    expect(attempts).toEqual([
      expect.objectContaining({ code: 'MEETING.DECISION_IN_PROGRESS' }),
      expect.objectContaining({ code: 'MEETING.DECISION_IN_PROGRESS' }),
    ]);
    expect(after.status).toBe('held');
    expect(after.agenda.map((i) => [i.decision?.paragraph, i.deciding])).toEqual([
      [1, undefined],
      [2, undefined],
    ]);
    // Now the minutes can go out, with both paragraphs in them.
    const sent = await sendForJustering(w.deps, w.people.johan, meeting.id);
    expect(sent.status).toBe('justering');
  });
});
