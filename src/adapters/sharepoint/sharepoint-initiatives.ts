import { randomUUID } from 'node:crypto';
import type {
  InitiativeIndex,
  InitiativeRepository,
  NewInitiative,
} from '../../app/ports/initiative-repository.port';
import { type Page, type PageRequest, pageSize } from '../../app/ports/paging';
import { ConflictError, NotFoundError } from '../../app/ports/store.errors';
import type { Initiative } from '../../domain/initiative/initiative.types';
import { hasRecords } from '../../domain/records/pending';
import { readEach, type ReportUnreadable } from '../../app/ports/read-each';
import { type Fields, type Filter, type GraphList, type ListItem, parseItem } from './graph-list';
import { graphErrorFrom, isDuplicate, isStale, mapGraph } from './http/graph-errors';
import { type PlannedWrite, succeeded } from './planned-write';
import { INITIATIVE_CHOICE_FIELDS } from './list-design';
import { decodeVersion, encodeVersion, readPage } from './list-paging';

/** Columns a read needs: the record and the write token (everything else is inside Data). */
export const INITIATIVE_READ = ['Data', 'WriteToken'] as const;

const TITLE_MAX = 255;

export function toInitiative(item: ListItem): Initiative {
  const data = JSON.parse(String(item.fields.Data)) as NewInitiative;
  return { ...data, version: encodeVersion(item, data.id) };
}

function yearOf(i: NewInitiative): number {
  return Number((i.submittedAt ?? i.createdAt).slice(0, 4));
}

/** The item's columns. Ref holds `~<id>` until a reference is given, so uniqueness never hinges on blanks. */
export function initiativeFields(i: NewInitiative | Initiative, writeToken: string): Fields {
  const { version: _version, ...data } = i as Initiative;
  const fields: Record<string, Fields[string]> = {
    Title: (i.form.title || i.ref || 'Initiativ').slice(0, TITLE_MAX),
    InitiativeId: i.id,
    ClientKey: i.clientKey,
    Ref: i.ref ?? `~${i.id}`,
    Status: i.status,
    InitiatorId: i.initiator.objectId,
    Year: yearOf(i),
    Pending: hasRecords(i.pendingRecords) ? 1 : 0,
    Data: JSON.stringify(data),
    WriteToken: writeToken,
  };
  // Fill-in choice columns (list design 7, checked when the store opens): an id an admin added to
  // the catalogue since provisioning is stored as it is. Data keeps the full form regardless.
  for (const [column, field] of Object.entries(INITIATIVE_CHOICE_FIELDS)) {
    fields[column] = [...i.form[field]];
  }
  return fields;
}

const filterFor = (index: InitiativeIndex): Filter | null => {
  switch (index.by) {
    case 'all':
      return null;
    case 'status':
      return { column: 'Status', value: index.value };
    case 'initiator':
      return { column: 'InitiatorId', value: index.value };
    case 'year':
      return { column: 'Year', value: index.value };
    case 'pending':
      return { column: 'Pending', value: 1 };
  }
};

/** Initiatives as list items; the JSON in Data is the record, the other columns are keys and indexes. */
export class SharePointInitiatives implements InitiativeRepository {
  constructor(
    private readonly sp: GraphList,
    private readonly report: ReportUnreadable = () => undefined,
  ) {}

  /** One POST. The unique ClientKey turns a retry or a double click into "return the existing". */
  create(i: NewInitiative): Promise<{ initiative: Initiative; created: boolean }> {
    return mapGraph('create initiative', async () => {
      const token = randomUUID();
      try {
        const item = await this.sp.create(initiativeFields(i, token), 'initiatives.create', i.clientKey);
        return { initiative: { ...i, version: encodeVersion(item, i.id) }, created: true };
      } catch (err) {
        if (!isDuplicate(err)) throw err;
        return this.existingFor(i, token);
      }
    });
  }

  /** `create` as a request of a `$batch`, and how to read its answer. */
  planCreate(i: NewInitiative): PlannedWrite<{ initiative: Initiative; created: boolean }> {
    const token = randomUUID();
    return {
      call: this.sp.createRequest(initiativeFields(i, token), 'initiatives.create', i.clientKey),
      settle: (answer) =>
        mapGraph('create initiative', async () => {
          if (succeeded(answer))
            return {
              initiative: { ...i, version: encodeVersion(parseItem(answer.body), i.id) },
              created: true,
            };
          const err = graphErrorFrom(answer);
          if (!isDuplicate(err)) throw err;
          return this.existingFor(i, token);
        }),
    };
  }

