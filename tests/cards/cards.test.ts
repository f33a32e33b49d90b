import { strings } from '../../src/i18n/strings';
import { catalogue } from '../../src/domain/catalogue/catalogue';
import {
  confirmationCard,
  formCard,
  listCard,
  messageCard,
  notificationCard,
  welcomeCard,
} from '../../src/cards/initiative-cards';
import type { AdaptiveCardJson } from '../../src/cards/templates';
import { formFromCardData } from '../../src/cards/form-input';
import { channelNotice, decisionCard, preparationCard, reviewCard } from '../../src/cards/rug-cards';
import type { Stance } from '../../src/domain/approval/approval';
import type { Initiative } from '../../src/domain/initiative/initiative.types';
import { validateForSubmit } from '../../src/domain/initiative/validation';
import type { Locale } from '../../src/domain/shared/label';
import { emptyForm } from '../../src/domain/initiative/initiative.types';
import { newInitiative, validForm } from '../support/fixtures';
import { cardProblems, findAll } from '../support/card-check';

const link = (ref: string) =>
  `https://teams.microsoft.com/l/entity/app/initiatives?context=${encodeURIComponent(ref)}`;
const submitted = { ...newInitiative({ status: 'submitted', ref: 'OH-2026-0007' }), version: '1' };
const draft = { ...newInitiative({ status: 'draft' }), version: '1' };
const withStatements = validForm({ statementIds: catalogue.factors.map((f) => f.statements[0]!.id) });

const person = (name: string) => ({ objectId: name, tenantId: 't', name });
const stances: Stance[] = ['Karin Lund', 'Per Nilsson', 'Maria Ek'].map((name, n) => ({
  initiativeId: submitted.id,
  memberId: name,
  memberName: name,
  stance: n === 2 ? 'jav' : 'approve',
  comment: '',
  at: '2026-03-03T10:00:00.000Z',
  version: '1',
}));
const at = (status: Initiative['status'], extra: Partial<Initiative> = {}): Initiative => ({
  ...submitted,
  status,
  ...extra,
});
const proposal = {
  recommendation: 'bifall' as const,
  rationale: 'Väl förankrat.',
  responsibleId: 'varberg',
  proposedBy: person('Sara Holm'),
  proposedAt: '2026-04-01T10:00:00.000Z',
};
const decision = (id: string, outcome: 'bifall' | 'avslag', extra = {}) => ({
  id,
  outcome,
  meetingDate: '2026-04-15',
  rationale: 'Enligt förslaget.',
  diarienummer: 'RS2026-0042',
  responsibleId: 'nutritionsnatverket',
  decidedBy: person('Karin Lund'),
  decidedAt: '2026-04-15T12:00:00.000Z',
  ...extra,
});
const decided = at('in_implementation', {
  proposal,
  preparer: person('Sara Holm'),
  decisions: [
    decision('d1', 'avslag'),
    decision('d2', 'bifall', { supersedesId: 'd1', supersedeReason: 'Ny finansiering.' }),
  ],
  followUps: [
    {
      id: 'f1',
      final: false,
      state: 'on_track',
      whatWasDone: 'Rutin införd på två enheter.',
      effects: 'Färre återinläggningar.',
      malbildIds: ['trygg'],
      sharedAsStory: true,
      by: person('Anna Andersson'),
      at: '2026-06-01T10:00:00.000Z',
    },
  ],
});
const memberIds = Array.from({ length: 9 }, (_, n) => `29:1member${n}`);

function rugCardsFor(locale: Locale): [string, AdaptiveCardJson][] {
  return [
    [
      'review (open, per-user refresh)',
      reviewCard(locale, catalogue, submitted, stances, link, { refreshUserIds: memberIds }),
    ],
    [
      'review (as a member, after acting)',
      reviewCard(locale, catalogue, at('in_preparation'), stances, link, {
        viewerId: 'Karin Lund',
        notice: { text: 'Klart' },
      }),
    ],
    [
      'review (reminder in personal chat)',
      reviewCard(locale, catalogue, submitted, [], link, { reminder: true }),
    ],
    ['review (decided, no actions)', reviewCard(locale, catalogue, decided, stances, link)],
    ['preparation (no preparer)', preparationCard(locale, catalogue, at('in_preparation'), stances, link)],
    [
      'preparation (awaiting completion)',
      preparationCard(
        locale,
        catalogue,
        at('awaiting_completion', { completionRequest: 'Hur många berörs?' }),
        stances,
        link,
      ),
    ],
    [
      'preparation (refused, values kept)',
      preparationCard(
        locale,
        catalogue,
        at('in_preparation'),
        stances,
        link,
        { text: 'Fel', tone: 'attention' },
        { rationale: 'Typed' },
      ),
    ],
    [
      'decision (proposal ready)',
      decisionCard(locale, catalogue, at('proposal_ready', { proposal }), stances, link, '2026-04-15'),
    ],
    [
      'decision (superseded, follow-ups)',
      decisionCard(locale, catalogue, decided, stances, link, '2026-06-02'),
    ],
    [
      'channel notice',
      channelNotice(locale, 'Rubrik', ['Rad ett', 'Rad två'], {
        subheading: 'OH-2026-0007',
        link: link('OH-2026-0007'),
      }),
    ],
  ];
}

