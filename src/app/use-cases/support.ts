import type { AuditEvent, AuditKind } from '../../domain/audit/audit-event';
import type { Initiative, Person } from '../../domain/initiative/initiative.types';
import { DomainError } from '../../domain/shared/domain.errors';
import type { AppDeps } from '../deps';
import type { Notification } from '../ports/outbox.port';
import { ConflictError } from '../ports/store.errors';

/** Loads an initiative or fails with a stable, user-presentable error. */
export async function loadInitiative(deps: AppDeps, id: string): Promise<Initiative> {
  const initiative = await deps.store.initiatives.get(id);
  if (!initiative) {
    throw new DomainError('INITIATIVE.NOT_FOUND', {
      sv: 'Initiativet finns inte (längre).',
      en: 'The initiative does not exist (any more).',
    });
  }
  return initiative;
}

/**
 * Optimistic concurrency: re-reads and re-applies the change when another writer won, a few times.
 * `change` returns null when, after re-reading, there is nothing left to do.
 */
export async function updateWithRetry(
  deps: AppDeps,
  id: string,
  change: (current: Initiative) => Initiative | null,
  attempts = 8,
  /** A copy the caller just read: the first attempt uses it instead of reading again. */
  known?: Initiative,
): Promise<{ before: Initiative; after: Initiative } | null> {
  for (let n = 1; ; n++) {
    const before = n === 1 && known?.id === id ? known : await loadInitiative(deps, id);
    const next = change(before);
    if (!next) return null;
    try {
      const after = await deps.store.initiatives.update({
        ...next,
        updatedAt: deps.clock.now().toISOString(),
      });
      return { before, after };
    } catch (err) {
      if (!(err instanceof ConflictError) || n >= attempts) throw err;
    }
  }
}

type Change = { before?: Record<string, unknown>; after?: Record<string, unknown> };

function auditEvent(
  deps: AppDeps,
  initiativeId: string,
  kind: AuditKind,
  actor: Person,
  change: Change,
): AuditEvent {
  return {
    id: deps.ids.newId(),
    initiativeId,
    kind,
    at: deps.clock.now().toISOString(),
    actor: { objectId: actor.objectId, name: actor.name },
    ...(change.before ? { before: change.before } : {}),
    ...(change.after ? { after: change.after } : {}),
  };
}

function notification(deps: AppDeps, n: Omit<Notification, 'id' | 'createdAt'>): Notification {
  return { ...n, id: deps.ids.newId(), createdAt: deps.clock.now().toISOString() };
}

/** Appends an audit event; a retry that finds its own event already there is fine. */
export async function audit(
  deps: AppDeps,
  initiativeId: string,
  kind: AuditKind,
  actor: Person,
  change: Change = {},
): Promise<void> {
  await deps.store.audit.append(auditEvent(deps, initiativeId, kind, actor, change));
}

/** Queues a notification; a failure to queue is logged, never shown to the acting user. */
export async function notify(deps: AppDeps, n: Omit<Notification, 'id' | 'createdAt'>): Promise<void> {
  try {
    await deps.store.outbox.enqueue(notification(deps, n));
  } catch (err) {
    deps.log.error('notification could not be queued', { kind: n.kind, initiativeId: n.initiativeId, err });
  }
}

/**
 * The audit events and notifications of one change, written together at the end (one round trip on
 * SharePoint). If that fails they are written one by one: every audit event must land (its own
 * earlier half-success is recognised), a notification that cannot be queued is only logged.
 */
export class ChangeRecords {
  private readonly events: AuditEvent[] = [];
  private readonly notifications: Notification[] = [];

  constructor(private readonly deps: AppDeps) {}

  audit(initiativeId: string, kind: AuditKind, actor: Person, change: Change = {}): this {
    this.events.push(auditEvent(this.deps, initiativeId, kind, actor, change));
    return this;
  }

  notify(n: Omit<Notification, 'id' | 'createdAt'>): this {
    this.notifications.push(notification(this.deps, n));
    return this;
  }

  async write(): Promise<void> {
    const { store, log } = this.deps;
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
