import type { CatalogueChangeInput, SettingsInput } from '../../contracts/admin-api';
import type { CatalogueChange } from '../../domain/catalogue/catalogue-edit';
import type { CatalogueEntryKind } from '../../domain/catalogue/catalogue';
import type { Label } from '../../domain/shared/label';
import { ValidationError } from '../../domain/shared/domain.errors';
import { requireText } from '../use-cases/text-input';
import { oneOf, type Raw, rawOf, str } from './fields';

const KINDS: readonly CatalogueEntryKind[] = [
  'goalWord',
  'factor',
  'statement',
  'targetGroup',
  'organisation',
  'prerequisite',
  'agreement',
  'network',
];
const CHANGE_ID = /^[A-Za-z0-9-]{8,64}$/;

const bad = (field: string, sv: string, en: string) =>
  new ValidationError([{ field, code: 'FIELD.INVALID', message: { sv, en } }]);

/** A label in both languages, each required, cleaned and free of identity numbers. */
export function labelOf(raw: Raw, field = 'label'): Label {
  const l = rawOf(raw[field]);
  return {
    sv: requireText(`${field}.sv`, str(l, 'sv'), 600),
    en: requireText(`${field}.en`, str(l, 'en'), 600),
  };
}

function year(v: unknown, field: string): number {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1990 && v <= 2100) return v;
  if (typeof v === 'string' && /^\d{4}$/.test(v.trim())) return year(Number(v.trim()), field);
  throw bad(field, 'Ange ett årtal, till exempel 2025.', 'Give a year, for example 2025.');
}

/** An agreement's years: absent, or from (and optionally to, not before from). */
export function validityOf(raw: Raw): { from: number; to: number | null } | undefined {
  const v = raw.validity;
  if (v === undefined || v === null || v === '') return undefined;
  const r = rawOf(v);
  const from = year(r.from, 'validity.from');
  const to = r.to === undefined || r.to === null || r.to === '' ? null : year(r.to, 'validity.to');
  if (to !== null && to < from) {
    throw bad(
      'validity.to',
      'Slutåret kan inte ligga före startåret.',
      'The end year cannot be before the start year.',
    );
  }
  return { from, to };
}

function changeId(raw: Raw): string {
  const id = str(raw, 'changeId').trim();
  if (CHANGE_ID.test(id)) return id;
  throw bad('changeId', 'Ändringen saknar id; ladda om sidan.', 'The change has no id; reload the page.');
}

function basedOn(raw: Raw): number {
  const n = raw.basedOn;
  if (typeof n === 'number' && Number.isInteger(n) && n >= 0) return n;
  throw bad('basedOn', 'Ladda om sidan och försök igen.', 'Reload the page and try again.');
}

function change(raw: Raw): CatalogueChange {
  const op = oneOf(raw, 'op', ['add', 'reword', 'retire', 'restore'] as const);
  if (op === 'add') {
    const kind = oneOf(raw, 'kind', KINDS);
    const validity = kind === 'agreement' ? validityOf(raw) : undefined;
    return {
      op,
      kind,
      label: labelOf(raw),
      ...(kind === 'statement'
        ? {
            factorId: str(raw, 'factorId').trim(),
            perspective: oneOf(raw, 'perspective', ['individual', 'employee', 'organisation'] as const),
          }
        : {}),
      ...(kind === 'organisation'
        ? { organisationKind: oneOf(raw, 'organisationKind', ['region', 'municipality'] as const) }
        : {}),
      ...(validity ? { validity } : {}),
    };
  }
  const id = str(raw, 'id').trim();
  if (!id) throw bad('id', 'Välj en post.', 'Choose an entry.');
  if (op === 'reword') {
    const validity = validityOf(raw);
    return { op, id, label: labelOf(raw), ...(validity ? { validity } : {}) };
  }
  return { op, id };
}

/** One parser for a catalogue change, whichever client sends it. */
export function parseCatalogueChange(raw: Raw): CatalogueChangeInput {
  return { changeId: changeId(raw), basedOn: basedOn(raw), change: change(rawOf(raw.change)) };
}

/** A whole number as JSON sends it or as typed digits ("5"); nothing like "1e1" or "0x3". */
function whole(raw: Raw, field: string, sv: string, en: string): number {
  const v = raw[field];
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^\s*\d{1,3}\s*$/.test(v)) return Number(v);
  throw bad(field, sv, en);
}

export function parseSettings(raw: Raw): SettingsInput {
  const s = rawOf(raw.settings);
  return {
    changeId: changeId(raw),
    basedOn: basedOn(raw),
    settings: {
      reminderAfterDays: whole(
        s,
        'reminderAfterDays',
        'Ange ett helt antal dagar.',
        'Enter a whole number of days.',
      ),
      digestWeekday: whole(s, 'digestWeekday', 'Välj en veckodag.', 'Choose a day of the week.'),
      referencePrefix: str(s, 'referencePrefix').trim().toUpperCase(),
    },
  };
}

/** An import's change id and the catalogue revision the admin's page showed. */
export function parseImportRequest(raw: Raw): { changeId: string; basedOn: number } {
  return { changeId: changeId(raw), basedOn: basedOn(raw) };
}
