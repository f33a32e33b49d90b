import type { AuditKind } from '../../domain/audit/audit-event';
import type { AuditEvent } from '../../domain/audit/audit-event';
import type { Person } from '../../domain/initiative/initiative.types';
import type { Notification } from '../../domain/records/notification';
import { hasRecords, type PendingRecords } from '../../domain/records/pending';
import type { AppDeps } from '../deps';

export type Change = { before?: Record<string, unknown>; after?: Record<string, unknown> };
export type NewNotification = Omit<Notification, 'id' | 'createdAt'>;

/**
 * The audit events and notifications of one change. Their ids are fixed here, when the change is
 * made; the use case stores them with the change itself (in the initiative or stance it writes) and
 * then writes them out (src/app/use-cases/commit.ts), so a fault between the two writes loses nothing
 * and a replay doubles nothing.
 */
export class ChangeRecords {
  private readonly events: AuditEvent[] = [];
  private readonly notifications: Notification[] = [];

  constructor(private readonly deps: AppDeps) {}

  audit(initiativeId: string, kind: AuditKind, actor: Person, change: Change = {}, id?: string): this {
    this.events.push({
      id: id ?? this.deps.ids.newId(),
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

  get pending(): PendingRecords {
    return { events: [...this.events], notifications: [...this.notifications] };
  }
}

/** Starts the records of a change: `records(deps).audit(…).notify(…)`. */
export const records = (deps: AppDeps) => new ChangeRecords(deps);

/**
 * Writes records to the audit log and the outbox in as few round trips as the store allows. The
 * stores keep one record per id, so writing the same records again (a replay, the sweep) is harmless.
 */
export async function writeRecords(deps: AppDeps, pending: PendingRecords | undefined): Promise<void> {
  if (!hasRecords(pending)) return;
  await deps.store.recordTogether(pending.events, pending.notifications);
}

/** The refusals that are official facts: someone barred by jäv or by being the initiator. */
const CONFLICT_OF_INTEREST = new Set(['POLICY.JAV', 'POLICY.OWN_INITIATIVE', 'PREPARATION.OWN_INITIATIVE']);

/**
 * Runs `work`; if the policy bars the person for a conflict of interest, that refusal is recorded in
 * the initiative's audit trail (who tried what) before it is passed on to them.
 */
export async function recordingConflicts<T>(
  deps: AppDeps,
  person: Person,
  initiativeId: string,
  activity: string,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && CONFLICT_OF_INTEREST.has(code)) {
      const refusal = records(deps).audit(initiativeId, 'conflict_of_interest_refused', person, {
        after: { activity, reason: code },
      });
      await writeRecords(deps, refusal.pending).catch((e: unknown) =>
        deps.log.warn('a conflict-of-interest refusal could not be recorded', { initiativeId, err: e }),
      );
    }
    throw err;
  }
}
