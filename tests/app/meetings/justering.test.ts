import { minutesVersion } from '../../../src/domain/meeting/justering';
import { setAttendance } from '../../../src/app/use-cases/meetings/attendance';
import { decideItem } from '../../../src/app/use-cases/meetings/decide-item';
import { declareItemJav } from '../../../src/app/use-cases/meetings/declare-jav';
import { addAgendaItem } from '../../../src/app/use-cases/meetings/edit-agenda';
import {
  approveMinutes,
  commentOnMinutes,
  sendForJustering,
} from '../../../src/app/use-cases/meetings/justering';
import { minutesOf } from '../../../src/app/use-cases/meetings/minutes-query';
import { bifall, meetingWorld } from './meeting-kit';

describe('minutes and justering', () => {
  let w: ReturnType<typeof meetingWorld>;
  beforeEach(() => {
    w = meetingWorld();
  });
  afterEach(() => w.deps.store.close());

  async function decidedMeeting() {
    await w.readyInitiative('Trygg hemgång');
    await w.readyInitiative('Nutrition i hemmet');
    const meeting = await w.heldMeeting();
    for (const item of meeting.agenda) await decideItem(w.deps, w.people.karin, meeting.id, item.id, bifall);
    return meeting;
  }

  it('refuses a signature given on minutes that changed since the signer was shown them', async () => {
    const meeting = await decidedMeeting();
    await sendForJustering(w.deps, w.people.johan, meeting.id);
    const shownThen = minutesVersion(await w.deps.store.meetings.get(meeting.id).then((m) => m!));
    // Maria sends it back with a comment; the secretary revises and sends it out again.
    await commentOnMinutes(w.deps, w.people.maria, meeting.id, 'Stavfel i § 1.');
    await sendForJustering(w.deps, w.people.johan, meeting.id);
    await expect(approveMinutes(w.deps, w.people.karin, meeting.id, shownThen)).rejects.toMatchObject({
      code: 'MEETING.MINUTES_CHANGED',
    });
    const now = minutesVersion((await w.deps.store.meetings.get(meeting.id))!);
    const signed = await approveMinutes(w.deps, w.people.karin, meeting.id, now);
    expect(signed.signatures.chair?.by.name).toBe('Karin Lund');
  });

  it('drafts the minutes: header, one § per decision, "Expedieras till", not yet justered', async () => {
    const meeting = await decidedMeeting();
    const { minutes } = await minutesOf(w.deps, meeting.id);
    expect(minutes).toMatchObject({
      body: 'Regional utvecklingsgrupp för god och nära vård (RUG)',
      date: '2026-04-15',
      chair: 'Karin Lund',
      secretary: 'Johan Berg',
      adjuster: 'Maria Ek',
      justered: false,
    });
    expect(minutes.paragraphs[0]).toMatchObject({
      number: 1,
      forslag: ['Beredningsgruppen föreslår RUG att besluta att bifalla initiativet.', expect.any(String)],
      beslut: ['RUG beslutar att bifalla initiativet.', 'Enligt förslaget.', 'Ansvarig: Varbergs kommun.'],
      expedierasTill: ['Anna Andersson (initiativtagare)', 'Varbergs kommun', 'Beredningsgruppen'],
      justerad: false,
    });
  });

  it('locks the minutes when both the chair and the adjuster approve, and sends each initiator the extract', async () => {
    const meeting = await decidedMeeting();
    await expect(approveMinutes(w.deps, w.people.karin, meeting.id)).rejects.toMatchObject({
      code: 'MEETING.NOT_IN_JUSTERING',
    });
    await sendForJustering(w.deps, w.people.johan, meeting.id);
    const requests = (await w.queued()).filter((n) => n.kind === 'justering_requested');
    expect(requests.map((n) => n.recipient)).toEqual([
      { type: 'user', objectId: w.people.karin.objectId },
      { type: 'user', objectId: w.people.maria.objectId },
    ]);
    await expect(approveMinutes(w.deps, w.people.per, meeting.id)).rejects.toMatchObject({
      code: 'MEETING.SIGNER_NOT_ALLOWED',
    });
    const half = await approveMinutes(w.deps, w.people.karin, meeting.id);
    expect(half).toMatchObject({ status: 'justering', justeredAt: null });
    expect((await w.queued()).some((n) => n.kind === 'extract_ready')).toBe(false);
    w.deps.clock.advance(3_600_000);
    const done = await approveMinutes(w.deps, w.people.maria, meeting.id);
    // Dated by the second signature.
    expect(done).toMatchObject({ status: 'justered', justeredAt: w.deps.clock.now().toISOString() });
    expect(done.signatures.chair!.at < done.justeredAt!).toBe(true);
    const extracts = (await w.queued()).filter((n) => n.kind === 'extract_ready');
    expect(extracts).toHaveLength(2);
    expect(
      extracts.every((n) => n.recipient.type === 'user' && n.recipient.objectId === w.people.anna.objectId),
    ).toBe(true);
    // One job files the documents and tells the channel.
    expect((await w.queued()).filter((n) => n.kind === 'minutes_justered')).toHaveLength(1);
    const { minutes } = await minutesOf(w.deps, meeting.id);
    expect(minutes.justered).toBe(true);
    expect(minutes.paragraphs.every((p) => p.justerad)).toBe(true);
    // Approving again changes nothing and sends nothing twice.
    await approveMinutes(w.deps, w.people.maria, meeting.id);
    expect((await w.queued()).filter((n) => n.kind === 'extract_ready')).toHaveLength(2);
    expect((await w.queued()).filter((n) => n.kind === 'minutes_justered')).toHaveLength(1);
  });

  it('nothing in justered minutes can change: no decision, jäv, attendance or agenda edit', async () => {
    const meeting = await decidedMeeting();
    await sendForJustering(w.deps, w.people.johan, meeting.id);
    await approveMinutes(w.deps, w.people.karin, meeting.id);
    await approveMinutes(w.deps, w.people.maria, meeting.id);
    const item = meeting.agenda[0]!;
    const before = await w.deps.store.meetings.get(meeting.id);
    const locked = { code: 'MEETING.LOCKED' };
    await expect(
      decideItem(w.deps, w.people.karin, meeting.id, item.id, { ...bifall, outcome: 'avslag' }),
    ).rejects.toMatchObject(locked);
    await expect(declareItemJav(w.deps, w.people.per, meeting.id, item.id)).rejects.toMatchObject(locked);
    await expect(
      setAttendance(w.deps, w.people.johan, meeting.id, {
        presentIds: [w.people.karin.objectId],
        chairId: w.people.karin.objectId,
        secretaryId: null,
        adjusterId: null,
      }),
    ).rejects.toMatchObject(locked);
    await w.readyInitiative('Sent');
    const late = (await w.deps.store.initiatives.list({ by: 'status', value: 'proposal_ready' })).items[0]!;
    await expect(addAgendaItem(w.deps, w.people.johan, meeting.id, late.id)).rejects.toMatchObject(locked);
    await expect(commentOnMinutes(w.deps, w.people.karin, meeting.id, 'Fel')).rejects.toMatchObject(locked);
    expect(await w.deps.store.meetings.get(meeting.id)).toEqual(before);
    const initiative = await w.deps.store.initiatives.get(item.initiativeId);
    expect(initiative?.decisions).toHaveLength(1);
  });

  it('a comment from a signer sends the minutes back to the secretary and clears the signatures', async () => {
    const meeting = await decidedMeeting();
    await sendForJustering(w.deps, w.people.johan, meeting.id);
    await approveMinutes(w.deps, w.people.karin, meeting.id);
    const back = await commentOnMinutes(w.deps, w.people.maria, meeting.id, 'Närvarolistan saknar Per.');
    expect(back).toMatchObject({
      status: 'held',
      signatures: {},
      comments: [{ text: 'Närvarolistan saknar Per.' }],
    });
    const note = (await w.queued()).find((n) => n.kind === 'minutes_commented');
    expect(note?.recipient).toEqual({ type: 'user', objectId: w.people.johan.objectId });
    await sendForJustering(w.deps, w.people.johan, meeting.id);
    await approveMinutes(w.deps, w.people.maria, meeting.id);
    expect((await w.deps.store.meetings.get(meeting.id))?.status).toBe('justering');
    expect((await approveMinutes(w.deps, w.people.karin, meeting.id)).status).toBe('justered');
  });

  it('refuses justering before a chair, an adjuster and a decision are there', async () => {
    await w.readyInitiative('A');
    const meeting = await w.heldMeeting();
    await expect(sendForJustering(w.deps, w.people.johan, meeting.id)).rejects.toMatchObject({
      code: 'MEETING.NOT_READY_FOR_JUSTERING',
    });
    await expect(sendForJustering(w.deps, w.people.per, meeting.id)).rejects.toMatchObject({
      code: 'MEETING.NOT_ALLOWED',
    });
  });
});
