import type { CatalogueChangeInput, CatalogueFile, SettingsInput } from '../../contracts/admin-api';
import type { AuditEvent, AuditKind } from '../../domain/audit/audit-event';
import { applyChange } from '../../domain/catalogue/catalogue-edit';
import { mergeImport } from '../../domain/catalogue/catalogue-import';
import { nextVersion } from '../../domain/catalogue/catalogue-version';
import type { Catalogue } from '../../domain/catalogue/catalogue.types';
import type { Person } from '../../domain/initiative/initiative.types';
import { checkSettings, type ProcessSettings } from '../../domain/settings/process-settings';
import { ValidationError } from '../../domain/shared/domain.errors';
import type { AppDeps } from '../deps';
import type { ConfigurationKind, ConfigurationRevision } from '../ports/configuration.port';
import { ConflictError } from '../ports/store.errors';
import { writeRecords } from './change-records';
import { assertManagesRoles } from './manage-roles';

/** The audit trails of the catalogue and the settings, beside `system:roles`. */
export const TRAILS: Record<ConfigurationKind, string> = {
  catalogue: 'system:catalogue',
  settings: 'system:settings',
};

/** A SharePoint multi-line column holds 63,999 characters; a revision must fit in one. */
const MAX_REVISION_CHARS = 60_000;

interface Built {
  readonly data: unknown;
  readonly kind: AuditKind;
  readonly before: Record<string, unknown> | null;
  readonly after: Record<string, unknown> | null;
}

/**
 * Saves one change as the next revision of a kind: admins only. The revision carries its audit
 * event (id fixed by the revision), written out after it — together with the previous revision's,
 * so an event a fault left unwritten is written by the next change, or by the sweep
 * (`ensureConfigurationRecorded`). A retry of the same change (same `changeId`) finds its revision
 * and completes it instead of changing twice.
 */
async function saveRevision(
  deps: AppDeps,
  person: Person,
  kind: ConfigurationKind,
  changeId: string,
  basedOn: number,
  build: (current: ConfigurationRevision) => Built,
): Promise<ConfigurationRevision> {
  await assertManagesRoles(deps, person);
  for (let attempt = 1; ; attempt++) {
    await deps.configuration.refresh(kind);
    // Revisions saved since the one the admin saw: is one of them this very change (a retry)?
    const since = await deps.store.configuration.after(
      kind,
      Math.min(basedOn, deps.configuration.revision(kind).revision),
    );
    const mine = since.find((r) => r.changeId === changeId);
    if (mine) {
      await writeRecords(deps, { events: mine.events, notifications: [] });
      return mine;
    }
    const current = deps.configuration.revision(kind);
    const b = build(current);
    const revision = current.revision + 1;
    const at = deps.clock.now().toISOString();
    const event: AuditEvent = {
      id: `${kind}:${revision}`,
      initiativeId: TRAILS[kind],
      kind: b.kind,
      at,
      actor: { objectId: person.objectId, name: person.name },
      ...(b.before
        ? { before: { revision: current.revision, ...b.before } }
        : { before: { revision: current.revision } }),
      ...(b.after ? { after: { revision, ...b.after } } : { after: { revision } }),
    };
    const saved: ConfigurationRevision = {
      kind,
      revision,
      data: b.data,
      changeId,
      savedAt: at,
      savedBy: { objectId: person.objectId, name: person.name },
      events: [event],
    };
    if (JSON.stringify(saved).length > MAX_REVISION_CHARS) {
      throw new ValidationError([
        {
          field: kind,
          code: 'CONFIGURATION.TOO_LARGE',
          message: {
            sv: 'Katalogen har blivit för stor för att sparas. Ta bort långa texter eller dela upp listorna.',
            en: 'The catalogue has grown too large to be saved. Shorten long texts or split the lists.',
          },
        },
      ]);
    }
    try {
      await deps.store.configuration.append(saved);
    } catch (err) {
      // Someone saved revision n first (or this change did, its answer lost): read and try again.
      if (err instanceof ConflictError && attempt < 4) continue;
      // It may have landed all the same: the sweep reads it back and writes its event.
      deps.configuration.doubt(kind);
      throw err;
    }
    deps.configuration.saved(saved);
    await writeRecords(deps, { events: [...current.events, ...saved.events], notifications: [] });
    return saved;
  }
}

