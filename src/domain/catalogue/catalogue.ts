import type { Label } from '../shared/label';
import type { Catalogue, EntryLife, FactorStatement, Organisation, Perspective } from './catalogue.types';

export { catalogue } from './catalogue.data';

/** The kinds of entry a catalogue id can refer to. */
export type CatalogueEntryKind =
  | 'goalWord'
  | 'factor'
  | 'statement'
  | 'targetGroup'
  | 'organisation'
  | 'prerequisite'
  | 'agreement'
  | 'network';

/** What a catalogue id refers to: its kind and its display label (a statement's label is its text). */
export interface CatalogueEntry extends EntryLife {
  readonly kind: CatalogueEntryKind;
  readonly label: Label;
}

/** All statements of all success factors, in catalogue order. */
export function allStatements(c: Catalogue): readonly FactorStatement[] {
  return c.factors.flatMap((factor) => factor.statements);
}

/** The organisation with the given id, or undefined if the catalogue has none. */
export function findOrganisation(c: Catalogue, id: string): Organisation | undefined {
  return c.organisations.find((organisation) => organisation.id === id);
}

/** True if the id names a municipality in the catalogue. */
export function isMunicipality(c: Catalogue, id: string): boolean {
  return findOrganisation(c, id)?.kind === 'municipality';
}

/** True if the id names the region in the catalogue. */
export function isRegion(c: Catalogue, id: string): boolean {
  return findOrganisation(c, id)?.kind === 'region';
}

/** The statements of one success factor, optionally only those of one perspective; empty for an unknown factor. */
export function statementsOf(
  c: Catalogue,
  factorId: string,
  perspective?: Perspective,
): readonly FactorStatement[] {
  const factor = c.factors.find((f) => f.id === factorId);
  if (factor === undefined) return [];
  return perspective === undefined
    ? factor.statements
    : factor.statements.filter((statement) => statement.perspective === perspective);
}

/** Every id in the catalogue mapped to its kind and label; throws if an id occurs more than once. */
export function catalogueIndex(c: Catalogue): ReadonlyMap<string, CatalogueEntry> {
  const index = new Map<string, CatalogueEntry>();
  const add = (e: EntryLife & { id: string }, kind: CatalogueEntryKind, label: Label): void => {
    if (index.has(e.id)) throw new Error(`Duplicate catalogue id: ${e.id}`);
    index.set(e.id, {
      kind,
      label,
      ...(e.retiredIn !== undefined ? { retiredIn: e.retiredIn } : {}),
      ...(e.formerLabels ? { formerLabels: e.formerLabels } : {}),
    });
  };
  for (const goalWord of c.goalWords) add(goalWord, 'goalWord', goalWord.label);
  for (const factor of c.factors) {
    add(factor, 'factor', factor.label);
    for (const statement of factor.statements) add(statement, 'statement', statement.text);
  }
  for (const group of c.targetGroups) add(group, 'targetGroup', group.label);
  for (const organisation of c.organisations) add(organisation, 'organisation', organisation.label);
  for (const prerequisite of c.prerequisites) add(prerequisite, 'prerequisite', prerequisite.label);
  for (const agreement of c.agreements) add(agreement, 'agreement', agreement.label);
  for (const network of c.networks) add(network, 'network', network.label);
  return index;
}
