import type { Label } from '../shared/label';
import type { Catalogue, EntryLife } from './catalogue.types';

/**
 * Catalogue versions read "year.n" (2025.1, 2026.1, 2026.2 …): the n:th change of the year. They are
 * compared as numbers, part by part, so an initiative's saved version tells which labels it saw.
 */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0 && !Number.isNaN(d)) return d;
  }
  return 0;
}

/** The version after `current` for a change made in `year`. */
export function nextVersion(current: string, year: number): string {
  const [y, n] = current.split('.').map(Number);
  // A clock behind the catalogue's year (another instance's, say) must not number backwards.
  if (y !== undefined && Number.isInteger(y) && y >= year)
    return `${y}.${(Number.isInteger(n) ? n! : 0) + 1}`;
  return `${year}.1`;
}

/** The label an entry had in a catalogue version: the current one unless it was reworded since. */
export function labelAt(entry: EntryLife & { readonly label: Label }, version: string | undefined): Label {
  if (version === undefined) return entry.label;
  for (const former of entry.formerLabels ?? []) {
    if (compareVersions(version, former.until) < 0) return former.label;
  }
  return entry.label;
}

export const isActive = (entry: EntryLife): boolean => entry.retiredIn === undefined;

/** An entry's text where it is offered or listed: a retired one says so ("… (utgången)"). */
export function optionText(
  e: EntryLife & { readonly label: Label },
  locale: 'sv' | 'en',
  retiredWord: string,
): string {
  const t = locale === 'en' ? e.label.en : e.label.sv;
  return isActive(e) ? t : `${t} (${retiredWord})`;
}

/**
 * The catalogue as the form offers it: retired entries left out (a retired success factor takes its
 * statements with it). Labels, filters and the skallkrav use the whole catalogue instead, so
 * initiatives that chose a retired entry keep it.
 */
export function activeCatalogue(c: Catalogue): Catalogue {
  return {
    ...c,
    goalWords: c.goalWords.filter(isActive),
    factors: c.factors.filter(isActive).map((f) => ({ ...f, statements: f.statements.filter(isActive) })),
    targetGroups: c.targetGroups.filter(isActive),
    organisations: c.organisations.filter(isActive),
    prerequisites: c.prerequisites.filter(isActive),
    agreements: c.agreements.filter(isActive),
    networks: c.networks.filter(isActive),
  };
}

/** "2022–2024", "2025–" or '' for an agreement's validity. */
export function validityText(validity: { from: number; to: number | null } | undefined): string {
  if (!validity) return '';
  return `${validity.from}–${validity.to ?? ''}`;
}

/**
 * What a form offers: the active entries, and the retired ones the form already holds (an edit of an
 * older initiative keeps its choice, marked as retired, instead of silently dropping it).
 */
export function offeredCatalogue(c: Catalogue, chosen: ReadonlySet<string>): Catalogue {
  const keep = (e: EntryLife & { id: string }) => isActive(e) || chosen.has(e.id);
  return {
    ...c,
    goalWords: c.goalWords.filter(keep),
    factors: c.factors.filter(keep).map((f) => ({
      ...f,
      statements: f.statements.filter((s) => (isActive(f) && isActive(s)) || chosen.has(s.id)),
    })),
    targetGroups: c.targetGroups.filter(keep),
    organisations: c.organisations.filter(keep),
    prerequisites: c.prerequisites.filter(keep),
    agreements: c.agreements.filter(keep),
    networks: c.networks.filter(keep),
  };
}
