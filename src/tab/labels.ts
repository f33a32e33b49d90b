import { catalogueIndex } from '../domain/catalogue/catalogue';
import { labelAt, optionText } from '../domain/catalogue/catalogue-version';
import type { Catalogue } from '../domain/catalogue/catalogue.types';
import type { Decision, FollowUp } from '../domain/initiative/initiative.types';
import { FOLLOW_UP_STATE_LABELS, OUTCOME_LABELS } from '../domain/initiative/labels';
import { SKALLKRAV_STATE_LABELS, type SkallkravState } from '../domain/initiative/skallkrav';
import { STATUS_LABELS, type Status } from '../domain/initiative/status';
import { type Locale, text } from '../domain/shared/label';

const cache = new WeakMap<Catalogue, ReturnType<typeof catalogueIndex>>();

/**
 * Display label of any catalogue id in the locale, as it read in catalogue `version` when given (an
 * initiative shows the labels it was sent with); the id itself if the catalogue does not have it.
 */
export function labelOf(catalogue: Catalogue, id: string, locale: Locale, version?: string): string {
  let index = cache.get(catalogue);
  if (!index) cache.set(catalogue, (index = catalogueIndex(catalogue)));
  const entry = index.get(id);
  return entry ? text(labelAt(entry, version), locale) : id;
}

export function labelsOf(
  catalogue: Catalogue,
  ids: readonly string[],
  locale: Locale,
  version?: string,
): string {
  return ids.map((id) => labelOf(catalogue, id, locale, version)).join(', ');
}

/** An option's text in a filter: a retired entry still filters, and says it is retired. */
export const optionLabel = optionText;

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