  /** The initiative holding the client key a create met; `created` if it is our own earlier attempt. */
  private async existingFor(i: NewInitiative, token: string) {
    const existing = await this.byColumn('ClientKey', i.clientKey, (x) => x.clientKey === i.clientKey);
    if (!existing) throw new ConflictError('create initiative: reference or id already taken', 'duplicate');
    // Our own earlier attempt may have landed before its answer was lost: the token tells.
    return { initiative: toInitiative(existing), created: existing.fields.WriteToken === token };
  }

  get(id: string): Promise<Initiative | null> {
    return mapGraph('read initiative', async () => {
      const item = await this.byColumn('InitiativeId', id, (x) => x.id === id);
      return item ? toInitiative(item) : null;
    });
  }

  getByRef(ref: string): Promise<Initiative | null> {
    return mapGraph('read initiative', async () => {
      const item = await this.byColumn('Ref', ref, (x) => x.ref === ref);
      return item ? toInitiative(item) : null;
    });
  }

  /** One PATCH with If-Match: the version carries the item id and eTag, so no lookup is needed. */
  update(i: Initiative): Promise<Initiative> {
    return mapGraph('update initiative', async () => {
      const at = await this.itemOf(i);
      const token = randomUUID();
      try {
        const eTag = await this.sp.update(
          at.itemId,
          at.eTag,
          initiativeFields(i, token),
          'initiatives.update',
        );
        return { ...i, version: encodeVersion({ itemId: at.itemId, eTag }, i.id) };
      } catch (err) {
        if (!isStale(err)) throw err;
        return this.ownLateWrite(i, at.itemId, token, err);
      }
    });
  }

  /** `update` as a request of a `$batch`, and how to read its answer. */
  planUpdate(i: Initiative): Promise<PlannedWrite<Initiative>> {
    return mapGraph('update initiative', async () => {
      const at = await this.itemOf(i);
      const token = randomUUID();
      return {
        call: this.sp.updateRequest(at.itemId, at.eTag, initiativeFields(i, token), 'initiatives.update'),
        settle: (answer) =>
          mapGraph('update initiative', async () => {
            if (succeeded(answer)) {
              const eTag = await this.sp.eTagAfterUpdate(at.itemId, answer.body, 'initiatives.update');
              return { ...i, version: encodeVersion({ itemId: at.itemId, eTag }, i.id) };
            }
            const err = graphErrorFrom(answer);
            if (!isStale(err)) throw err;
            return this.ownLateWrite(i, at.itemId, token, err);
          }),
      };
    });
  }

  /** The item and eTag an update applies to (the version carries them, so no lookup is needed). */
  private async itemOf(i: Initiative): Promise<{ itemId: string; eTag: string }> {
    const at = decodeVersion(i.version, i.id);
    if (at) return at;
    const exists = await this.byColumn('InitiativeId', i.id, (x) => x.id === i.id);
    if (!exists) throw new NotFoundError(`initiative ${i.id} not found`);
    throw new ConflictError(`initiative ${i.id} was changed by someone else`, 'stale');
  }

  /** A 412 after a resend may be our own write answered late: the token tells. */
  private async ownLateWrite(
    i: Initiative,
    itemId: string,
    token: string,
    err: unknown,
  ): Promise<Initiative> {
    const now = await this.sp.read(itemId, 'initiatives.update');
    if (now?.fields.WriteToken === token) return { ...i, version: encodeVersion(now, i.id) };
    throw err;
  }

  list(index: InitiativeIndex, page?: PageRequest): Promise<Page<Initiative>> {
    return mapGraph('list initiatives', async () => {
      const limit = pageSize(page);
      const key = index.by === 'all' || index.by === 'pending' ? index.by : `${index.by}:${index.value}`;
      // An item whose Data cannot be read (edited by hand) is skipped and reported, never fatal.
      const result = await readPage(
        this.sp,
        {
          key,
          firstUrl: this.sp.queryUrl(filterFor(index), limit),
          cursor: page?.cursor,
          limit,
          useCase: 'initiatives.list',
        },
        (item) => readEach([item], toInitiative, 'initiative', (x) => x.itemId, this.report)[0] ?? null,
      );
      return { ...result, items: result.items.filter((i): i is Initiative => i !== null) };
    });
  }

  private byColumn(
    column: string,
    value: string,
    exact: (i: NewInitiative) => boolean,
  ): Promise<ListItem | null> {
    return this.sp.findOne({ column, value }, 'initiatives.read', (item) =>
      exact(JSON.parse(String(item.fields.Data)) as NewInitiative),
    );
  }
}
