import { randomUUID } from 'node:crypto';
import type { AuditLog } from '../../app/ports/audit-log.port';
import type { ConversationReference, ConversationStore } from '../../app/ports/conversation-store.port';
import { type Page, type PageRequest, pageSize } from '../../app/ports/paging';
import type { ReferenceCounter } from '../../app/ports/reference-counter.port';
import { ConflictError, UnavailableError } from '../../app/ports/store.errors';
import type { AuditEvent } from '../../domain/audit/audit-event';
import type { Fields, GraphList, ListItem } from './graph-list';
import type { GraphCall } from './http/graph-http';
import { isDuplicate, isNotFound, isStale, mapGraph } from './http/graph-errors';
import { readPage } from './list-paging';

export const RECORD_READ = ['Data', 'WriteToken'] as const;
export const COUNTER_READ = ['Value', 'WriteToken'] as const;

const data = <T>(item: ListItem): T => JSON.parse(String(item.fields.Data)) as T;

function auditFields(event: AuditEvent, token: string): Fields {
  return {
    Title: event.kind,
    EventId: event.id,
    InitiativeId: event.initiativeId,
    Kind: event.kind,
    At: event.at,
    Data: JSON.stringify(event),
    WriteToken: token,
  };
}

/** Append-only by construction: the adapter only ever POSTs to this list (see docs for permissions). */
export class SharePointAuditLog implements AuditLog {
  constructor(private readonly sp: GraphList) {}

  /** The create request for one event; `$batch` sends several of them in one round trip. */
  createRequest(event: AuditEvent, token: string, useCase = 'audit.append'): GraphCall {
    return this.sp.createRequest(auditFields(event, token), useCase, event.id);
  }

  /** `token` lets a retry after a batched write recognise its own earlier success. */
  append(event: AuditEvent, token: string = randomUUID()): Promise<void> {
    return mapGraph('append audit event', async () => {
      try {
        await this.sp.create(auditFields(event, token), 'audit.append', event.id);
      } catch (err) {
        if (!isDuplicate(err)) throw err;
        const existing = await this.sp.findOne(
          { column: 'EventId', value: event.id },
          'audit.append',
          (item) => data<AuditEvent>(item).id === event.id,
        );
        if (existing?.fields.WriteToken !== token) {
          throw new ConflictError('append audit event: the event id is already taken', 'duplicate');
        }
      }
    });
  }

  list(initiativeId: string, page?: PageRequest): Promise<Page<AuditEvent>> {
    return mapGraph('list audit events', async () => {
      const limit = pageSize(page);
      const result = await readPage(
        this.sp,
        {
          key: `initiative:${initiativeId}`,
          firstUrl: this.sp.queryUrl({ column: 'InitiativeId', value: initiativeId }, limit),
          cursor: page?.cursor,
          limit,
          useCase: 'audit.list',
        },
        (item) => data<AuditEvent>(item),
      );
      // The filter is case-insensitive; keep only this initiative's events.
      return { ...result, items: result.items.filter((e) => e.initiativeId === initiativeId) };
    });
  }
}

/**
 * One item per year holding the last number given. Without transactions, the If-Match on the
 * eTag is the lock: a writer that loses re-reads and tries the next number.
 */
export class SharePointCounters implements ReferenceCounter {
  constructor(
    private readonly sp: GraphList,
    private readonly backoff: (attempt: number) => Promise<void>,
    private readonly maxAttempts = 60,
  ) {}

  next(year: number): Promise<number> {
    return this.reserve(year, 1);
  }

  /** Takes `count` numbers at once; returns the first (the block is first … first + count - 1). */
  reserve(year: number, count: number): Promise<number> {
    return mapGraph('next reference number', async () => {
      const key = `ref-${year}`;
      for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
        const token = randomUUID();
        const item = await this.sp.findOne({ column: 'CounterKey', value: key }, 'counters.next', () => true);
        try {
          if (!item) {
            await this.sp.create(
              { Title: key, CounterKey: key, Value: count, WriteToken: token },
              'counters.next',
              key,
            );
            return 1;
          }
          const value = Number(item.fields.Value) + count;
          await this.sp.update(item.itemId, item.eTag, { Value: value, WriteToken: token }, 'counters.next');
          return value - count + 1;
        } catch (err) {
          if (!isDuplicate(err) && !isStale(err)) throw err;
          const now = await this.sp.findOne(
            { column: 'CounterKey', value: key },
            'counters.next',
            () => true,
          );
          if (now?.fields.WriteToken === token) return Number(now.fields.Value) - count + 1;
          await this.backoff(attempt);
        }
      }
      throw new UnavailableError('next reference number: too many concurrent writers, try again');
    });
  }
}

/** Last writer wins: a conversation reference is simply replaced by the newest one. */
export class SharePointConversations implements ConversationStore {
  constructor(private readonly sp: GraphList) {}

  save(ref: ConversationReference): Promise<void> {
    return mapGraph('save conversation reference', async () => {
      const fields = {
        Title: ref.key,
        ConversationKey: ref.key,
        Data: JSON.stringify(ref),
        WriteToken: randomUUID(),
      };
      for (let attempt = 1; attempt <= 3; attempt++) {
        const existing = await this.find(ref.key);
        try {
          if (existing) await this.sp.update(existing.itemId, null, fields, 'conversations.save');
          else await this.sp.create(fields, 'conversations.save', ref.key);
          return;
        } catch (err) {
          // Someone created it meanwhile (duplicate) or removed it (not found): look again.
          if (!isDuplicate(err) && !isNotFound(err)) throw err;
        }
      }
      throw new UnavailableError('save conversation reference: kept changing, try again');
    });
  }

  get(key: string): Promise<ConversationReference | null> {
    return mapGraph('read conversation reference', async () => {
      const item = await this.find(key);
      return item ? data<ConversationReference>(item) : null;
    });
  }

  private find(key: string): Promise<ListItem | null> {
    return this.sp.findOne(
      { column: 'ConversationKey', value: key },
      'conversations.read',
      (item) => data<ConversationReference>(item).key === key,
    );
  }
}
