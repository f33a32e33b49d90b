import {
  allStatements,
  catalogue,
  catalogueIndex,
  findOrganisation,
  isMunicipality,
  isRegion,
  statementsOf,
} from '../../../src/domain/catalogue/catalogue';
import type { Catalogue } from '../../../src/domain/catalogue/catalogue.types';
import type { Label } from '../../../src/domain/shared/label';

/** Every id in the catalogue, in order, duplicates kept. */
function allIds(c: Catalogue): string[] {
  return [
    ...c.goalWords.map((g) => g.id),
    ...c.factors.map((f) => f.id),
    ...allStatements(c).map((s) => s.id),
    ...c.targetGroups.map((t) => t.id),
    ...c.organisations.map((o) => o.id),
    ...c.prerequisites.map((p) => p.id),
    ...c.agreements.map((a) => a.id),
    ...c.networks.map((n) => n.id),
  ];
}

/** Every label and text in the catalogue, each with a name saying where it comes from. */
function allLabels(c: Catalogue): Array<[string, Label]> {
  return [
    ['title', c.title],
    ...c.goalWords.flatMap((g): Array<[string, Label]> => [
      [`${g.id}.label`, g.label],
      [`${g.id}.description`, g.description],
    ]),
    ...c.factors.flatMap((f): Array<[string, Label]> => [
      [`${f.id}.label`, f.label],
      [`${f.id}.tagline`, f.tagline],
      [`${f.id}.employeeLead`, f.employeeLead],
      [`${f.id}.organisationLead`, f.organisationLead],
      ...f.statements.map((s): [string, Label] => [s.id, s.text]),
    ]),
    ...c.targetGroups.map((t): [string, Label] => [t.id, t.label]),
    ...c.organisations.map((o): [string, Label] => [o.id, o.label]),
    ...c.prerequisites.map((p): [string, Label] => [p.id, p.label]),
    ...c.agreements.map((a): [string, Label] => [a.id, a.label]),
    ...c.networks.map((n): [string, Label] => [n.id, n.label]),
  ];
}

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const STATEMENT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*\.(?:individ|medarbetare\.[1-9]|organisation\.[1-9])$/;

/** The real numbers of statements in the målbild, per factor. */
const EXPECTED_COUNTS: Record<string, { employee: number; organisation: number }> = {
  halsoframjande: { employee: 4, organisation: 4 },
  gemensam: { employee: 4, organisation: 4 },
  enkel: { employee: 4, organisation: 5 },
  trygg: { employee: 5, organisation: 5 },
};

