import type { CatalogueFile } from '../../contracts/admin-api';
import { catalogueIndex } from '../../domain/catalogue/catalogue';
import type {
  Catalogue,
  EntryLife,
  FactorStatement,
  FormerLabel,
  SuccessFactor,
} from '../../domain/catalogue/catalogue.types';
import { checkSettings, type ProcessSettings } from '../../domain/settings/process-settings';
import { type FieldIssue, ValidationError } from '../../domain/shared/domain.errors';
import type { Label } from '../../domain/shared/label';
import { requireText } from '../use-cases/text-input';
import { type Raw, rawOf } from './fields';

const ID = /^[a-z0-9][a-z0-9.-]{0,79}$/;
const VERSION = /^\d{1,4}(\.\d{1,4}){0,3}$/;

/** Collects every problem of a file with its path (`targetGroups[2].label.sv`), so all show at once. */
class Reader {
  readonly issues: FieldIssue[] = [];

  fail(path: string, sv: string, en: string): void {
    if (this.issues.length < 50)
      this.issues.push({ field: path, code: 'CATALOGUE_FILE.INVALID', message: { sv, en } });
  }

  list(raw: Raw, key: string): Raw[] {
    const v = raw[key];
    if (!Array.isArray(v)) {
      this.fail(key, 'Listan saknas.', 'The list is missing.');
      return [];
    }
    return v.map((x, i) => {
      if (typeof x !== 'object' || x === null || Array.isArray(x))
        this.fail(`${key}[${i}]`, 'Ska vara ett objekt.', 'Must be an object.');
      return rawOf(x);
    });
  }

  id(raw: Raw, path: string): string {
    const v = raw.id;
    if (typeof v === 'string' && ID.test(v)) return v;
    this.fail(
      `${path}.id`,
      'Id ska vara små bokstäver a–z, siffror, punkt och bindestreck.',
      'An id must be lower-case a–z, digits, dot and hyphen.',
    );
    return String(v);
  }

  label(raw: unknown, path: string): Label {
    const r = rawOf(raw);
    const one = (lang: 'sv' | 'en') => {
      const v = r[lang];
      try {
        return requireText(`${path}.${lang}`, typeof v === 'string' ? v : '', 2000);
      } catch (err) {
        const first = err instanceof ValidationError ? err.issues[0] : undefined;
        this.fail(
          `${path}.${lang}`,
          first?.message.sv ?? 'Ogiltig text.',
          first?.message.en ?? 'Invalid text.',
        );
        return '';
      }
    };
    return { sv: one('sv'), en: one('en') };
  }

  life(raw: Raw, path: string): EntryLife {
    const out: { retiredIn?: string; formerLabels?: FormerLabel[] } = {};
    if (raw.retiredIn !== undefined) {
      if (typeof raw.retiredIn === 'string' && VERSION.test(raw.retiredIn)) out.retiredIn = raw.retiredIn;
      else
        this.fail(
          `${path}.retiredIn`,
          'Ska vara en katalogversion, till exempel 2026.1.',
          'Must be a catalogue version, e.g. 2026.1.',
        );
    }
    if (raw.formerLabels !== undefined) {
      if (!Array.isArray(raw.formerLabels))
        this.fail(`${path}.formerLabels`, 'Ska vara en lista.', 'Must be a list.');
      else {
        out.formerLabels = raw.formerLabels.map((f, i) => {
          const r = rawOf(f);
          const until = typeof r.until === 'string' && VERSION.test(r.until) ? r.until : '';
          if (!until)
            this.fail(
              `${path}.formerLabels[${i}].until`,
              'Ska vara en katalogversion.',
              'Must be a catalogue version.',
            );
          return { label: this.label(r.label, `${path}.formerLabels[${i}].label`), until };
        });
      }
    }
    return out;
  }

  entry(raw: Raw, path: string) {
    return { id: this.id(raw, path), label: this.label(raw.label, `${path}.label`), ...this.life(raw, path) };
  }
}

function statement(r: Reader, raw: Raw, path: string, factorId: string): FactorStatement {
  const perspective = raw.perspective;
  if (perspective !== 'individual' && perspective !== 'employee' && perspective !== 'organisation') {
    r.fail(
      `${path}.perspective`,
      'Perspektivet ska vara individual, employee eller organisation.',
      'The perspective must be individual, employee or organisation.',
    );
  }
  return {
    id: r.id(raw, path),
    factorId,
    perspective: perspective as FactorStatement['perspective'],
    text: r.label(raw.text, `${path}.text`),
    ...r.life(raw, path),
  };
}

