import type { AuditEvent, AuditKind } from '../../domain/audit/audit-event';
import type { Person } from '../../domain/initiative/initiative.types';
import type { AppDeps } from '../deps';
import type { Notification } from '../ports/outbox.port';
import { ConflictError } from '../ports/store.errors';

export type Change = { before?: Record<string, unknown>; after?: Record<string, unknown> };
export type NewNotification = Omit<Notification, 'id' | 'createdAt'>;

/**
 * The audit events and notifications of one change, written together at the end (one round trip on
 * SharePoint). If that fails they are written one by one: every audit event must land (its own
 * earlier half-success is recognised), a notification that cannot be queued is only logged.
 * Every use case records its change through this class.
 */
export class ChangeRecords {
  private readonly events: AuditEvent[] = [];
  private readonly notifications: Notification[] = [];

  constructor(private readonly deps: AppDeps) {}

  audit(initiativeId: string, kind: AuditKind, actor: Person, change: Change = {}): this {
    this.events.push({
      id: this.deps.ids.newId(),
      initiativeId,
      kind,
      at: this.deps.clock.now().toISOString(),
      actor: { objectId: actor.objectId, name: actor.name },
      ...(change.before ? { before: change.before } : {}),
      ...(change.after ? { after: change.after } : {}),
    });
    return this;
  }

  notify(n: NewNotification): this {
    this.notifications.push({
      ...n,
      id: this.deps.ids.newId(),
      createdAt: this.deps.clock.now().toISOString(),
    });
    return this;
  }

  /** Asks the dispatcher to re-render the initiative's channel cards for everyone. */
  refreshCards(initiativeId: string): this {
    return this.notify({
      kind: 'refresh_cards',
      initiativeId,
      recipient: { type: 'channel', key: 'rug' },
      data: {},
    });
  }

  async write(): Promise<void> {
    const { store, log } = this.deps;
    if (this.events.length === 0 && this.notifications.length === 0) return;
    try {
      await store.recordTogether(this.events, this.notifications);
      return;
    } catch (err) {
      log.warn('writing records together failed; writing them one by one', { err });
    }
    for (const event of this.events) {
      await store.audit.append(event).catch((err: unknown) => {
        if (!(err instanceof ConflictError)) throw err; // already there from the attempt above
      });
    }
    for (const n of this.notifications) {
      await store.outbox.enqueue(n).catch((err: unknown) => {
        log.error('notification could not be queued', { kind: n.kind, initiativeId: n.initiativeId, err });
      });
    }
  }
}

/** Starts the records of a change: `records(deps).audit(…).notify(…).write()`. */
export const records = (deps: AppDeps) => new ChangeRecords(deps);
