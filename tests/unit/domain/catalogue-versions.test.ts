import { parseCatalogueFile } from '../../../src/app/inputs/catalogue-file';
import { parseCatalogueChange, parseSettings } from '../../../src/app/inputs/configuration-inputs';
import { catalogue, catalogueIndex } from '../../../src/domain/catalogue/catalogue';
import { applyChange } from '../../../src/domain/catalogue/catalogue-edit';
import { mergeImport } from '../../../src/domain/catalogue/catalogue-import';
import {
  activeCatalogue,
  compareVersions,
  labelAt,
  nextVersion,
  offeredCatalogue,
} from '../../../src/domain/catalogue/catalogue-version';
import { formatReference, parseReference } from '../../../src/domain/initiative/reference';
import { retiredChoices } from '../../../src/domain/initiative/validation';
import { checkSettings, DEFAULT_SETTINGS } from '../../../src/domain/settings/process-settings';
import { StateConflictError, ValidationError } from '../../../src/domain/shared/domain.errors';
import { validForm } from '../../support/fixtures';

const OLD = 'trygg-effektiv-utskrivning-2022-2024';
const codes = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof ValidationError) return err.issues.map((i) => i.code);
    if (err instanceof StateConflictError) return [err.code];
    throw err;
  }
  return [];
};

