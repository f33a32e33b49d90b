import { catalogueIndex } from '../domain/catalogue/catalogue';
import type { Catalogue } from '../domain/catalogue/catalogue.types';
import { STATUS_LABELS, type Status } from '../domain/initiative/status';
import { type Locale, text } from '../domain/shared/label';

const cache = new WeakMap<Catalogue, ReturnType<typeof catalogueIndex>>();

/** Display label of any catalogue id in the locale; the id itself if the catalogue no longer has it. */
export function labelOf(catalogue: Catalogue, id: string, locale: Locale): string {
  let index = cache.get(catalogue);
  if (!index) cache.set(catalogue, (index = catalogueIndex(catalogue)));
  const entry = index.get(id);
  return entry ? text(entry.label, locale) : id;
}

export function labelsOf(catalogue: Catalogue, ids: readonly string[], locale: Locale): string {
  return ids.map((id) => labelOf(catalogue, id, locale)).join(', ');
}

export function statusLabel(status: Status, locale: Locale): string {
  return text(STATUS_LABELS[status], locale);
}

/** A date as people in Sweden write it (2026-03-02), in both languages. */
export function day(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : '';
}