describe('catalogue integrity', () => {
  it('has a version and a bilingual title', () => {
    expect(catalogue.version).toMatch(/^\d{4}\.\d+$/);
    expect(catalogue.title.sv).toBe(
      'Omtanke Halland – vår gemensamma omställning till en god och nära vård och omsorg',
    );
  });

  it('has ids that are unique across the whole catalogue', () => {
    const ids = allIds(catalogue);
    const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(duplicates).toEqual([]);
  });

  it('uses lowercase ascii kebab-case ids, with dots only in statement ids', () => {
    const statementIds = new Set(allStatements(catalogue).map((s) => s.id));
    for (const id of allIds(catalogue)) {
      expect(id).toMatch(statementIds.has(id) ? STATEMENT_ID : KEBAB);
    }
  });

  it('has non-empty Swedish and English text for every label', () => {
    for (const [where, label] of allLabels(catalogue)) {
      expect({ where, sv: label.sv.trim().length > 0, en: label.en.trim().length > 0 }).toEqual({
        where,
        sv: true,
        en: true,
      });
    }
  });

  it('has no untranslated English (only proper names may read the same in both languages)', () => {
    const sameInBothLanguages = new Set(['region-halland']);
    for (const [where, label] of allLabels(catalogue)) {
      if (!sameInBothLanguages.has(where))
        expect({ where, en: label.en }).not.toEqual({ where, en: label.sv });
    }
  });

  it('has no Swedish letters in English texts except in Swedish proper names', () => {
    const properNames = /SärNär/g;
    for (const [where, label] of allLabels(catalogue)) {
      expect({ where, en: label.en.replace(properNames, '') }).not.toEqual({
        where,
        en: expect.stringMatching(/[åäöÅÄÖ]/),
      });
    }
  });

  it('spells Swedish with å, ä and ö (no OCR damage)', () => {
    const ocrDamage = /(?<!\p{L})(halsa|vard|nara|malbild|nar|ar|pa|for|fran|gor|forutsattningar)(?!\p{L})/iu;
    for (const [where, label] of allLabels(catalogue)) {
      expect({ where, sv: label.sv }).not.toEqual({
        where,
        sv: expect.stringMatching(/\b(halsa|vard|nara|malbild)\b/i),
      });
      expect({ where, sv: label.sv }).not.toEqual({ where, sv: expect.stringMatching(ocrDamage) });
    }
    for (const statement of allStatements(catalogue)) expect(statement.text.sv).toMatch(/[åäö]/);
    expect(catalogue.factors.map((f) => f.label.sv)).toContain('Hälsofrämjande');
    expect(catalogue.goalWords.map((g) => g.label.sv)).toEqual(['Personcentrerad', 'Sammanhållen', 'Nära']);
  });

  it('has exactly the three goal words', () => {
    expect(catalogue.goalWords.map((g) => g.id)).toEqual(['personcentrerad', 'sammanhallen', 'nara']);
  });

  it('has the four success factors with their taglines', () => {
    expect(catalogue.factors.map((f) => [f.id, f.label.sv, f.tagline.sv])).toEqual([
      ['halsoframjande', 'Hälsofrämjande', 'I Halland finns förutsättningar för god hälsa.'],
      ['gemensam', 'Gemensam', 'I Halland gör vi vård och omsorg bättre tillsammans.'],
      ['enkel', 'Enkel', 'I Halland är vård och omsorg nära och lätt att nå.'],
      ['trygg', 'Trygg', 'I Halland bygger vård och omsorg på kompetens och tillit.'],
    ]);
  });

  it.each(catalogue.factors.map((f) => [f.id, f] as const))(
    'factor %s has one individual statement and the real number of employee and organisation statements',
    (factorId, factor) => {
      const expected = EXPECTED_COUNTS[factorId];
      expect(expected).toBeDefined();
      const count = (p: string): number => factor.statements.filter((s) => s.perspective === p).length;
      expect(count('individual')).toBe(1);
      expect(count('employee')).toBe(expected?.employee);
      expect(count('organisation')).toBe(expected?.organisation);
      expect(factor.statements.every((s) => s.factorId === factorId)).toBe(true);
      expect(factor.employeeLead.sv).toMatch(/^Jag som medarbetare gör vård och omsorg \S+ …$/);
      expect(factor.organisationLead.sv).toMatch(/^Vi som organisation gör vård och omsorg \S+ …$/);
    },
  );

  it('numbers statement ids by perspective and starts texts as in the målbild', () => {
    for (const factor of catalogue.factors) {
      const employee = statementsOf(catalogue, factor.id, 'employee');
      const organisation = statementsOf(catalogue, factor.id, 'organisation');
      expect(statementsOf(catalogue, factor.id, 'individual').map((s) => s.id)).toEqual([
        `${factor.id}.individ`,
      ]);
      expect(employee.map((s) => s.id)).toEqual(employee.map((_, i) => `${factor.id}.medarbetare.${i + 1}`));
      expect(organisation.map((s) => s.id)).toEqual(
        organisation.map((_, i) => `${factor.id}.organisation.${i + 1}`),
      );
      for (const s of employee) expect(s.text.sv).toMatch(/^När jag /);
      for (const s of organisation) expect(s.text.sv).toMatch(/^När /);
      for (const s of [...employee, ...organisation]) expect(s.text.en).toMatch(/^When /);
    }
    expect(allStatements(catalogue)).toHaveLength(39);
  });

  it('has the five target groups of the färdplan', () => {
    expect(catalogue.targetGroups.map((t) => t.id)).toEqual([
      'hemsjukvard',
      'unga-vuxna-beroende',
      'barn-unga-psykisk-halsa',
      'psykisk-funktionsnedsattning',
      'okad-risk-ohalsa',
    ]);
    expect(catalogue.targetGroups[0]?.label.sv).toBe('Äldre och övriga med behov av hemsjukvård');
  });

  it('has seven organisations: Region Halland and the six municipalities', () => {
    expect(catalogue.organisations).toHaveLength(7);
    expect(catalogue.organisations.filter((o) => o.kind === 'region').map((o) => o.id)).toEqual([
      'region-halland',
    ]);
    expect(catalogue.organisations.filter((o) => o.kind === 'municipality').map((o) => o.id)).toEqual([
      'kungsbacka',
      'varberg',
      'falkenberg',
      'halmstad',
      'laholm',
      'hylte',
    ]);
  });

  it('has the six prerequisites', () => {
    expect(catalogue.prerequisites.map((p) => p.label.sv)).toEqual([
      'Personcentrering och delaktighet',
      'Säkerställa kompetens och resurser',
      'Samverkan',
      'Digitalisering',
      'Förebyggande',
      'Process för ledning, styrning och uppföljning',
    ]);
  });

  it('has the five joint agreements', () => {
    expect(catalogue.agreements.map((a) => a.id)).toEqual([
      'hemsjukvarden-2021-2028',
      'trygg-effektiv-utskrivning-2022-2024',
      'regional-samverkan-2022-2024',
      'hjalpmedelsavtal-gnhh',
      'sarnar-nutrition',
    ]);
  });

  it('has the networks, with an SSGB and an SSGV for every municipality', () => {
    const ids = catalogue.networks.map((n) => n.id);
    expect(ids).toHaveLength(8 + 2 * 6);
    for (const name of [
      'genomforandegrupp-samverkansrutinen',
      'indikatorgruppen',
      'hjalpmedelsradet',
      'nutritionsnatverket',
      'natverk-psykisk-halsa',
      'processledningsgrupp-beroende',
      'natverk-suicidprevention',
      'natverk-patient-brukare-narstaende',
    ]) {
      expect(ids).toContain(name);
    }
    for (const municipality of catalogue.organisations.filter((o) => o.kind === 'municipality')) {
      expect(ids).toContain(`ssgb-${municipality.id}`);
      expect(ids).toContain(`ssgv-${municipality.id}`);
    }
  });
});

