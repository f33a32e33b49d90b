import { catalogueIndex } from '../domain/catalogue/catalogue';
import type { Catalogue } from '../domain/catalogue/catalogue.types';
import type { Decision, FollowUp } from '../domain/initiative/initiative.types';
import { FOLLOW_UP_STATE_LABELS, OUTCOME_LABELS } from '../domain/initiative/labels';
import { SKALLKRAV_STATE_LABELS, type SkallkravState } from '../domain/initiative/skallkrav';
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

/** The domain's own words for its values; the tab's catalogue holds only UI copy. */
export function statusLabel(status: Status, locale: Locale): string {
  return text(STATUS_LABELS[status], locale);
}
export const outcomeLabel = (o: Decision['outcome'], locale: Locale) => text(OUTCOME_LABELS[o], locale);
export const followUpStateLabel = (s: FollowUp['state'], locale: Locale) =>
  text(FOLLOW_UP_STATE_LABELS[s], locale);
export const skallkravStateLabel = (s: SkallkravState, locale: Locale) =>
  text(SKALLKRAV_STATE_LABELS[s], locale);

/** A date as people in Sweden write it (2026-03-02), in both languages. */
export function day(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : '';
}