export function changeCatalogue(deps: AppDeps, person: Person, input: CatalogueChangeInput) {
  return saveRevision(deps, person, 'catalogue', input.changeId, input.basedOn, (current) => {
    const catalogue = current.data as Catalogue;
    const version = nextVersion(catalogue.version, deps.clock.now().getUTCFullYear());
    const applied = applyChange(catalogue, input.change, version);
    return {
      data: applied.catalogue,
      kind: 'catalogue_changed',
      before: { version: catalogue.version, op: input.change.op, entry: applied.before },
      after: { version, op: input.change.op, entry: applied.after },
    };
  });
}

/** Imports an export file: the catalogue (merged, see mergeImport) and the settings it carries. */
export async function importCatalogue(
  deps: AppDeps,
  person: Person,
  changeId: string,
  file: { catalogue: Catalogue; settings: ProcessSettings | null },
): Promise<ConfigurationRevision> {
  await assertManagesRoles(deps, person);
  const used = (await deps.store.initiatives.list({ by: 'all' }, { limit: 1 })).items.length > 0;
  const saved = await saveRevision(
    deps,
    person,
    'catalogue',
    changeId,
    deps.configuration.revision('catalogue').revision,
    (current) => {
      const catalogue = current.data as Catalogue;
      const version = nextVersion(catalogue.version, deps.clock.now().getUTCFullYear());
      const merged = mergeImport(catalogue, file.catalogue, version, used);
      return {
        data: merged,
        kind: 'catalogue_imported',
        before: { version: catalogue.version },
        after: { version, importedVersion: file.catalogue.version, replaced: !used },
      };
    },
  );
  const settings = file.settings;
  const before = deps.configuration.settings;
  if (
    settings &&
    (Object.keys(settings) as (keyof ProcessSettings)[]).some((k) => settings[k] !== before[k])
  ) {
    await saveSettings(deps, person, {
      changeId: `${changeId}-settings`,
      basedOn: deps.configuration.revision('settings').revision,
      settings,
    });
  }
  return saved;
}

export function saveSettings(deps: AppDeps, person: Person, input: SettingsInput) {
  const settings = checkSettings(input.settings);
  return saveRevision(deps, person, 'settings', input.changeId, input.basedOn, (current) => {
    const before = current.data as ProcessSettings;
    const changed = (Object.keys(settings) as (keyof ProcessSettings)[]).filter(
      (k) => settings[k] !== before[k],
    );
    if (changed.length === 0) {
      throw new ValidationError([
        {
          field: 'settings',
          code: 'SETTINGS.UNCHANGED',
          message: { sv: 'Inget är ändrat.', en: 'Nothing has changed.' },
        },
      ]);
    }
    return {
      data: settings,
      kind: 'settings_changed',
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, settings[k]])),
    };
  });
}

/** The export file of what is in force now. */
export async function exportCatalogue(deps: AppDeps, person: Person): Promise<CatalogueFile> {
  await assertManagesRoles(deps, person);
  await deps.configuration.refresh();
  return {
    format: 'omtanke-catalogue',
    formatVersion: 1,
    exportedAt: deps.clock.now().toISOString(),
    catalogue: deps.configuration.catalogue,
    settings: deps.configuration.settings,
  };
}

/**
 * The dispatcher's sweep: the latest revision of each kind gets its audit event written (once per
 * instance and revision; writing an event again is harmless, its id is fixed).
 */
const ensured = new WeakMap<object, Set<string>>();
export async function ensureConfigurationRecorded(deps: AppDeps): Promise<void> {
  const done = ensured.get(deps.configuration) ?? new Set<string>();
  ensured.set(deps.configuration, done);
  await deps.configuration.settleDoubts();
  for (const kind of ['catalogue', 'settings'] as const) {
    const r = deps.configuration.revision(kind);
    const key = `${kind}:${r.revision}`;
    if (done.has(key) || r.events.length === 0) continue;
    await writeRecords(deps, { events: r.events, notifications: [] });
    done.add(key);
  }
}
