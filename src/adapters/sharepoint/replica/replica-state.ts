/**
 * One generation of the replica: a query projection plus what is needed to apply list items to it
 * in order. Items carry eTags `"{guid},N"` whose N grows with every write, so a stale answer (a
 * delta page read before our own write landed) never overwrites a newer state.
 */
import type { QueryProjection } from '../../../app/ports/query-model.port';
import type { Stance } from '../../../domain/approval/approval';
import type { Initiative } from '../../../domain/initiative/initiative.types';
import type { ListItem } from '../graph-list';
import type { ReportUnreadable } from '../../../app/ports/read-each';
import { encodeVersion } from '../list-paging';
import type { DeltaChange } from './delta-feed';

export type ReplicatedList = 'initiatives' | 'stances';

const stanceKey = (s: Pick<Stance, 'initiativeId' | 'memberId'>) => `${s.initiativeId}|${s.memberId}`;

/** The write number inside an eTag; unreadable eTags count as newest (applied, never skipped). */
export function eTagNumber(eTag: string): number {
  const m = /,(\d+)"?\s*$/.exec(eTag);
  return m ? Number(m[1]) : Number.MAX_SAFE_INTEGER;
}

export class ReplicaState {
  /** Per list: item id → the eTag number applied and the record it holds (for deletions). */
  private readonly seen: Record<ReplicatedList, Map<string, { n: number; key: string }>> = {
    initiatives: new Map(),
    stances: new Map(),
  };
  /** Per list: the deltaLink to ask next. */
  readonly links: Record<ReplicatedList, string>;

  constructor(
    readonly projection: QueryProjection,
    links: Record<ReplicatedList, string>,
    private readonly report: ReportUnreadable = () => undefined,
  ) {
    this.links = { ...links };
  }

  /**
   * Applies one list item (from a read, a delta page or our own write) if it is not older. An item
   * whose Data cannot be read (edited by hand in SharePoint, say) is skipped and reported: it must
   * not stop the replica from being built or kept current.
   */
  applyItem(list: ReplicatedList, item: ListItem): void {
    try {
      this.applyReadable(list, item);
    } catch (err) {
      this.report(list === 'initiatives' ? 'initiative' : 'stance', item.itemId, err);
    }
  }

  private applyReadable(list: ReplicatedList, item: ListItem): void {
    const n = eTagNumber(item.eTag);
    const before = this.seen[list].get(item.itemId);
    if (before && before.n > n) return;
    const data = item.fields.Data;
    if (typeof data !== 'string') return;
    if (list === 'initiatives') {
      const i = JSON.parse(data) as Omit<Initiative, 'version'>;
      this.projection.putInitiative({ ...i, version: encodeVersion(item, i.id) } as Initiative);
      this.seen.initiatives.set(item.itemId, { n, key: i.id });
    } else {
      const s = JSON.parse(data) as Omit<Stance, 'version'>;
      const key = stanceKey(s);
      this.projection.putStance({ ...s, version: encodeVersion(item, key) } as Stance);
      this.seen.stances.set(item.itemId, { n, key });
    }
  }

  apply(list: ReplicatedList, changes: readonly DeltaChange[]): void {
    this.projection.batch(() => {
      for (const change of changes) {
        if (change.kind === 'upsert') this.applyItem(list, change.item);
        else this.remove(list, change.itemId);
      }
    });
  }

  private remove(list: ReplicatedList, itemId: string): void {
    const before = this.seen[list].get(itemId);
    if (!before) return;
    if (list === 'initiatives') this.projection.removeInitiative(before.key);
    else {
      const [initiativeId, memberId] = before.key.split('|');
      this.projection.removeStance(initiativeId ?? '', memberId ?? '');
    }
    // A deleted item never comes back under the same id: nothing older may re-add it.
    this.seen[list].set(itemId, { n: Number.MAX_SAFE_INTEGER, key: before.key });
  }
}
