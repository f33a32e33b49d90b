import type { Label } from '../shared/label';
import { type FieldIssue, StateConflictError, ValidationError } from '../shared/domain.errors';
import { type CatalogueEntryKind, catalogueIndex } from './catalogue';
import { isActive } from './catalogue-version';
import type { Catalogue, EntryLife, OrganisationKind, Perspective } from './catalogue.types';

type Validity = { readonly from: number; readonly to: number | null };

/** One change an admin makes to the catalogue; each becomes one catalogue version. */
export type CatalogueChange =
  | {
      readonly op: 'add';
      readonly kind: CatalogueEntryKind;
      readonly label: Label;
      /** A statement's success factor and perspective. */
      readonly factorId?: string;
      readonly perspective?: Perspective;
      /** An organisation's kind (region or municipality). */
      readonly organisationKind?: OrganisationKind;
      readonly validity?: Validity;
    }
  | { readonly op: 'reword'; readonly id: string; readonly label: Label; readonly validity?: Validity }
  | { readonly op: 'retire'; readonly id: string }
  | { readonly op: 'restore'; readonly id: string };

/** An entry as the audit trail records it, before and after a change. */
export interface EntrySnapshot {
  readonly kind: CatalogueEntryKind;
  readonly id: string;
  readonly label: Label;
  readonly retired: boolean;
  readonly validity?: Validity;
}

export interface AppliedChange {
  readonly catalogue: Catalogue;
  readonly id: string;
  readonly before: EntrySnapshot | null;
  readonly after: EntrySnapshot;
}

type Entry = EntryLife & { readonly id: string; readonly label: Label; readonly validity?: Validity };

/** Top-level lists by kind; statements live inside their factor. */
const LISTS = {
  goalWord: 'goalWords',
  factor: 'factors',
  targetGroup: 'targetGroups',
  organisation: 'organisations',
  prerequisite: 'prerequisites',
  agreement: 'agreements',
  network: 'networks',
} as const satisfies Record<Exclude<CatalogueEntryKind, 'statement'>, keyof Catalogue>;

const PERSPECTIVE_WORD: Record<Perspective, string> = {
  individual: 'individ',
  employee: 'medarbetare',
  organisation: 'organisation',
};

const issue = (field: string, code: string, sv: string, en: string): FieldIssue => ({
  field,
  code,
  message: { sv, en },
});

function snapshot(kind: CatalogueEntryKind, e: Entry): EntrySnapshot {
  return {
    kind,
    id: e.id,
    label: e.label,
    retired: !isActive(e),
    ...(e.validity ? { validity: e.validity } : {}),
  };
}

/** A readable id from the Swedish label, never one the catalogue has had (retired ones included). */
function newId(c: Catalogue, base: string): string {
  const taken = catalogueIndex(c);
  const slug =
    base
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'post';
  let id = slug;
  for (let n = 2; taken.has(id); n++) id = `${slug}-${n}`;
  return id;
}

/** Replaces the entry with the id wherever it lives; returns the new catalogue and the entry's kind. */
function mapEntry(
  c: Catalogue,
  id: string,
  fn: (e: Entry) => Entry,
): { catalogue: Catalogue; kind: CatalogueEntryKind; before: Entry; after: Entry } | null {
  for (const [kind, key] of Object.entries(LISTS) as [
    Exclude<CatalogueEntryKind, 'statement'>,
    keyof Catalogue,
  ][]) {
    const list = c[key] as readonly Entry[];
    const at = list.findIndex((e) => e.id === id);
    if (at < 0) continue;
    const after = fn(list[at]!);
    return {
      catalogue: { ...c, [key]: list.map((e, i) => (i === at ? after : e)) },
      kind,
      before: list[at]!,
      after,
    };
  }
  for (const factor of c.factors) {
    const at = factor.statements.findIndex((s) => s.id === id);
    if (at < 0) continue;
    const statement = factor.statements[at]!;
    // A statement's label is its text: edited as a label, stored back as text.
    const before: Entry = { ...statement, label: statement.text };
    const after = fn(before);
    const { label, ...rest } = after;
    const stored = { ...statement, ...rest, text: label };
    if (!('retiredIn' in after)) delete (stored as { retiredIn?: string }).retiredIn;
    const factors = c.factors.map((f) =>
      f.id === factor.id ? { ...f, statements: f.statements.map((s, i) => (i === at ? stored : s)) } : f,
    );
    return { catalogue: { ...c, factors }, kind: 'statement', before, after };
  }
  return null;
}

const sameText = (a: Label, b: Label) => a.sv.trim().toLowerCase() === b.sv.trim().toLowerCase();

/** An entry in use with the same Swedish text: adding it again (a second press) would double it. */
function duplicateOf(c: Catalogue, change: Extract<CatalogueChange, { op: 'add' }>): boolean {
  if (change.kind === 'statement') {
    const factor = c.factors.find((f) => f.id === change.factorId);
    return !!factor?.statements.some((s) => isActive(s) && sameText(s.text, change.label));
  }
  return (c[LISTS[change.kind]] as readonly Entry[]).some(
    (e) => isActive(e) && sameText(e.label, change.label),
  );
}