function cardsFor(locale: Locale): [string, AdaptiveCardJson][] {
  const bad = { ...emptyForm(), description: 'Patient 19121212-1212', organisationIds: ['varberg'] };
  return [
    ['welcome', welcomeCard(locale)],
    ['message', messageCard(locale, 'Hej', { title: 'Titel', tone: 'attention' })],
    ['empty form', formCard(locale, catalogue, { form: emptyForm(), clientKey: 'key-12345678' }, link)],
    [
      'form with statements',
      formCard(locale, catalogue, { form: withStatements, clientKey: 'key-12345678' }, link),
    ],
    [
      'form with every error',
      formCard(
        locale,
        catalogue,
        { form: bad, clientKey: 'key-12345678', issues: validateForSubmit(bad, catalogue) },
        link,
      ),
    ],
    [
      'form with similar initiatives',
      formCard(
        locale,
        catalogue,
        { form: validForm(), clientKey: 'key-12345678', similar: [submitted, submitted, submitted] },
        link,
      ),
    ],
    ['confirmation', confirmationCard(locale, catalogue, submitted, link)],
    [
      'list',
      listCard(locale, catalogue, 'Mina initiativ', [draft, submitted], link, {
        objectId: submitted.initiator.objectId,
        roles: [],
      }),
    ],
    ['empty list', listCard(locale, catalogue, 'Mina initiativ', [], link, { objectId: 'x', roles: [] })],
    ['notification', notificationCard(locale, catalogue, submitted, 'Godkänt av Ledamot', link)],
  ];
}

describe.each(['sv', 'en'] as Locale[])('card templates bound with realistic data (%s)', (locale) => {
  it.each([...cardsFor(locale), ...rugCardsFor(locale)])(
    '%s parses with no errors or warnings, is v1.5, under 28 KB, fully bound',
    (_name, card) => {
      expect(cardProblems(card)).toEqual([]);
      expect(card.type).toBe('AdaptiveCard');
      expect(Number(card.version)).toBeLessThanOrEqual(1.5);
      const json = JSON.stringify(card);
      expect(Buffer.byteLength(json)).toBeLessThan(28 * 1024);
      expect(json).not.toContain('${');
      for (const action of findAll(card, 'Action.Execute')) {
        expect(action.verb).toEqual(expect.stringMatching(/^(initiative|rug|prep|impl)\.\w+$/));
      }
    },
  );
});

describe('the submission card', () => {
  it('offers every catalogue choice, in the user’s language', () => {
    const sv = JSON.stringify(
      formCard('sv', catalogue, { form: emptyForm(), clientKey: 'key-12345678' }, link),
    );
    const en = JSON.stringify(
      formCard('en', catalogue, { form: emptyForm(), clientKey: 'key-12345678' }, link),
    );
    for (const s of catalogue.factors.flatMap((f) => f.statements)) {
      expect(sv).toContain(JSON.stringify(s.text.sv).slice(1, -1));
      expect(en).toContain(JSON.stringify(s.text.en).slice(1, -1));
    }
    for (const o of catalogue.organisations) expect(sv).toContain(o.label.sv);
    expect(sv).toContain('personnummer');
    expect(en).toContain('personal identity numbers');
  });

  it('round-trips: what the card shows as values is read back as the same form', () => {
    const card = formCard('sv', catalogue, { form: withStatements, clientKey: 'key-12345678' }, link);
    const values: Record<string, unknown> = {};
    for (const type of ['Input.Text', 'Input.ChoiceSet', 'Input.Toggle']) {
      for (const input of findAll(card, type)) values[input.id as string] = input.value;
    }
    expect(formFromCardData(values)).toEqual(withStatements);
  });

  it('shows each error next to its field and in the summary, keeping the typed values', () => {
    const form = validForm({ title: '', contactEmail: 'fel', organisationIds: ['varberg'] });
    const issues = validateForSubmit(form, catalogue);
    const card = formCard('sv', catalogue, { form, clientKey: 'key-12345678', issues }, link);
    const json = JSON.stringify(card);
    expect(json).toContain('Rätta följande innan du skickar');
    expect(json).toContain('Obligatoriskt fält.');
    expect(json).toContain('Ange en giltig e-postadress.');
    // The summary names fields the way the form does, never by internal ids.
    const summary = findAll(card, 'TextBlock')
      .map((b) => String(b.text))
      .filter((x) => x.startsWith('• '));
    expect(summary.length).toBeGreaterThan(0);
    for (const line of summary) expect(line).not.toMatch(/Ids:|malbild:/);
    expect(summary.some((line) => line.startsWith('• Organisationer: '))).toBe(true);
    const email = findAll(card, 'Input.Text').find((i) => i.id === 'contactEmail');
    expect(email?.value).toBe('fel');
    const background = findAll(card, 'Input.Text').find((i) => i.id === 'background');
    expect(background?.value).toBe(form.background);
  });
});

