import type { AuditLog } from './audit-log.port';
import type { ConversationStore } from './conversation-store.port';
import type { InitiativeRepository } from './initiative-repository.port';
import type { Outbox } from './outbox.port';
import type { ReferenceCounter } from './reference-counter.port';
import type { StanceRepository } from './stance-repository.port';

/** Everything a storage technology provides; main.ts picks one implementation. */
export interface Store {
  readonly kind: 'sqlite' | 'sharepoint';
  readonly initiatives: InitiativeRepository;
  readonly stances: StanceRepository;
  readonly audit: AuditLog;
  readonly counters: ReferenceCounter;
  readonly conversations: ConversationStore;
  readonly outbox: Outbox;
  /** Schema or list-design version, shown by /healthz. */
  schemaVersion(): Promise<string>;
  /** Throws UnavailableError if the store cannot be reached (readiness probe). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