describe('catalogue versions', () => {
  it('orders versions as numbers and numbers the changes of each year from 1', () => {
    expect(compareVersions('2026.10', '2026.9')).toBeGreaterThan(0);
    expect(compareVersions('2025.1', '2026.1')).toBeLessThan(0);
    expect(nextVersion('2025.1', 2026)).toBe('2026.1');
    expect(nextVersion('2026.1', 2026)).toBe('2026.2');
  });

  it('keeps the old wording of a reworded entry for initiatives sent with an earlier version', () => {
    const v1 = applyChange(
      catalogue,
      {
        op: 'reword',
        id: 'hemsjukvard',
        label: { sv: 'Äldre med hemsjukvård', en: 'Older people in home care' },
      },
      '2026.1',
    );
    const v2 = applyChange(
      v1.catalogue,
      { op: 'reword', id: 'hemsjukvard', label: { sv: 'Hemsjukvård', en: 'Home care' } },
      '2026.2',
    );
    const entry = catalogueIndex(v2.catalogue).get('hemsjukvard')!;
    expect(labelAt(entry, '2025.1').sv).toBe('Äldre och övriga med behov av hemsjukvård');
    expect(labelAt(entry, '2026.1').sv).toBe('Äldre med hemsjukvård');
    expect(labelAt(entry, '2026.2').sv).toBe('Hemsjukvård');
    expect(labelAt(entry, undefined).sv).toBe('Hemsjukvård');
    expect(v2.before).toMatchObject({ label: { sv: 'Äldre med hemsjukvård' } });
    expect(
      codes(() =>
        applyChange(
          v2.catalogue,
          { op: 'reword', id: 'hemsjukvard', label: { sv: 'Hemsjukvård', en: 'Home care' } },
          '2026.3',
        ),
      ),
    ).toEqual(['CATALOGUE.UNCHANGED']);
  });

  it('retires and restores, never twice, and the form stops offering what is retired', () => {
    const retired = applyChange(catalogue, { op: 'retire', id: OLD }, '2026.1').catalogue;
    expect(retired.agreements.find((a) => a.id === OLD)?.retiredIn).toBe('2026.1');
    expect(activeCatalogue(retired).agreements.map((a) => a.id)).not.toContain(OLD);
    expect(offeredCatalogue(retired, new Set([OLD])).agreements.map((a) => a.id)).toContain(OLD);
    expect(codes(() => applyChange(retired, { op: 'retire', id: OLD }, '2026.2'))).toEqual([
      'CATALOGUE.ALREADY_RETIRED',
    ]);
    const back = applyChange(retired, { op: 'restore', id: OLD }, '2026.2').catalogue;
    expect(back.agreements.find((a) => a.id === OLD)).not.toHaveProperty('retiredIn');
    expect(codes(() => applyChange(back, { op: 'restore', id: OLD }, '2026.3'))).toEqual([
      'CATALOGUE.NOT_RETIRED',
    ]);
    expect(codes(() => applyChange(back, { op: 'retire', id: 'no-such-entry' }, '2026.3'))).toEqual([
      'CATALOGUE.NO_ENTRY',
    ]);
  });

  it('gives new entries readable ids never used before, statements under their factor and perspective', () => {
    const label = { sv: 'Överenskommelse om hemsjukvården i Halland 2029–2035', en: 'x' };
    const added = applyChange(
      catalogue,
      { op: 'add', kind: 'agreement', label, validity: { from: 2029, to: null } },
      '2026.1',
    );
    expect(added.id).toBe('overenskommelse-om-hemsjukvarden-i-halland-2029-2035');
    // The same text again is a second press, not a second entry.
    expect(
      codes(() => applyChange(added.catalogue, { op: 'add', kind: 'agreement', label }, '2026.2')),
    ).toEqual(['CATALOGUE.DUPLICATE']);
    const again = applyChange(
      added.catalogue,
      { op: 'add', kind: 'agreement', label: { ...label, sv: `${label.sv}!` } },
      '2026.2',
    );
    expect(again.id).toBe('overenskommelse-om-hemsjukvarden-i-halland-2029-2035-2');
    const statement = applyChange(
      catalogue,
      {
        op: 'add',
        kind: 'statement',
        label: { sv: 'När vi följer upp.', en: 'When we follow up.' },
        factorId: 'trygg',
        perspective: 'organisation',
      },
      '2026.1',
    );
    expect(statement.id).toMatch(/^trygg\.organisation\.\d+$/);
    expect(catalogueIndex(statement.catalogue).get(statement.id)?.kind).toBe('statement');
    expect(
      codes(() =>
        applyChange(catalogue, { op: 'add', kind: 'statement', label, factorId: 'nope' }, '2026.1'),
      ),
    ).toEqual(['CATALOGUE.NO_FACTOR']);
    const org = applyChange(
      catalogue,
      {
        op: 'add',
        kind: 'organisation',
        label: { sv: 'Ale kommun', en: 'Ale Municipality' },
        organisationKind: 'municipality',
      },
      '2026.1',
    );
    expect(org.catalogue.organisations.at(-1)).toMatchObject({ id: 'ale-kommun', kind: 'municipality' });
  });

  it('refuses to leave skallkrav 1–3 unsatisfiable', () => {
    let c = catalogue;
    for (const g of catalogue.targetGroups.slice(1))
      c = applyChange(c, { op: 'retire', id: g.id }, '2026.1').catalogue;
    expect(
      codes(() => applyChange(c, { op: 'retire', id: catalogue.targetGroups[0]!.id }, '2026.2')),
    ).toEqual(['CATALOGUE.LAST_TARGET_GROUP']);
    c = catalogue;
    for (const x of [...catalogue.goalWords, ...catalogue.factors.slice(1)])
      c = applyChange(c, { op: 'retire', id: x.id }, '2026.1').catalogue;
    expect(codes(() => applyChange(c, { op: 'retire', id: catalogue.factors[0]!.id }, '2026.2'))).toEqual([
      'CATALOGUE.LAST_MALBILD_PARAMETER',
    ]);
    expect(codes(() => applyChange(catalogue, { op: 'retire', id: 'region-halland' }, '2026.1'))).toEqual([
      'CATALOGUE.LAST_ORGANISATION',
    ]);
  });

  it('lets an initiative keep a retired choice it had, and refuses it for one that did not', () => {
    const retired = applyChange(catalogue, { op: 'retire', id: OLD }, '2026.1').catalogue;
    const form = validForm({ agreementIds: [OLD] });
    expect(retiredChoices(form, retired, null).map((i) => [i.field, i.code])).toEqual([
      ['agreementIds', 'FIELD.RETIRED_CHOICE'],
    ]);
    expect(retiredChoices(form, retired, validForm({ agreementIds: [OLD] }))).toEqual([]);
    // A retired factor takes its statements with it.
    const noFactor = applyChange(catalogue, { op: 'retire', id: 'trygg' }, '2026.1').catalogue;
    const statement = catalogue.factors.find((f) => f.id === 'trygg')!.statements[0]!.id;
    expect(
      retiredChoices(validForm({ factorIds: [], statementIds: [statement] }), noFactor, null).map(
        (i) => i.field,
      ),
    ).toEqual(['statementIds']);
  });
});

