/**
 * Teams refuses a card over 28 KB. These cards are built from data at the limits the app accepts
 * (every text field full, in Swedish with å/ä/ö, errors and similar initiatives shown), so no real
 * initiative can produce a card Teams would reject.
 */
import { catalogue } from '../../src/domain/catalogue/catalogue';
import { confirmationCard, formCard, listCard } from '../../src/cards/initiative-cards';
import { decisionCard, preparationCard, reviewCard } from '../../src/cards/rug-cards';
import type { Stance } from '../../src/domain/approval/approval';
import type { Initiative, InitiativeForm } from '../../src/domain/initiative/initiative.types';
import { FIELD_LIMITS, validateForSubmit } from '../../src/domain/initiative/validation';
import { STANCE_COMMENT_MAX } from '../../src/app/use-cases/set-stance';
import { newInitiative, validForm } from '../support/fixtures';
import { cardProblems, findAll } from '../support/card-check';

const LIMIT = 28 * 1024;
const link = (ref: string) =>
  `https://teams.microsoft.com/l/entity/00000000-0000-0000-0000-000000000000/initiatives?context=${encodeURIComponent(JSON.stringify({ subEntityId: ref }))}`;
const swedish = (n: number) =>
  'Hemsjukvårdens äldre får en trygg övergång. '.repeat(Math.ceil(n / 44)).slice(0, n);
const bytes = (card: unknown) => Buffer.byteLength(JSON.stringify(card));

function fullForm(): InitiativeForm {
  const form = validForm({ statementIds: catalogue.factors.flatMap((f) => f.statements.map((s) => s.id)) });
  const out = { ...form } as Record<string, unknown>;
  for (const [key, max] of Object.entries(FIELD_LIMITS)) out[key] = swedish(max);
  out.contactEmail = `${'a'.repeat(240)}@varberg.se`;
  return { ...(out as unknown as InitiativeForm), organisationIds: catalogue.organisations.map((o) => o.id) };
}

const full: Initiative = {
  ...newInitiative({ status: 'submitted', ref: 'OH-2026-9999', form: fullForm() }),
  version: '1',
};
const members: Stance[] = Array.from({ length: 12 }, (_, n) => ({
  initiativeId: full.id,
  memberId: `m${n}`,
  memberName: `Förnamn Efternamnsson-Långnamn ${n}`,
  stance: 'approve',
  comment: swedish(STANCE_COMMENT_MAX),
  at: '2026-03-03T10:00:00.000Z',
  version: '1',
}));

describe('cards filled to the limits stay within 28 KB', () => {
  it('the form with every field full, every error and three similar initiatives', () => {
    const issues = validateForSubmit(
      { ...fullForm(), anchoringConfirmed: false, organisationIds: ['varberg'] },
      catalogue,
    );
    const card = formCard(
      'sv',
      catalogue,
      { form: fullForm(), clientKey: 'k'.repeat(32), issues, similar: [full, full, full] },
      link,
    );
    expect(cardProblems(card)).toEqual([]);
    expect(bytes(card)).toBeLessThan(LIMIT);
    const title = findAll(card, 'Input.Text').find((i) => i.id === 'title');
    expect(title?.maxLength).toBe(FIELD_LIMITS.title);
  });

  it('review, preparation and decision cards with long texts and many decisions', () => {
    const decided: Initiative = {
      ...full,
      status: 'approved',
      proposal: {
        recommendation: 'bifall',
        rationale: swedish(4000),
        proposedBy: full.initiator,
        proposedAt: full.createdAt,
      },
      decisions: Array.from({ length: 6 }, (_, n) => ({
        id: `d${n}`,
        outcome: n % 2 ? 'bifall' : 'avslag',
        meetingDate: '2026-04-15',
        rationale: swedish(4000),
        diarienummer: 'RS2026-0042',
        decidedBy: full.initiator,
        decidedAt: '2026-04-15T12:00:00.000Z',
        ...(n > 0 ? { supersedesId: `d${n - 1}`, supersedeReason: swedish(2000) } : {}),
      })),
      followUps: Array.from({ length: 20 }, (_, n) => ({
        id: `f${n}`,
        final: false,
        state: 'on_track',
        whatWasDone: swedish(4000),
        effects: swedish(4000),
        malbildIds: [],
        sharedAsStory: false,
        by: full.initiator,
        at: '2026-06-01T10:00:00.000Z',
      })),
      completionRequest: swedish(2000),
    } as Initiative;
    const userIds = Array.from({ length: 80 }, (_, n) => `29:1${'x'.repeat(60)}${n}`);
    const cards = [
      reviewCard('sv', catalogue, full, members, link, { refreshUserIds: userIds }),
      preparationCard('sv', catalogue, { ...decided, status: 'awaiting_completion' }, members, link),
      decisionCard('sv', catalogue, decided, members, link, '2026-06-02'),
      confirmationCard('sv', catalogue, full, link, { stances: members }),
      listCard(
        'sv',
        catalogue,
        'Mina initiativ',
        Array.from({ length: 30 }, () => full),
        link,
        { objectId: full.initiator.objectId, roles: [] },
      ),
    ];
    for (const card of cards) {
      expect(cardProblems(card)).toEqual([]);
      expect(bytes(card)).toBeLessThan(LIMIT);
    }
    expect((cards[0]!.refresh as { userIds: string[] }).userIds).toHaveLength(60);
  });
});
