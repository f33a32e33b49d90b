import type { CatalogueEntryKind } from '../../../domain/catalogue/catalogue';
import { validityText } from '../../../domain/catalogue/catalogue-version';
import type { Catalogue } from '../../../domain/catalogue/catalogue.types';
import { type Label, type Locale, text } from '../../../domain/shared/label';
import type { CatalogueStrings } from './catalogue.strings';

export const EDITABLE_KINDS: readonly CatalogueEntryKind[] = [
  'targetGroup',
  'goalWord',
  'factor',
  'statement',
  'prerequisite',
  'agreement',
  'network',
  'organisation',
];

/** One catalogue entry as the Administration table shows it. */
export interface EntryRow {
  readonly id: string;
  readonly label: Label;
  readonly retiredIn?: string;
  /** What else says which entry it is: the factor and perspective, the years, region or municipality. */
  readonly detail: string;
  readonly validity?: { readonly from: number; readonly to: number | null };
}

export function rowsOf(
  c: Catalogue,
  kind: CatalogueEntryKind,
  locale: Locale,
  a: CatalogueStrings,
): EntryRow[] {
  const plain = (list: readonly { id: string; label: Label; retiredIn?: string }[]) =>
    list.map((e) => ({ id: e.id, label: e.label, retiredIn: e.retiredIn, detail: '' }));
  switch (kind) {
    case 'statement':
      return c.factors.flatMap((f) =>
        f.statements.map((s) => ({
          id: s.id,
          label: s.text,
          retiredIn: s.retiredIn ?? f.retiredIn,
          detail: `${text(f.label, locale)} · ${a.perspectives[s.perspective]}`,
        })),
      );
    case 'agreement':
      return c.agreements.map((e) => ({
        id: e.id,
        label: e.label,
        retiredIn: e.retiredIn,
        detail: validityText(e.validity),
        ...(e.validity ? { validity: e.validity } : {}),
      }));
    case 'organisation':
      return c.organisations.map((e) => ({
        id: e.id,
        label: e.label,
        retiredIn: e.retiredIn,
        detail: a.orgKinds[e.kind],
      }));
    case 'goalWord':
      return plain(c.goalWords);
    case 'factor':
      return plain(c.factors);
    case 'targetGroup':
      return plain(c.targetGroups);
    case 'prerequisite':
      return plain(c.prerequisites);
    case 'network':
      return plain(c.networks);
  }
}
