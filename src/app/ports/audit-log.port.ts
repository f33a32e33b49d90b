import type { AuditEvent } from '../../domain/audit/audit-event';
import type { Page, PageRequest } from './paging';

/** Append-only audit trail: there is deliberately no way to change or remove an event. */
export interface AuditLog {
  /** Appends an event; appending an id twice throws ConflictError (so retries are safe to detect). */
  append(event: AuditEvent): Promise<void>;
  /** Events of one initiative in the order they were appended. */
  list(initiativeId: string, page?: PageRequest): Promise<Page<AuditEvent>>;
}