function factor(r: Reader, raw: Raw, path: string): SuccessFactor {
  const e = r.entry(raw, path);
  return {
    ...e,
    tagline: r.label(raw.tagline, `${path}.tagline`),
    employeeLead: r.label(raw.employeeLead, `${path}.employeeLead`),
    organisationLead: r.label(raw.organisationLead, `${path}.organisationLead`),
    statements: r.list(raw, 'statements').map((s, i) => statement(r, s, `${path}.statements[${i}]`, e.id)),
  };
}

function catalogueOf(r: Reader, raw: Raw): Catalogue {
  const version = typeof raw.version === 'string' && VERSION.test(raw.version) ? raw.version : '';
  if (!version)
    r.fail(
      'catalogue.version',
      'Versionen saknas (till exempel 2026.1).',
      'The version is missing (e.g. 2026.1).',
    );
  const entries = (key: string) => r.list(raw, key).map((x, i) => r.entry(x, `${key}[${i}]`));
  const c: Catalogue = {
    version,
    title: r.label(raw.title, 'title'),
    goalWords: r.list(raw, 'goalWords').map((x, i) => ({
      ...r.entry(x, `goalWords[${i}]`),
      description: r.label(x.description, `goalWords[${i}].description`),
    })),
    factors: r.list(raw, 'factors').map((x, i) => factor(r, x, `factors[${i}]`)),
    targetGroups: entries('targetGroups'),
    organisations: r.list(raw, 'organisations').map((x, i) => {
      if (x.kind !== 'region' && x.kind !== 'municipality') {
        r.fail(
          `organisations[${i}].kind`,
          'Ska vara region eller municipality.',
          'Must be region or municipality.',
        );
      }
      return { ...r.entry(x, `organisations[${i}]`), kind: x.kind === 'region' ? 'region' : 'municipality' };
    }),
    prerequisites: entries('prerequisites'),
    agreements: r.list(raw, 'agreements').map((x, i) => {
      const v = rawOf(x.validity);
      const ok = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 1990 && n <= 2100;
      if (x.validity !== undefined && (!ok(v.from) || (v.to !== null && !ok(v.to)))) {
        r.fail(
          `agreements[${i}].validity`,
          'Giltighet anges som { "from": år, "to": år eller null }.',
          'Validity is { "from": year, "to": year or null }.',
        );
      }
      const validity =
        x.validity === undefined
          ? {}
          : { validity: { from: Number(v.from), to: v.to === null ? null : Number(v.to) } };
      return { ...r.entry(x, `agreements[${i}]`), ...validity };
    }),
    networks: entries('networks'),
  };
  try {
    catalogueIndex(c);
  } catch (err) {
    r.fail(
      'catalogue',
      `Ett id förekommer två gånger (${(err as Error).message.split(': ')[1] ?? ''}).`,
      `An id occurs twice (${(err as Error).message.split(': ')[1] ?? ''}).`,
    );
  }
  return c;
}

/**
 * Reads an export file (docs/catalogue-file.md) into a catalogue and, when present, settings. Every
 * text is cleaned and checked like user text; every problem is reported with its path.
 */
export function parseCatalogueFile(body: unknown): {
  catalogue: Catalogue;
  settings: ProcessSettings | null;
} {
  const raw = rawOf(body);
  const r = new Reader();
  if (raw.format !== 'omtanke-catalogue' || raw.formatVersion !== 1) {
    r.fail(
      'format',
      'Filen är inte en katalogexport från Omtanke (format "omtanke-catalogue", version 1).',
      'The file is not an Omtanke catalogue export (format "omtanke-catalogue", version 1).',
    );
    throw new ValidationError(r.issues);
  }
  const catalogue = catalogueOf(r, rawOf(raw.catalogue));
  let settings: ProcessSettings | null = null;
  if (raw.settings !== undefined) {
    const s = rawOf(raw.settings);
    try {
      // Numbers as JSON numbers and the prefix as a string: nothing coerced from another type.
      const num = (v: unknown) => (typeof v === 'number' ? v : Number.NaN);
      settings = checkSettings({
        reminderAfterDays: num(s.reminderAfterDays),
        digestWeekday: num(s.digestWeekday),
        referencePrefix: typeof s.referencePrefix === 'string' ? s.referencePrefix : '',
      });
    } catch (err) {
      if (err instanceof ValidationError)
        r.issues.push(...err.issues.map((i) => ({ ...i, field: `settings.${i.field}` })));
    }
  }
  if (r.issues.length > 0) throw new ValidationError(r.issues);
  return { catalogue, settings };
}

export type { CatalogueFile };
