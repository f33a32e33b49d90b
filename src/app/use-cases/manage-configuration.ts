import type { CatalogueChangeInput, CatalogueFile, SettingsInput } from '../../contracts/admin-api';
import type { AuditEvent, AuditKind } from '../../domain/audit/audit-event';
import { applyChange } from '../../domain/catalogue/catalogue-edit';
import { mergeImport } from '../../domain/catalogue/catalogue-import';
import { nextVersion } from '../../domain/catalogue/catalogue-version';
import type { Catalogue } from '../../domain/catalogue/catalogue.types';
import type { Person } from '../../domain/initiative/initiative.types';
import { checkSettings, type ProcessSettings } from '../../domain/settings/process-settings';
import { StateConflictError, ValidationError } from '../../domain/shared/domain.errors';
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

interface Built {
  readonly data: unknown;
  readonly kind: AuditKind;
  readonly before: Record<string, unknown> | null;
  readonly after: Record<string, unknown> | null;
}

/** How far behind the revision an admin's page may be; beyond it the page is simply too old. */
const MAX_BEHIND = 20;

const stale = () =>
  new StateConflictError('CONFIGURATION.STALE', {
    sv: 'Någon annan har ändrat detta sedan du öppnade sidan. Ladda om sidan och gör ändringen igen.',
    en: 'Someone else has changed this since you opened the page. Reload the page and make the change again.',
  });

const tooLarge = (kind: ConfigurationKind) =>
  new ValidationError([
    {
      field: kind,
      code: 'CONFIGURATION.TOO_LARGE',
      message: {
        sv: 'Katalogen har blivit för stor för att sparas. Korta långa texter eller dela upp listorna.',
        en: 'The catalogue has grown too large to be saved. Shorten long texts or split the lists.',
      },
    },
  ]);

/** The audit events of the latest revisions: written again with every change and by the sweep. */
const recentEvents = (deps: AppDeps, kind: ConfigurationKind) =>
  deps.configuration.recent(kind).flatMap((r) => r.events);

/**
 * Saves one change as the next revision of a kind: admins only. The revision carries its audit
 * event (id fixed by the revision), written out after it — together with those of the latest few
 * revisions, so an event a fault left unwritten is written by a later change or by the sweep
 * (`ensureConfigurationRecorded`). A retry of the same change (same `changeId`) finds its revision
 * and completes it instead of changing twice. A change based on an older revision than the one in
 * force is refused when what came since `conflicts` with it (the same entry, the whole settings), so
 * no admin silently undoes another's change.
 */
async function saveRevision(
  deps: AppDeps,
  person: Person,
  kind: ConfigurationKind,
  changeId: string,
  basedOn: number,
  conflicts: (since: ConfigurationRevision) => boolean,
  build: (current: ConfigurationRevision) => Built,
): Promise<ConfigurationRevision> {
  await assertManagesRoles(deps, person);
  for (let attempt = 1; ; attempt++) {
    await deps.configuration.refresh(kind);
    const current = deps.configuration.revision(kind);
    const seen = Math.min(basedOn, current.revision);
    if (current.revision - seen > MAX_BEHIND) throw stale();
    // Revisions saved since the one the admin saw: is one of them this very change (a retry)?
    const since = seen < current.revision ? await deps.store.configuration.after(kind, seen) : [];
    const mine = since.find((r) => r.changeId === changeId);
    if (mine) {
      await writeRecords(deps, { events: [...recentEvents(deps, kind), ...mine.events], notifications: [] });
      return mine;
    }
    if (since.some(conflicts)) throw stale();
    const b = build(current);
    const revision = current.revision + 1;
    const at = deps.clock.now().toISOString();
    const event: AuditEvent = {
      id: `${kind}:${revision}`,
      initiativeId: TRAILS[kind],
      kind: b.kind,
      at,
      actor: { objectId: person.objectId, name: person.name },
      before: { revision: current.revision, ...(b.before ?? {}) },
      after: { revision, ...(b.after ?? {}) },
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
    if (!deps.store.configuration.fits(saved)) throw tooLarge(kind);
    try {
      await deps.store.configuration.append(saved);
    } catch (err) {
      // Someone saved revision n first (or this change did, its answer lost): read and try again.
      if (err instanceof ConflictError && attempt < 4) continue;
      // It may have landed all the same: the sweep reads it back and writes its event.
      deps.configuration.doubt(kind);
      throw err;
    }
    const events = [...recentEvents(deps, kind), ...saved.events];
    deps.configuration.saved(saved);
    await writeRecords(deps, { events, notifications: [] });
    return saved;
  }
}

/** The entry a catalogue revision changed, from its audit event (null: an import, all of it). */
function touched(r: ConfigurationRevision): string | null {
  const after = r.events[0]?.after as { entry?: { id?: unknown } } | undefined;
  return typeof after?.entry?.id === 'string' ? after.entry.id : null;
}

export function changeCatalogue(deps: AppDeps, person: Person, input: CatalogueChangeInput) {
  const c = input.change;
  // Adds compose with anything; a change of an entry conflicts with another change of it or an import.
  const conflicts = (r: ConfigurationRevision) =>
    c.op !== 'add' && (touched(r) === null || touched(r) === c.id);
  return saveRevision(deps, person, 'catalogue', input.changeId, input.basedOn, conflicts, (current) => {
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

/**
 * Imports an export file: the catalogue (merged, see mergeImport), then the settings it carries when
 * they differ from those in force (compared afresh, so a retry after either part is harmless).
 */
export async function importCatalogue(
  deps: AppDeps,
  person: Person,
  input: { readonly changeId: string; readonly basedOn: number },
  file: { catalogue: Catalogue; settings: ProcessSettings | null },
): Promise<ConfigurationRevision> {
  await assertManagesRoles(deps, person);
  const used = (await deps.store.initiatives.list({ by: 'all' }, { limit: 1 })).items.length > 0;
  const saved = await saveRevision(
    deps,
    person,
    'catalogue',
    input.changeId,
    input.basedOn,
    () => true,
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
  if (settings) {
    await deps.configuration.refresh('settings');
    const now = deps.configuration.revision('settings');
    const before = now.data as ProcessSettings;
    if ((Object.keys(settings) as (keyof ProcessSettings)[]).some((k) => settings[k] !== before[k])) {
      await saveSettings(deps, person, {
        changeId: `${input.changeId}-settings`,
        basedOn: now.revision,
        settings,
      });
    }
  }
  return saved;
}

export function saveSettings(deps: AppDeps, person: Person, input: SettingsInput) {
  const settings = checkSettings(input.settings);
  // The settings are saved whole: any revision since the one the admin saw conflicts.
  return saveRevision(
    deps,
    person,
    'settings',
    input.changeId,
    input.basedOn,
    () => true,
    (current) => {
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
    },
  );
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
 * The dispatcher's sweep: the latest revisions of each kind get their audit events written (once
 * per instance and latest revision; writing an event again is harmless, its id is fixed).
 */
const ensured = new WeakMap<object, Set<string>>();
export async function ensureConfigurationRecorded(deps: AppDeps): Promise<void> {
  const done = ensured.get(deps.configuration) ?? new Set<string>();
  ensured.set(deps.configuration, done);
  await deps.configuration.settleDoubts();
  for (const kind of ['catalogue', 'settings'] as const) {
    const key = `${kind}:${deps.configuration.revision(kind).revision}`;
    const events = recentEvents(deps, kind);
    if (done.has(key) || events.length === 0) continue;
    await writeRecords(deps, { events, notifications: [] });
    done.add(key);
  }
}
