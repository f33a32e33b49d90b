import type { Catalogue } from '../domain/catalogue/catalogue.types';
import type { ProcessSettings } from '../domain/settings/process-settings';
import type { LiveConfiguration } from './configuration/live-configuration';
import type { Store } from './ports/store.port';
import type { Clock, Directory, IdGenerator, Logger } from './ports/system.port';

/** What every use case may use: ports only, chosen by main.ts. */
export interface AppDeps {
  readonly store: Store;
  readonly directory: Directory;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** The catalogue in force (main.ts: the latest revision this instance has read; see `configuration`). */
  readonly catalogue: Catalogue;
  /** The process settings in force, likewise. */
  readonly settings: ProcessSettings;
  /** Where `catalogue` and `settings` come from: the store's revisions, refreshed per roster TTL. */
  readonly configuration: LiveConfiguration;
  readonly log: Logger;
}
