/**
 * The meeting part of the store contract: meetings behave like initiatives (versions, idempotent
 * create by client key), and paragraph numbers are gapless per year even under concurrent claims,
 * also from a second instance of the app.
 */
import { randomUUID } from 'node:crypto';
import type { Store } from '../../src/app/ports/store.port';
import { ConflictError } from '../../src/app/ports/store.errors';
import type { NewMeeting } from '../../src/domain/meeting/meeting.types';

export function newMeeting(overrides: Partial<NewMeeting> = {}): NewMeeting {
  const at = '2026-03-02T09:00:00.000Z';
  return {
    id: randomUUID(),
    clientKey: randomUUID(),
    year: 2026,
    date: '2026-03-10',
    time: '09:00',
    place: 'Regionens hus, Halmstad',
    onlineLink: null,
    status: 'planned',
    agenda: [],
    attendance: { present: [], chair: null, secretary: null, adjuster: null },
    signatures: {},
    comments: [],
    justeredAt: null,
    createdBy: { objectId: 'sec', name: 'Johan Berg' },
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

export function describeMeetingContract(
  store: () => Store,
  openSecond?: (first: Store) => Promise<Store>,
): void {
  describe('meetings', () => {
    it('stores a meeting, reads it back, and creates idempotently by client key', async () => {
      const input = newMeeting({ place: 'Teams – "RUG" & beredning' });
      const a = await store().meetings.create(input);
      expect(a.created).toBe(true);
      expect(await store().meetings.get(input.id)).toEqual({ ...input, version: a.meeting.version });
      const b = await store().meetings.create({ ...newMeeting(), clientKey: input.clientKey });
      expect(b).toMatchObject({ created: false, meeting: { id: input.id } });
      expect(await store().meetings.get(randomUUID())).toBeNull();
    });

    it('refuses a stale write and lists a year by date', async () => {
      const { meeting } = await store().meetings.create(newMeeting({ date: '2026-05-01' }));
      await store().meetings.create(newMeeting({ date: '2026-02-01' }));
      await store().meetings.create(newMeeting({ date: '2027-01-10', year: 2027 }));
      const saved = await store().meetings.update({ ...meeting, status: 'held' });
      await expect(store().meetings.update({ ...meeting, place: 'annan' })).rejects.toBeInstanceOf(
        ConflictError,
      );
      expect((await store().meetings.get(meeting.id))?.status).toBe('held');
      expect(saved.version).not.toBe(meeting.version);
      const dates = (await store().meetings.listYear(2026)).map((m) => m.date);
      expect(dates).toEqual(['2026-02-01', '2026-05-01']);
    });

    it('finds the meetings that hold notifications not yet written out (the sweep)', async () => {
      const note = {
        id: randomUUID(),
        kind: 'meeting_agenda' as const,
        initiativeId: 'm',
        recipient: { type: 'channel' as const, key: 'rug' as const },
        data: {},
        createdAt: '2026-03-02T09:00:00.000Z',
      };
      const held = await store().meetings.create(
        newMeeting({ pendingRecords: { events: [], notifications: [note] } }),
      );
      await store().meetings.create(newMeeting());
      expect((await store().meetings.listPending()).map((m) => m.id)).toEqual([held.meeting.id]);
      await store().meetings.update({ ...held.meeting, pendingRecords: { events: [], notifications: [] } });
      expect(await store().meetings.listPending()).toEqual([]);
    });
  });

  describe('filed documents', () => {
    it('files a document under its path once; filing it again is harmless', async () => {
      const path = 'rug-2026/2026-04-15-ab12cd34/protokollsutdrag-paragraf-12 (§ 12) åäö.pdf';
      const doc = { path, contentType: 'application/pdf', bytes: Buffer.from('%PDF-1.7 första') };
      expect(await store().documents.has(path)).toBe(false);
      await store().documents.file(doc);
      expect(await store().documents.has(path)).toBe(true);
      await store().documents.file({ ...doc, bytes: Buffer.from('%PDF-1.7 andra') });
      expect(await store().documents.has(path)).toBe(true);
      expect(await store().documents.has('rug-2026/2026-04-15-ab12cd34/protokoll.pdf')).toBe(false);
    });
  });

  describe('paragraph numbers', () => {
    it('numbers per year from 1, and gives the same number again for the same item', async () => {
      expect(await store().paragraphs.claim(2026, 'm1|a')).toBe(1);
      expect(await store().paragraphs.claim(2026, 'm1|b')).toBe(2);
      expect(await store().paragraphs.claim(2026, 'm1|a')).toBe(1);
      expect(await store().paragraphs.claim(2027, 'm2|a')).toBe(1);
      expect(await store().paragraphs.listYear(2026)).toEqual([
        { year: 2026, number: 1, key: 'm1|a' },
        { year: 2026, number: 2, key: 'm1|b' },
      ]);
    });

    it('stays gapless when many items claim at once, one number each', async () => {
      const keys = Array.from({ length: 12 }, (_, i) => `m|${i}`);
      const numbers = await Promise.all([
        ...keys.map((k) => store().paragraphs.claim(2026, k)),
        // The same items again at the same time: a retried or double-clicked decision.
        ...keys.slice(0, 4).map((k) => store().paragraphs.claim(2026, k)),
      ]);
      expect([...new Set(numbers.slice(0, 12))].sort((a, b) => a - b)).toEqual(
        Array.from({ length: 12 }, (_, i) => i + 1),
      );
      expect(numbers.slice(12)).toEqual(numbers.slice(0, 4));
      expect((await store().paragraphs.listYear(2026)).map((p) => p.number)).toEqual(
        Array.from({ length: 12 }, (_, i) => i + 1),
      );
    });

    if (openSecond) {
      it('stays gapless when two instances claim at once', async () => {
        const other = await openSecond(store());
        try {
          const numbers = await Promise.all(
            Array.from({ length: 6 }, (_, i) => (i % 2 ? other : store()).paragraphs.claim(2031, `two|${i}`)),
          );
          expect(numbers.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
        } finally {
          await other.close();
        }
      });
    }
  });
}
