import type { AppDeps } from '../../app/deps';
import { assertManagesRoles } from '../../app/use-cases/manage-roles';
import { TRAILS } from '../../app/use-cases/manage-configuration';
import type { ConfigurationKind } from '../../app/ports/configuration.port';
import type {
  CatalogueAdminView,
  ConfigurationChangeView,
  SettingsAdminView,
} from '../../contracts/admin-api';
import type { Catalogue } from '../../domain/catalogue/catalogue.types';
import type { Person } from '../../domain/initiative/initiative.types';
import type { ProcessSettings } from '../../domain/settings/process-settings';

const KINDS = new Set(['catalogue_changed', 'catalogue_imported', 'settings_changed']);

/** The audited changes of a kind, newest first (the trail holds only those). */
async function history(deps: AppDeps, kind: ConfigurationKind): Promise<ConfigurationChangeView[]> {
  const out: ConfigurationChangeView[] = [];
  let cursor: string | null = null;
  do {
    const page = await deps.store.audit.list(TRAILS[kind], { cursor, limit: 500 });
    for (const e of page.items) {
      if (!KINDS.has(e.kind)) continue;
      out.push({
        revision: Number(e.after?.revision ?? 0),
        kind: e.kind as ConfigurationChangeView['kind'],
        at: e.at,
        by: e.actor,
        before: e.before ?? null,
        after: e.after ?? null,
      });
    }
    cursor = page.nextCursor;
  } while (cursor);
  return out.reverse();
}

/** The Administration view's catalogue: admins only, read fresh from the store. */
export async function catalogueView(deps: AppDeps, person: Person): Promise<CatalogueAdminView> {
  await assertManagesRoles(deps, person);
  await deps.configuration.refresh('catalogue');
  const r = deps.configuration.revision('catalogue');
  return { revision: r.revision, catalogue: r.data as Catalogue, history: await history(deps, 'catalogue') };
}

export async function settingsView(deps: AppDeps, person: Person): Promise<SettingsAdminView> {
  await assertManagesRoles(deps, person);
  await deps.configuration.refresh('settings');
  const r = deps.configuration.revision('settings');
  return {
    revision: r.revision,
    settings: r.data as ProcessSettings,
    history: await history(deps, 'settings'),
  };
}