describe('catalogue import', () => {
  const other = {
    ...catalogue,
    targetGroups: [
      { id: 'demens', label: { sv: 'Personer med demens', en: 'People with dementia' } },
      ...catalogue.targetGroups.slice(1),
    ],
    agreements: catalogue.agreements.map((a) =>
      a.id === 'hemsjukvarden-2021-2028'
        ? { ...a, label: { sv: 'Hemsjukvårdsavtalet', en: 'Home care agreement' } }
        : a,
    ),
  };

  it('keeps what the store had: missing entries are retired, reworded ones keep their old label', () => {
    const merged = mergeImport(catalogue, other, '2026.1', true);
    expect(merged.targetGroups.map((g) => [g.id, g.retiredIn])).toEqual([
      ['demens', undefined],
      ...catalogue.targetGroups.slice(1).map((g) => [g.id, undefined]),
      ['hemsjukvard', '2026.1'],
    ]);
    const agreement = catalogueIndex(merged).get('hemsjukvarden-2021-2028')!;
    expect(labelAt(agreement, '2025.1').sv).toContain('Överenskommelse om hemsjukvården');
    expect(labelAt(agreement, '2026.1').sv).toBe('Hemsjukvårdsavtalet');
  });

  it('replaces the catalogue on a store without initiatives, and never lets an id change kind', () => {
    expect(mergeImport(catalogue, other, '2026.1', false).targetGroups.map((g) => g.id)).not.toContain(
      'hemsjukvard',
    );
    const clash = {
      ...other,
      networks: [...other.networks, { id: 'hemsjukvard', label: { sv: 'x', en: 'x' } }],
    };
    expect(codes(() => mergeImport(catalogue, clash, '2026.1', true))).toEqual(['CATALOGUE_FILE.ID_REUSED']);
  });

  it('reads a file back exactly as exported, and names every problem of a broken one by its path', () => {
    const file = JSON.parse(
      JSON.stringify({
        format: 'omtanke-catalogue',
        formatVersion: 1,
        catalogue,
        settings: DEFAULT_SETTINGS,
      }),
    );
    expect(parseCatalogueFile(file)).toEqual({ catalogue, settings: DEFAULT_SETTINGS });
    const broken = {
      ...file,
      catalogue: {
        ...file.catalogue,
        organisations: [{ id: 'x', kind: 'county', label: { sv: 'X', en: 'X' } }],
        networks: [{ id: 'n', label: { sv: 'Ring 811218-9876', en: 'n' } }],
      },
      settings: { ...DEFAULT_SETTINGS, referencePrefix: 'oh-' },
    };
    const fields = (() => {
      try {
        parseCatalogueFile(broken);
        return [];
      } catch (err) {
        return (err as ValidationError).issues.map((i) => i.field);
      }
    })();
    expect(fields).toEqual(['organisations[0].kind', 'networks[0].label.sv', 'settings.referencePrefix']);
    expect(codes(() => parseCatalogueFile({ format: 'something else' }))).toEqual(['CATALOGUE_FILE.INVALID']);
  });
});

describe('settings and the reference prefix', () => {
  it('formats references with the prefix in force and finds any prefix typed back', () => {
    expect(formatReference(2026, 7, 'GNV')).toBe('GNV-2026-0007');
    expect(parseReference(' gnv-2026-0007 ')).toEqual({ year: 2026, n: 7, ref: 'GNV-2026-0007' });
    expect(parseReference('OH-2026-0007')?.ref).toBe('OH-2026-0007');
    expect(parseReference('TOOLONGX-2026-0007')).toBeNull();
  });

  it('refuses settings the process cannot run with, every problem at once', () => {
    expect(
      codes(() => checkSettings({ reminderAfterDays: 0, digestWeekday: 8, referencePrefix: 'O H' })),
    ).toEqual(['SETTINGS.REMINDER_DAYS', 'SETTINGS.WEEKDAY', 'SETTINGS.PREFIX']);
    expect(checkSettings(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
    expect(
      parseSettings({
        changeId: 'change-0001',
        basedOn: 1,
        settings: { reminderAfterDays: '3', digestWeekday: 2, referencePrefix: 'rh' },
      }).settings,
    ).toEqual({ reminderAfterDays: 3, digestWeekday: 2, referencePrefix: 'RH' });
  });

  it('parses a catalogue change from any client, refusing what it cannot read', () => {
    expect(
      parseCatalogueChange({
        changeId: 'change-0001',
        basedOn: 2,
        change: {
          op: 'add',
          kind: 'agreement',
          label: { sv: ' A ', en: 'A' },
          validity: { from: '2025', to: '' },
        },
      }),
    ).toEqual({
      changeId: 'change-0001',
      basedOn: 2,
      change: {
        op: 'add',
        kind: 'agreement',
        label: { sv: 'A', en: 'A' },
        validity: { from: 2025, to: null },
      },
    });
    expect(
      codes(() => parseCatalogueChange({ changeId: 'x', basedOn: 1, change: { op: 'retire', id: 'a' } })),
    ).toEqual(['FIELD.INVALID']);
    expect(
      codes(() =>
        parseCatalogueChange({
          changeId: 'change-0001',
          basedOn: 1,
          change: {
            op: 'add',
            kind: 'agreement',
            label: { sv: 'A', en: 'A' },
            validity: { from: 2025, to: 2020 },
          },
        }),
      ),
    ).toEqual(['FIELD.INVALID']);
    expect(
      codes(() =>
        parseCatalogueChange({ changeId: 'change-0001', basedOn: 1, change: { op: 'drop', id: 'a' } }),
      ),
    ).toEqual(['FIELD.REQUIRED']);
  });
});
