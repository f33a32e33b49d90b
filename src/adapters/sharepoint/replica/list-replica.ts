/**
 * The SharePoint store's query model: a local copy of the initiatives and stances lists in an
 * in-memory SQLite projection, kept current three ways: the instance's own writes as they happen,
 * Graph delta on a short poll (others' writes), and a full rebuild when SharePoint answers 410.
 * A rebuild fills a new projection aside and swaps it in only when complete, so a query never sees
 * a half-built replica; until then the old one keeps answering.
 */
import type {
  InitiativeFilter,
  InitiativeQueries,
  QueryOrder,
  QueryProjection,
  QueryRow,
  QueryStats,
} from '../../../app/ports/query-model.port';
import type { Logger } from '../../../app/ports/system.port';
import type { Status } from '../../../domain/initiative/status';
import type { Initiative } from '../../../domain/initiative/initiative.types';
import type { GraphList, ListItem } from '../graph-list';
import { DeltaExpiredError, type DeltaFeed } from './delta-feed';
import { reportTo } from '../../../app/ports/read-each';
import { ReplicaState, type ReplicatedList } from './replica-state';

export interface ReplicaSource {
  readonly list: GraphList;
  readonly feed: DeltaFeed;
}

const LISTS: readonly ReplicatedList[] = ['initiatives', 'stances'];
/** Items per page of the full read; SharePoint serves up to 5,000 and refuses more on big lists. */
const BUILD_TOP = 5000;

export class ListReplica implements InitiativeQueries {
  private state: ReplicaState | null = null;
  /** Set while a rebuild fills a projection aside: own writes go to it too. */
  private building: ReplicaState | null = null;
  private syncing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** When the last delta round finished (ms since epoch), for health and tests. */
  lastSyncAt = 0;

  constructor(
    private readonly sources: Readonly<Record<ReplicatedList, ReplicaSource>>,
    private readonly newProjection: () => QueryProjection,
    private readonly log?: Logger,
  ) {}

  /** Builds the first generation; queries wait for it (they never see an empty replica). */
  async start(pollMs: number): Promise<void> {
    this.state = await this.build();
    this.lastSyncAt = Date.now();
    if (pollMs > 0) {
      this.timer = setInterval(() => {
        this.sync().catch((err: unknown) =>
          this.log?.warn('replica sync failed', { error: err instanceof Error ? err.name : 'unknown' }),
        );
      }, pollMs);
      this.timer.unref();
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.state?.projection.close();
  }

  /** Applies a write this instance just made, so its author sees it at once. */
  noteWrite(list: ReplicatedList, item: ListItem): void {
    this.state?.projection.batch(() => this.state?.applyItem(list, item));
    this.building?.projection.batch(() => this.building?.applyItem(list, item));
  }

  /** One delta round for both lists (single-flight: concurrent callers share it). */
  sync(): Promise<void> {
    if (!this.syncing) {
      this.syncing = this.syncOnce().finally(() => {
        this.syncing = null;
      });
    }
    return this.syncing;
  }

  size(): number {
    return this.current().projection.size();
  }

  private async syncOnce(): Promise<void> {
    const state = this.current();
    try {
      for (const list of LISTS) {
        const { changes, deltaLink } = await this.sources[list].feed.since(state.links[list]);
        state.apply(list, changes);
        state.links[list] = deltaLink;
      }
    } catch (err) {
      if (!(err instanceof DeltaExpiredError)) throw err;
      this.log?.info('replica resync after 410 Gone');
      const fresh = await this.build();
      this.state = fresh;
      state.projection.close();
    }
    this.lastSyncAt = Date.now();
  }

  /**
   * A full generation: mark "from now" with token=latest first, then read every item, then apply
   * the changes since the mark, so nothing written during the read is lost (delta shows the latest
   * state of each item, and the eTag order drops anything older than what was read).
   */
  private async build(): Promise<ReplicaState> {
    const links = {
      initiatives: await this.sources.initiatives.feed.latest(),
      stances: await this.sources.stances.feed.latest(),
    };
    const state = new ReplicaState(this.newProjection(), links, reportTo(this.log));
    this.building = state;
    try {
      for (const list of LISTS) {
        const source = this.sources[list].list;
        let url: string | null = source.queryUrl(null, BUILD_TOP);
        while (url) {
          const page = await source.page(url, 'replica.build');
          state.projection.batch(() => {
            for (const item of page.items) state.applyItem(list, item);
          });
          url = page.nextLink;
        }
      }
      for (const list of LISTS) {
        const { changes, deltaLink } = await this.sources[list].feed.since(state.links[list]);
        state.apply(list, changes);
        state.links[list] = deltaLink;
      }
      return state;
    } catch (err) {
      state.projection.close();
      throw err;
    } finally {
      this.building = null;
    }
  }

  private current(): ReplicaState {
    if (!this.state) throw new Error('the replica is not built yet');
    return this.state;
  }

  page(
    filter: InitiativeFilter,
    order: QueryOrder,
    offset: number,
    limit: number,
  ): Promise<{ rows: QueryRow[]; total: number }> {
    return this.current().projection.page(filter, order, offset, limit);
  }

  rows(filter: InitiativeFilter): Promise<QueryRow[]> {
    return this.current().projection.rows(filter);
  }

  stats(filter: InitiativeFilter): Promise<QueryStats> {
    return this.current().projection.stats(filter);
  }

  similarCandidates(
    words: readonly string[],
    statuses: readonly Status[],
    limit: number,
  ): Promise<Initiative[]> {
    return this.current().projection.similarCandidates(words, statuses, limit);
  }
}
