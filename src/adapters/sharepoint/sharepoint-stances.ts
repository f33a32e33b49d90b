import { hasRecords } from '../../domain/records/pending';
import { randomUUID } from 'node:crypto';
import type { NewStance, StanceRepository } from '../../app/ports/stance-repository.port';
import { ConflictError } from '../../app/ports/store.errors';
import type { Stance } from '../../domain/approval/approval';
import { type Fields, type GraphList, type ListItem, parseItem } from './graph-list';
import { graphErrorFrom, isDuplicate, isNotFound, isStale, mapGraph } from './http/graph-errors';
import type { GraphResponse } from './http/graph-http';
import { type PlannedWrite, succeeded } from './planned-write';
import { decodeVersion, encodeVersion } from './list-paging';

export const STANCE_READ = ['Data', 'WriteToken'] as const;

/** The unique key: one stance per member per initiative, enforced by SharePoint itself. */
const stanceKey = (initiativeId: string, memberId: string): string => `${initiativeId}|${memberId}`;

export function toStance(item: ListItem): Stance {
  const s = JSON.parse(String(item.fields.Data)) as NewStance;
  return { ...s, version: encodeVersion(item, stanceKey(s.initiativeId, s.memberId)) };
}

function fields(s: NewStance, writeToken: string): Fields {
  const key = stanceKey(s.initiativeId, s.memberId);
  return {
    Title: key,
    StanceKey: key,
    InitiativeId: s.initiativeId,
    MemberId: s.memberId,
    Stance: s.stance,
    Pending: hasRecords(s.pendingRecords) ? 1 : 0,
    Data: JSON.stringify(s),
    WriteToken: writeToken,
  };
}

const isFor = (initiativeId: string, memberId?: string) => (item: ListItem) => {
  const s = JSON.parse(String(item.fields.Data)) as NewStance;
  return s.initiativeId === initiativeId && (memberId === undefined || s.memberId === memberId);
};

/** RUG members' stances. A vote is one round trip: a POST (first stance) or a PATCH with If-Match. */
export class SharePointStances implements StanceRepository {
  constructor(private readonly sp: GraphList) {}

  put(stance: NewStance, expectedVersion: string | null): Promise<Stance> {
    return mapGraph('save stance', () =>
      expectedVersion === null ? this.create(stance) : this.replace(stance, expectedVersion),
    );
  }

  get(initiativeId: string, memberId: string): Promise<Stance | null> {
    return mapGraph('read stance', async () => {
      const item = await this.sp.findOne(
        { column: 'StanceKey', value: stanceKey(initiativeId, memberId) },
        'stances.get',
        isFor(initiativeId, memberId),
      );
      return item ? toStance(item) : null;
    });
  }

  listPending(limit: number): Promise<Stance[]> {
    return mapGraph('list pending stances', async () => {
      const items = await this.sp.findAll({ column: 'Pending', value: 1 }, 'stances.pending', () => true);
      return items.slice(0, limit).map(toStance);
    });
  }

  listFor(initiativeId: string): Promise<Stance[]> {
    return mapGraph('list stances', async () => {
      const items = await this.sp.findAll(
        { column: 'InitiativeId', value: initiativeId },
        'stances.list',
        isFor(initiativeId),
      );
      return items.map(toStance);
    });
  }

  /**
   * `put` as a request of a `$batch`, and how to read its answer (the same rules as `put`). Throws
   * ConflictError at once for a version that is not one of this stance's.
   */
  planPut(stance: NewStance, expectedVersion: string | null): PlannedWrite<Stance> {
    const token = randomUUID();
    const key = stanceKey(stance.initiativeId, stance.memberId);
    if (expectedVersion === null) {
      return {
        call: this.sp.createRequest(fields(stance, token), 'stances.put', key),
        settle: (answer) =>
          mapGraph('save stance', async () =>
            succeeded(answer)
              ? toStance(parseItem(answer.body))
              : this.afterRefusedCreate(stance, token, answer),
          ),
      };
    }
    const at = decodeVersion(expectedVersion, key);
    if (!at) throw new ConflictError('save stance: not a version of this stance', 'stale');
    return {
      call: this.sp.updateRequest(at.itemId, at.eTag, fields(stance, token), 'stances.put'),
      settle: (answer) =>
        mapGraph('save stance', async () => {
          if (succeeded(answer)) {
            const eTag = await this.sp.eTagAfterUpdate(at.itemId, answer.body, 'stances.put');
            return { ...stance, version: encodeVersion({ itemId: at.itemId, eTag }, key) };
          }
          return this.afterRefusedReplace(graphErrorFrom(answer), at.itemId, token);
        }),
    };
  }

  private async create(stance: NewStance): Promise<Stance> {
    const token = randomUUID();
    const key = stanceKey(stance.initiativeId, stance.memberId);
    try {
      return toStance(await this.sp.create(fields(stance, token), 'stances.put', key));
    } catch (err) {
      if (!isDuplicate(err)) throw err;
      return this.ownCreate(stance, token);
    }
  }

  private afterRefusedCreate(stance: NewStance, token: string, answer: GraphResponse): Promise<Stance> {
    const err = graphErrorFrom(answer);
    if (!isDuplicate(err)) throw err;
    return this.ownCreate(stance, token);
  }

  /** The key is taken: by our own earlier attempt whose answer was lost (same token), or by a real second vote. */
  private async ownCreate(stance: NewStance, token: string): Promise<Stance> {
    const existing = await this.sp.findOne(
      { column: 'StanceKey', value: stanceKey(stance.initiativeId, stance.memberId) },
      'stances.put',
      isFor(stance.initiativeId, stance.memberId),
    );
    if (existing?.fields.WriteToken === token) return toStance(existing);
    throw new ConflictError('save stance: the member already has a stance', 'duplicate');
  }

  private async replace(stance: NewStance, expectedVersion: string): Promise<Stance> {
    const key = stanceKey(stance.initiativeId, stance.memberId);
    const at = decodeVersion(expectedVersion, key);
    if (!at) throw new ConflictError('save stance: not a version of this stance', 'stale');
    const token = randomUUID();
    try {
      const eTag = await this.sp.update(at.itemId, at.eTag, fields(stance, token), 'stances.put');
      return { ...stance, version: encodeVersion({ itemId: at.itemId, eTag }, key) };
    } catch (err) {
      return this.afterRefusedReplace(err, at.itemId, token);
    }
  }

  private async afterRefusedReplace(err: unknown, itemId: string, token: string): Promise<Stance> {
    if (isNotFound(err)) throw new ConflictError('save stance: the stance is gone', 'stale');
    if (!isStale(err)) throw err;
    const now = await this.sp.read(itemId, 'stances.put');
    if (now?.fields.WriteToken === token) return toStance(now);
    throw err;
  }
}
