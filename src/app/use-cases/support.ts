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

/** Appends an audit event; a retry that finds its own event already there is fine. */
export async function audit(
  deps: AppDeps,
  initiativeId: string,
  kind: AuditKind,
  actor: Person,
  change: { before?: Record<string, unknown>; after?: Record<string, unknown> } = {},
): Promise<void> {
  const event: AuditEvent = {
    id: deps.ids.newId(),
    initiativeId,
    kind,
    at: deps.clock.now().toISOString(),
    actor: { objectId: actor.objectId, name: actor.name },
    ...(change.before ? { before: change.before } : {}),
    ...(change.after ? { after: change.after } : {}),
  };
  await deps.store.audit.append(event);
}

/** Queues a notification; a failure to queue is logged, never shown to the acting user. */
export async function notify(deps: AppDeps, n: Omit<Notification, 'id' | 'createdAt'>): Promise<void> {
  try {
    await deps.store.outbox.enqueue({
      ...n,
      id: deps.ids.newId(),
      createdAt: deps.clock.now().toISOString(),
    });
  } catch (err) {
    deps.log.error('notification could not be queued', { kind: n.kind, initiativeId: n.initiativeId, err });
  }
}
