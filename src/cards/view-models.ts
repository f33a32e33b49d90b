import { labelAt } from '../domain/catalogue/catalogue-version';
import type { Catalogue, EntryLife } from '../domain/catalogue/catalogue.types';
import type { Initiative } from '../domain/initiative/initiative.types';
import { FOLLOW_UP_STATE_LABELS, OUTCOME_LABELS } from '../domain/initiative/labels';
import { STATUS_LABELS } from '../domain/initiative/status';
import { type Label, type Locale, text } from '../domain/shared/label';
import { strings } from '../i18n/strings';

/** Builds the tab link for an initiative (Teams deep link in production, local URL in local mode). */
export type LinkFor = (ref: string) => string;

/** The commands that the welcome and message buttons send back as typed text. */
export function commands(locale: Locale): { new: string; mine: string; help: string } {
  return locale === 'en'
    ? { new: 'new initiative', mine: 'my initiatives', help: 'help' }
    : { new: 'nytt initiativ', mine: 'mina initiativ', help: 'hjälp' };
}

/** Labels of the chosen catalogue entries, joined for a FactSet. */
export function labelsOf(
  entries: readonly (EntryLife & { id: string; label: Label })[],
  chosen: readonly string[],
  locale: Locale,
  /** The catalogue version the initiative was sent with: its labels are shown as they were then. */
  version?: string,
): string {
  return entries
    .filter((e) => chosen.includes(e.id))
    .map((e) => text(labelAt(e, version), locale))
    .join(', ');
}

/** A short, human summary of an initiative for cards: everything localised, nothing personal. */
export function summary(initiative: Initiative, catalogue: Catalogue, locale: Locale, linkFor: LinkFor) {
  const f = initiative.form;
  const v = initiative.catalogueVersion;
  const statements = catalogue.factors.flatMap((x) => x.statements.map((s) => ({ ...s, label: s.text })));
  const malbild = [
    labelsOf(catalogue.goalWords, f.goalWordIds, locale, v),
    labelsOf(catalogue.factors, f.factorIds, locale, v),
    labelsOf(statements, f.statementIds, locale, v),
  ]
    .filter(Boolean)
    .join('; ');
  return {
    id: initiative.id,
    ref: initiative.ref ?? strings(locale).draftNoRef,
    title: f.title,
    status: text(STATUS_LABELS[initiative.status], locale),
    organisations: labelsOf(catalogue.organisations, f.organisationIds, locale, v),
    targetGroups: labelsOf(catalogue.targetGroups, f.targetGroupIds, locale, v),
    malbild,
    link: initiative.ref ? linkFor(initiative.ref) : '',
    updated: initiative.updatedAt.slice(0, 10),
  };
}

/** Shortens long free text for a card (the full text is in the tab); cards must stay under 28 KB. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

const pick = <K extends string>(labels: Readonly<Record<K, Label>>, locale: Locale) =>
  Object.fromEntries(Object.entries<Label>(labels).map(([k, v]) => [k, text(v, locale)])) as Record<
    K,
    string
  >;

/** The domain's words for its values (outcomes, follow-up states), as card templates read them (`l.`). */
export function valueLabels(locale: Locale) {
  return { outcome: pick(OUTCOME_LABELS, locale), state: pick(FOLLOW_UP_STATE_LABELS, locale) };
}
