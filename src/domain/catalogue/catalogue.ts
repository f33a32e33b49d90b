import type { Label } from '../shared/label';
import type { Catalogue, FactorStatement, Organisation, Perspective } from './catalogue.types';

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
export interface CatalogueEntry {
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
  const add = (id: string, kind: CatalogueEntryKind, label: Label): void => {
    if (index.has(id)) throw new Error(`Duplicate catalogue id: ${id}`);
    index.set(id, { kind, label });
  };
  for (const goalWord of c.goalWords) add(goalWord.id, 'goalWord', goalWord.label);
  for (const factor of c.factors) {
    add(factor.id, 'factor', factor.label);
    for (const statement of factor.statements) add(statement.id, 'statement', statement.text);
  }
  for (const group of c.targetGroups) add(group.id, 'targetGroup', group.label);
  for (const organisation of c.organisations) add(organisation.id, 'organisation', organisation.label);
  for (const prerequisite of c.prerequisites) add(prerequisite.id, 'prerequisite', prerequisite.label);
  for (const agreement of c.agreements) add(agreement.id, 'agreement', agreement.label);
  for (const network of c.networks) add(network.id, 'network', network.label);
  return index;
}
