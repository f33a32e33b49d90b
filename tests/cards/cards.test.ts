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
    ['list', listCard(locale, catalogue, 'Mina initiativ', [draft, submitted], link)],
    ['empty list', listCard(locale, catalogue, 'Mina initiativ', [], link)],
    ['notification', notificationCard(locale, catalogue, submitted, 'Godkänt av Ledamot', link)],
  ];
}

describe.each(['sv', 'en'] as Locale[])('card templates bound with realistic data (%s)', (locale) => {
  it.each(cardsFor(locale))(
    '%s parses with no errors or warnings, is v1.5, under 28 KB, fully bound',
    (_name, card) => {
      expect(cardProblems(card)).toEqual([]);
      expect(card.type).toBe('AdaptiveCard');
      expect(Number(card.version)).toBeLessThanOrEqual(1.5);
      const json = JSON.stringify(card);
      expect(Buffer.byteLength(json)).toBeLessThan(28 * 1024);
      expect(json).not.toContain('${');
      for (const action of findAll(card, 'Action.Execute'))
        expect(action.verb).toEqual(expect.stringMatching(/^initiative\.\w+$/));
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
    const form = validForm({ title: '', contactEmail: 'fel' });
    const issues = validateForSubmit(form, catalogue);
    const card = formCard('sv', catalogue, { form, clientKey: 'key-12345678', issues }, link);
    const json = JSON.stringify(card);
    expect(json).toContain('Rätta följande innan du skickar');
    expect(json).toContain('Obligatoriskt fält.');
    expect(json).toContain('Ange en giltig e-postadress.');
    const email = findAll(card, 'Input.Text').find((i) => i.id === 'contactEmail');
    expect(email?.value).toBe('fel');
    const background = findAll(card, 'Input.Text').find((i) => i.id === 'background');
    expect(background?.value).toBe(form.background);
  });
});
