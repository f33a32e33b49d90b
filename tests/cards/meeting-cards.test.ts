import { extractCard, justeringCard, meetingAgendaCard } from '../../src/cards/meeting-cards';
import { buildMinutes } from '../../src/domain/meeting/minutes';
import type { Meeting } from '../../src/domain/meeting/meeting.types';
import { catalogue } from '../../src/domain/catalogue/catalogue';
import type { Initiative } from '../../src/domain/initiative/initiative.types';
import { newMeeting } from '../contract/meeting-contract';
import { newInitiative } from '../support/fixtures';
import { cardProblems, findAll } from '../support/card-check';

const karin = { objectId: 'karin', name: 'Karin Lund' };
const maria = { objectId: 'maria', name: 'Maria Ek' };
const initiative: Initiative = {
  ...newInitiative({ status: 'approved', ref: 'OH-2026-0007' }),
  version: '1',
  decisions: [
    {
      id: 'd1',
      outcome: 'bifall',
      meetingDate: '2026-04-15',
      rationale: 'Enligt förslaget.',
      decidedBy: { ...karin, tenantId: 't' },
      decidedAt: '2026-04-15T09:30:00.000Z',
      meeting: { meetingId: 'm1', itemId: 'i1', paragraph: 12 },
    },
  ],
};
const meeting = (status: Meeting['status']): Meeting => ({
  ...newMeeting({ id: 'm1', status }),
  version: '1',
  attendance: { present: [karin, maria], chair: karin, secretary: null, adjuster: maria },
  agenda: [
    {
      id: 'i1',
      initiativeId: initiative.id,
      title: initiative.form.title,
      ref: initiative.ref,
      jav: [{ member: maria, at: '2026-04-15T09:00:00.000Z' }],
      decision: { paragraph: 12, decisionId: 'd1' },
    },
    { id: 'i2', initiativeId: 'other', title: 'Nästa ärende', ref: 'OH-2026-0008', jav: [] },
  ],
});
const texts = (card: unknown) =>
  findAll(card, 'TextBlock')
    .map((t) => String(t.text))
    .join('\n');

describe('meeting cards', () => {
  it.each(['sv', 'en'] as const)('are valid Adaptive Cards 1.5 in %s and stay small', (locale) => {
    const m = meeting('justering');
    const minutes = buildMinutes(catalogue, m, new Map([[initiative.id, initiative]]));
    const cards = [
      meetingAgendaCard(locale, m, 'https://example.test/m1'),
      justeringCard(locale, m, minutes, 'https://example.test/m1', { viewerId: 'karin' }),
      extractCard(locale, m, minutes.paragraphs[0]!, 'https://example.test/i'),
    ];
    for (const card of cards) {
      expect(cardProblems(card)).toEqual([]);
      expect(JSON.stringify(card).length).toBeLessThan(28_000);
    }
  });

  it('shows § and "ej justerat" on the agenda until the minutes are justered', () => {
    expect(texts(meetingAgendaCard('sv', meeting('held'), ''))).toContain('§ 12 OH-2026-0007');
    expect(texts(meetingAgendaCard('sv', meeting('held'), ''))).toContain('(ej justerat)');
    // Card text is markdown: the item number is escaped so Teams does not turn it into a list.
    expect(texts(meetingAgendaCard('sv', meeting('held'), ''))).toMatch(/2\\?\. OH-2026-0008 Nästa ärende/);
    expect(texts(meetingAgendaCard('sv', meeting('held'), ''))).toContain('Jäv: Maria Ek');
    expect(texts(meetingAgendaCard('sv', meeting('justered'), ''))).toContain('(justerat)');
  });

  it('offers Justera only while the minutes are out and the viewer has not signed', () => {
    const m = meeting('justering');
    const minutes = buildMinutes(catalogue, m, new Map([[initiative.id, initiative]]));
    const verbs = (x: Meeting, viewer: string) =>
      findAll(justeringCard('sv', x, minutes, '', { viewerId: viewer }), 'Action.Execute').map((a) => a.verb);
    expect(verbs(m, 'karin')).toEqual(['meeting.approveMinutes', 'meeting.commentMinutes']);
    const signed = { ...m, signatures: { chair: { by: karin, at: '2026-04-16T08:00:00.000Z' } } };
    expect(verbs(signed, 'karin')).toEqual([]);
    expect(verbs(signed, 'maria')).toHaveLength(2);
    expect(verbs({ ...m, status: 'justered' }, 'maria')).toEqual([]);
  });
});