describe('the RUG cards', () => {
  it('show the tally without jäv, who approved, and per-user refresh for the members', () => {
    const card = reviewCard('sv', catalogue, submitted, stances, link, { refreshUserIds: memberIds });
    const json = JSON.stringify(card);
    expect(json).toContain('Godkänt: 2 · Avböjt: 0 · Jäv: 1');
    expect(json).toContain('Godkänt av: Karin Lund, Per Nilsson');
    expect(card.refresh).toMatchObject({ action: { verb: 'rug.refresh' }, userIds: memberIds });
  });

  it('keep every decision: the latest first, superseded ones with their reason', () => {
    const json = JSON.stringify(decisionCard('sv', catalogue, decided, stances, link, '2026-06-02'));
    expect(json.indexOf('Beslut 2026-04-15: Bifall')).toBeLessThan(
      json.indexOf('Ersatt beslut 2026-04-15: Avslag'),
    );
    expect(json).toContain('Ny finansiering.');
    expect(json).not.toContain('Nytt beslut (ersätter)'); // in implementation: no more deciding
    const approved = JSON.stringify(
      decisionCard('sv', catalogue, { ...decided, status: 'approved' }, stances, link, '2026-06-02'),
    );
    expect(approved).toContain('Nytt beslut (ersätter)');
    expect(approved).toContain('supersedeReason');
  });

  it('offer no stance actions once decided', () => {
    expect(findAll(reviewCard('sv', catalogue, decided, stances, link).actions, 'Action.Execute')).toEqual(
      [],
    );
  });
});

describe('cards offer what the one policy allows', () => {
  const verbs = (card: unknown) => findAll(card, 'Action.Execute').map((a) => a.verb as string);
  const titles = (card: unknown) => findAll(card, 'Action.ShowCard').map((a) => a.title as string);
  const own = { objectId: submitted.initiator.objectId, roles: [] };

  it('offers the initiator withdraw in every status before the decision (it was only "submitted")', () => {
    for (const status of ['submitted', 'in_preparation', 'awaiting_completion', 'proposal_ready'] as const) {
      const card = listCard('sv', catalogue, 'Mina', [at(status)], link, own);
      expect([status, verbs(card)]).toEqual([status, expect.arrayContaining(['initiative.withdraw'])]);
    }
    for (const status of ['approved', 'rejected', 'in_implementation', 'closed', 'withdrawn'] as const) {
      expect(verbs(listCard('sv', catalogue, 'Mina', [at(status)], link, own))).not.toContain(
        'initiative.withdraw',
      );
    }
  });

  it('offers edit and withdraw only to the initiator (a status look-up shows others’ initiatives)', () => {
    const card = listCard('sv', catalogue, 'Status', [at('submitted')], link, { objectId: 'x', roles: [] });
    expect(verbs(card)).not.toContain('initiative.withdraw');
    expect(verbs(card)).not.toContain('initiative.edit');
  });

  it('offers "return for completion" on a ready proposal, as the policy allows (it was hidden)', () => {
    const t = strings('sv');
    const card = preparationCard(
      'sv',
      catalogue,
      at('proposal_ready', { preparer: person('Sara') }),
      [],
      link,
    );
    expect(titles(card)).toContain(t.returnForCompletion);
    expect(verbs(card)).toContain('prep.revise');
    expect(titles(card)).not.toContain(t.writeProposal);
  });
});