describe('catalogue helpers', () => {
  it('allStatements lists every statement of every factor in order', () => {
    const statements = allStatements(catalogue);
    expect(statements).toHaveLength(catalogue.factors.reduce((n, f) => n + f.statements.length, 0));
    expect(statements[0]?.id).toBe('halsoframjande.individ');
    expect(statements.at(-1)?.id).toBe('trygg.organisation.5');
  });

  it('findOrganisation finds by id and returns undefined for unknown ids', () => {
    expect(findOrganisation(catalogue, 'varberg')?.label.sv).toBe('Varbergs kommun');
    expect(findOrganisation(catalogue, 'malmo')).toBeUndefined();
  });

  it('isMunicipality is true only for municipalities', () => {
    expect(isMunicipality(catalogue, 'hylte')).toBe(true);
    expect(isMunicipality(catalogue, 'region-halland')).toBe(false);
    expect(isMunicipality(catalogue, 'malmo')).toBe(false);
  });

  it('isRegion is true only for the region', () => {
    expect(isRegion(catalogue, 'region-halland')).toBe(true);
    expect(isRegion(catalogue, 'halmstad')).toBe(false);
    expect(isRegion(catalogue, 'region-skane')).toBe(false);
  });

  it('statementsOf filters by factor and optionally by perspective', () => {
    expect(statementsOf(catalogue, 'trygg')).toHaveLength(11);
    expect(statementsOf(catalogue, 'trygg', 'employee').map((s) => s.id)).toEqual([
      'trygg.medarbetare.1',
      'trygg.medarbetare.2',
      'trygg.medarbetare.3',
      'trygg.medarbetare.4',
      'trygg.medarbetare.5',
    ]);
    expect(statementsOf(catalogue, 'enkel', 'individual')[0]?.text.sv).toBe(
      'När jag behöver hjälp så vet jag vart jag ska vända mig och hur planeringen av min vård ser ut.',
    );
    expect(statementsOf(catalogue, 'okand')).toEqual([]);
    expect(statementsOf(catalogue, 'okand', 'employee')).toEqual([]);
  });

  it('catalogueIndex maps every id to its kind and label', () => {
    const index = catalogueIndex(catalogue);
    expect(index.size).toBe(allIds(catalogue).length);
    expect(index.get('nara')).toEqual({ kind: 'goalWord', label: { sv: 'Nära', en: 'Close' } });
    expect(index.get('gemensam')?.kind).toBe('factor');
    expect(index.get('gemensam.organisation.1')).toEqual({
      kind: 'statement',
      label: statementsOf(catalogue, 'gemensam', 'organisation')[0]?.text,
    });
    expect(index.get('okad-risk-ohalsa')?.kind).toBe('targetGroup');
    expect(index.get('region-halland')?.kind).toBe('organisation');
    expect(index.get('digitalisering')?.kind).toBe('prerequisite');
    expect(index.get('sarnar-nutrition')?.kind).toBe('agreement');
    expect(index.get('ssgb-laholm')?.kind).toBe('network');
    expect(index.get('okand')).toBeUndefined();
  });

  it('catalogueIndex rejects a catalogue with a duplicate id', () => {
    const broken: Catalogue = {
      ...catalogue,
      networks: [...catalogue.networks, { id: 'samverkan', label: { sv: 'Samverkan', en: 'Collaboration' } }],
    };
    expect(() => catalogueIndex(broken)).toThrow(/samverkan/);
  });
});
