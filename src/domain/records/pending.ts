import type { AuditEvent } from '../audit/audit-event';
import type { Notification } from './notification';

/**
 * The records of changes not yet confirmed written: held in the item the change wrote (initiative or
 * stance), in the same write, so no fault between two writes can lose them. Their ids are fixed when
 * the change is made; writing them again is harmless (the stores keep one per id).
 */
export interface PendingRecords {
  readonly events: readonly AuditEvent[];
  readonly notifications: readonly Notification[];
}

export const NO_RECORDS: PendingRecords = { events: [], notifications: [] };

export function hasRecords(p: PendingRecords | undefined): p is PendingRecords {
  return !!p && p.events.length + p.notifications.length > 0;
}

/** Adds records to those already pending (a later change must never drop an earlier one's). */
export function mergeRecords(a: PendingRecords | undefined, b: PendingRecords): PendingRecords {
  return {
    events: [...(a?.events ?? []), ...b.events],
    notifications: [...(a?.notifications ?? []), ...b.notifications],
  };
}

/** What is left pending once `written` is confirmed in the stores. */
export function withoutRecords(p: PendingRecords | undefined, written: PendingRecords): PendingRecords {
  const events = new Set(written.events.map((e) => e.id));
  const notes = new Set(written.notifications.map((n) => n.id));
  return {
    events: (p?.events ?? []).filter((e) => !events.has(e.id)),
    notifications: (p?.notifications ?? []).filter((n) => !notes.has(n.id)),
  };
}