function add(c: Catalogue, change: Extract<CatalogueChange, { op: 'add' }>): AppliedChange {
  if (duplicateOf(c, change)) {
    throw new ValidationError([
      issue(
        'label.sv',
        'CATALOGUE.DUPLICATE',
        'Det finns redan en post i bruk med den texten.',
        'An entry in use already has that text.',
      ),
    ]);
  }
  if (change.kind === 'statement') {
    const factor = c.factors.find((f) => f.id === change.factorId);
    if (!factor || !isActive(factor)) {
      throw new ValidationError([
        issue(
          'factorId',
          'CATALOGUE.NO_FACTOR',
          'Välj en framgångsfaktor i bruk.',
          'Choose a success factor in use.',
        ),
      ]);
    }
    const perspective = change.perspective ?? 'employee';
    const taken = catalogueIndex(c);
    let n = factor.statements.filter((s) => s.perspective === perspective).length + 1;
    while (taken.has(`${factor.id}.${PERSPECTIVE_WORD[perspective]}.${n}`)) n++;
    const id = `${factor.id}.${PERSPECTIVE_WORD[perspective]}.${n}`;
    const statement = { id, factorId: factor.id, perspective, text: change.label };
    const factors = c.factors.map((f) =>
      f.id === factor.id ? { ...f, statements: [...f.statements, statement] } : f,
    );
    return {
      catalogue: { ...c, factors },
      id,
      before: null,
      after: { kind: 'statement', id, label: change.label, retired: false },
    };
  }
  const id = newId(c, change.label.sv);
  const base: Entry = { id, label: change.label };
  const entry = (
    change.kind === 'organisation'
      ? { ...base, kind: change.organisationKind ?? 'municipality' }
      : change.kind === 'agreement' && change.validity
        ? { ...base, validity: change.validity }
        : change.kind === 'goalWord'
          ? { ...base, description: change.label }
          : change.kind === 'factor'
            ? {
                ...base,
                tagline: change.label,
                employeeLead: change.label,
                organisationLead: change.label,
                statements: [],
              }
            : base
  ) as Entry;
  const key = LISTS[change.kind];
  // The kind's own fields were set above; the list keeps what each kind needs.
  return {
    catalogue: { ...c, [key]: [...(c[key] as readonly Entry[]), entry] },
    id,
    before: null,
    after: snapshot(change.kind, entry),
  };
}

/** Skallkrav 1–3 must stay satisfiable by a new initiative: the form needs something to choose. */
export function guardRails(c: Catalogue): void {
  const issues: FieldIssue[] = [];
  if (!c.targetGroups.some(isActive)) {
    issues.push(
      issue(
        'targetGroup',
        'CATALOGUE.LAST_TARGET_GROUP',
        'Minst en målgrupp måste finnas kvar (skallkrav 2).',
        'At least one target group must remain (must-requirement 2).',
      ),
    );
  }
  if (!c.goalWords.some(isActive) && !c.factors.some(isActive)) {
    issues.push(
      issue(
        'goalWord',
        'CATALOGUE.LAST_MALBILD_PARAMETER',
        'Minst en parameter i målbilden måste finnas kvar (skallkrav 3).',
        'At least one målbild parameter must remain (must-requirement 3).',
      ),
    );
  }
  const orgs = c.organisations.filter(isActive);
  if (!orgs.some((o) => o.kind === 'region') || !orgs.some((o) => o.kind === 'municipality')) {
    issues.push(
      issue(
        'organisation',
        'CATALOGUE.LAST_ORGANISATION',
        'Minst en region och en kommun måste finnas kvar (skallkrav 1).',
        'At least one region and one municipality must remain (must-requirement 1).',
      ),
    );
  }
  if (issues.length > 0) throw new ValidationError(issues);
}

const missing = () =>
  new ValidationError([
    issue('id', 'CATALOGUE.NO_ENTRY', 'Posten finns inte i katalogen.', 'The entry is not in the catalogue.'),
  ]);

/**
 * Applies one change, giving the catalogue the new version. Refuses a change that would leave
 * skallkrav 1–3 unsatisfiable, a retire of what is retired, and a reword that changes nothing.
 */
export function applyChange(c: Catalogue, change: CatalogueChange, version: string): AppliedChange {
  let applied: AppliedChange;
  if (change.op === 'add') {
    applied = add(c, change);
  } else {
    const hit = mapEntry(c, change.id, (e) => {
      switch (change.op) {
        case 'retire':
          if (!isActive(e))
            throw new StateConflictError('CATALOGUE.ALREADY_RETIRED', {
              sv: 'Posten är redan utgången.',
              en: 'The entry is already retired.',
            });
          return { ...e, retiredIn: version };
        case 'restore': {
          if (isActive(e))
            throw new StateConflictError('CATALOGUE.NOT_RETIRED', {
              sv: 'Posten är redan i bruk.',
              en: 'The entry is already in use.',
            });
          const { retiredIn, ...rest } = e;
          void retiredIn;
          return rest;
        }
        case 'reword': {
          const same = e.label.sv === change.label.sv && e.label.en === change.label.en;
          const sameValidity =
            JSON.stringify(e.validity ?? null) === JSON.stringify(change.validity ?? e.validity ?? null);
          if (same && sameValidity) {
            throw new ValidationError([
              issue('label', 'CATALOGUE.UNCHANGED', 'Texten är oförändrad.', 'The text is unchanged.'),
            ]);
          }
          return {
            ...e,
            label: change.label,
            ...(change.validity ? { validity: change.validity } : {}),
            formerLabels: same
              ? e.formerLabels
              : [...(e.formerLabels ?? []), { label: e.label, until: version }],
          };
        }
      }
    });
    if (!hit) throw missing();
    if (change.op === 'reword' && change.validity && hit.kind !== 'agreement') {
      throw new ValidationError([
        issue(
          'validity',
          'CATALOGUE.NO_VALIDITY',
          'Bara överenskommelser har giltighetsår.',
          'Only agreements have years of validity.',
        ),
      ]);
    }
    applied = {
      catalogue: hit.catalogue,
      id: change.id,
      before: snapshot(hit.kind, hit.before),
      after: snapshot(hit.kind, hit.after),
    };
  }
  guardRails(applied.catalogue);
  return { ...applied, catalogue: { ...applied.catalogue, version } };
}
