import { ValidationError } from '../shared/domain.errors';
import { type CatalogueEntryKind, catalogueIndex } from './catalogue';
import { compareVersions, isActive } from './catalogue-version';
import type { Catalogue, EntryLife } from './catalogue.types';
import { guardRails } from './catalogue-edit';
import type { Label } from '../shared/label';

type Entry = EntryLife & { readonly id: string; readonly label?: Label; readonly text?: Label };

const labelOf = (e: Entry): Label => (e.label ?? e.text)!;
const sameLabel = (a: Label, b: Label) => a.sv === b.sv && a.en === b.en;

/**
 * An imported entry the store already has keeps every former label the store knew (a hand-written
 * file has none) and, when its wording changes now, the old wording too — so initiatives sent before
 * keep showing what they were sent with. Former labels are kept once each, in version order.
 */
function carry<T extends Entry>(incoming: T, had: Entry | undefined, version: string): T {
  if (!had) return incoming;
  const former = [...(had.formerLabels ?? []), ...(incoming.formerLabels ?? [])];
  if (!sameLabel(labelOf(had), labelOf(incoming))) former.push({ label: labelOf(had), until: version });
  const unique = former.filter(
    (f, i) => former.findIndex((g) => g.until === f.until && sameLabel(g.label, f.label)) === i,
  );
  if (unique.length === 0) return incoming;
  return { ...incoming, formerLabels: unique.sort((a, b) => compareVersions(a.until, b.until)) };
}

/** An entry the file lacks stays, retired, so the initiatives that used it keep their label. */
const retired = <T extends Entry>(e: T, version: string): T =>
  isActive(e) ? { ...e, retiredIn: version } : e;

function mergeList<T extends Entry>(
  incoming: readonly T[],
  had: readonly T[],
  version: string,
  keep: boolean,
): T[] {
  const byId = new Map(had.map((e) => [e.id, e]));
  const ids = new Set(incoming.map((e) => e.id));
  const merged = incoming.map((e) => carry(e, byId.get(e.id), version));
  if (keep) for (const e of had) if (!ids.has(e.id)) merged.push(retired(e, version));
  return merged;
}

/**
 * The catalogue after importing a file, as version `version`. With `keepOld` (the store has
 * initiatives) nothing the store had is dropped: entries missing from the file are kept, retired,
 * and an id may not change its kind — ids are never reused. Without it (no initiative yet, e.g. a
 * new region's first start) the file replaces the catalogue.
 */
export function mergeImport(
  current: Catalogue,
  incoming: Catalogue,
  version: string,
  keepOld: boolean,
): Catalogue {
  if (keepOld) {
    const had = catalogueIndex(current);
    const clash: string[] = [];
    for (const [id, entry] of catalogueIndex(incoming)) {
      const before: CatalogueEntryKind | undefined = had.get(id)?.kind;
      if (before && before !== entry.kind) clash.push(id);
    }
    if (clash.length > 0) {
      throw new ValidationError([
        {
          field: 'catalogue',
          code: 'CATALOGUE_FILE.ID_REUSED',
          message: {
            sv: `Id som redan används för något annat: ${clash.slice(0, 5).join(', ')}.`,
            en: `Ids already used for something else: ${clash.slice(0, 5).join(', ')}.`,
          },
        },
      ]);
    }
  }
  const factors = mergeList(incoming.factors, current.factors, version, keepOld).map((f) => {
    const old = current.factors.find((x) => x.id === f.id);
    const statements = mergeList(f.statements, old?.statements ?? [], version, keepOld && !!old);
    return { ...f, statements: f === old ? old.statements : statements };
  });
  const merged: Catalogue = {
    version,
    title: incoming.title,
    goalWords: mergeList(incoming.goalWords, current.goalWords, version, keepOld),
    factors,
    targetGroups: mergeList(incoming.targetGroups, current.targetGroups, version, keepOld),
    organisations: mergeList(incoming.organisations, current.organisations, version, keepOld),
    prerequisites: mergeList(incoming.prerequisites, current.prerequisites, version, keepOld),
    agreements: mergeList(incoming.agreements, current.agreements, version, keepOld),
    networks: mergeList(incoming.networks, current.networks, version, keepOld),
  };
  try {
    catalogueIndex(merged);
  } catch (err) {
    const id = (err as Error).message.split(': ')[1] ?? '';
    throw new ValidationError([
      {
        field: 'catalogue',
        code: 'CATALOGUE_FILE.ID_REUSED',
        message: {
          sv: `Id som redan används för något annat: ${id}.`,
          en: `Id already used for something else: ${id}.`,
        },
      },
    ]);
  }
  guardRails(merged);
  return merged;
}
