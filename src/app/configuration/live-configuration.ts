import type { Catalogue } from '../../domain/catalogue/catalogue.types';
import type { ProcessSettings } from '../../domain/settings/process-settings';
import type {
  ConfigurationKind,
  ConfigurationRepository,
  ConfigurationRevision,
} from '../ports/configuration.port';
import { ConflictError } from '../ports/store.errors';
import type { Logger } from '../ports/system.port';

/**
 * How many of the latest revisions keep having their audit events re-written (by the next change and
 * by the sweep): a run of up to this many changes whose events all failed still ends recorded.
 */
export const RECENT = 5;

export interface Seeds {
  readonly catalogue: Catalogue;
  readonly settings: ProcessSettings;
}

const seedRevision = (kind: ConfigurationKind, data: unknown): ConfigurationRevision => ({
  kind,
  revision: 1,
  data,
  changeId: 'seed',
  savedAt: new Date(0).toISOString(),
  savedBy: null,
  events: [],
});

/**
 * The catalogue and the settings in force on this instance: the latest revision it has read. A
 * revision this instance saves takes effect here at once (`saved`); one saved elsewhere when
 * `refresh` next runs (main.ts runs it every roster TTL), which costs one small read per kind.
 */
export class LiveConfiguration {
  private readonly current = new Map<ConfigurationKind, ConfigurationRevision>();
  /** The last few revisions read of each kind, newest last: whose audit events a sweep re-writes. */
  private readonly history = new Map<ConfigurationKind, ConfigurationRevision[]>();
  /** Kinds whose last save ended in doubt (it may have landed): read again before trusting them. */
  private readonly doubted = new Set<ConfigurationKind>();

  private constructor(
    private readonly repo: ConfigurationRepository,
    seeds: Seeds,
    private readonly log: Logger,
  ) {
    this.current.set('catalogue', seedRevision('catalogue', seeds.catalogue));
    this.current.set('settings', seedRevision('settings', seeds.settings));
  }

  /**
   * Reads the latest revisions, storing the seeds as revision 1 on a store that has none (first
   * start; several instances starting at once agree, as only one revision 1 can be stored).
   */
  static async open(repo: ConfigurationRepository, seeds: Seeds, log: Logger): Promise<LiveConfiguration> {
    const live = new LiveConfiguration(repo, seeds, log);
    for (const kind of ['catalogue', 'settings'] as const) {
      // Only the latest few: what a start costs does not grow with the history.
      const stored = await repo.latest(kind, RECENT);
      if (stored.length > 0) {
        live.adopt(kind, stored);
        continue;
      }
      try {
        await repo.append(live.revision(kind));
      } catch (err) {
        if (!(err instanceof ConflictError)) throw err;
        const won = await repo.latest(kind, RECENT);
        if (won.length > 0) live.adopt(kind, won);
      }
    }
    return live;
  }

  /** The seeds in force and not stored: for tests and tools that need no store behind them. */
  static unsaved(repo: ConfigurationRepository, seeds: Seeds, log: Logger): LiveConfiguration {
    return new LiveConfiguration(repo, seeds, log);
  }

  get catalogue(): Catalogue {
    return this.revision('catalogue').data as Catalogue;
  }

  get settings(): ProcessSettings {
    return this.revision('settings').data as ProcessSettings;
  }

  revision(kind: ConfigurationKind): ConfigurationRevision {
    return this.current.get(kind)!;
  }

  /** Takes a revision into force (one this instance saved or read); an older one is ignored. */
  saved(r: ConfigurationRevision): void {
    if (r.revision <= this.revision(r.kind).revision) return;
    this.current.set(r.kind, r);
    this.history.set(r.kind, [...(this.history.get(r.kind) ?? []), r].slice(-RECENT));
  }

  /** What the store holds is in force, whatever this build's seed says. */
  private adopt(kind: ConfigurationKind, stored: readonly ConfigurationRevision[]): void {
    this.current.set(kind, stored[stored.length - 1]!);
    this.history.set(kind, stored.slice(-RECENT));
  }

  /** The latest revisions of a kind this instance knows (at most RECENT), oldest first. */
  recent(kind: ConfigurationKind): readonly ConfigurationRevision[] {
    return this.history.get(kind) ?? [];
  }

  /** A save of the kind failed in a way that may have landed (a lost answer). */
  doubt(kind: ConfigurationKind): void {
    this.doubted.add(kind);
  }

  /** Re-reads the kinds a failed save left in doubt; what the dispatcher's sweep runs first. */
  async settleDoubts(): Promise<void> {
    for (const kind of [...this.doubted]) {
      await this.refresh(kind);
      this.doubted.delete(kind);
    }
  }

  /** Reads what other instances saved since; a failed read keeps what is in force and logs it. */
  async refresh(kind?: ConfigurationKind): Promise<void> {
    for (const k of kind ? [kind] : (['catalogue', 'settings'] as const)) {
      try {
        for (const r of await this.repo.after(k, this.revision(k).revision)) this.saved(r);
      } catch (err) {
        this.log.warn('configuration could not be refreshed; the last one read stays in force', {
          err,
          kind: k,
        });
        if (kind) throw err;
      }
    }
  }
}
