import type { Catalogue } from '../domain/catalogue/catalogue.types';
import type { Store } from './ports/store.port';
import type { Clock, Directory, IdGenerator, Logger } from './ports/system.port';

/** What every use case may use: ports only, chosen by main.ts. */
export interface AppDeps {
  readonly store: Store;
  readonly directory: Directory;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly catalogue: Catalogue;
  readonly log: Logger;
}
