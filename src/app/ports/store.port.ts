import type { Stance } from '../../domain/approval/approval';
import type { AuditEvent } from '../../domain/audit/audit-event';
import type { Initiative } from '../../domain/initiative/initiative.types';
import type { AuditLog } from './audit-log.port';
import type { ConfigurationRepository } from './configuration.port';
import type { ConversationStore } from './conversation-store.port';
import type { DocumentArchive } from './document-archive.port';
import type { InitiativeRepository } from './initiative-repository.port';
import type { MeetingRepository, ParagraphRegister } from './meeting-repository.port';
import type { Notification, Outbox } from './outbox.port';
import type { InitiativeQueries } from './query-model.port';
import type { ReferenceCounter } from './reference-counter.port';
import type { RoleRepository } from './role-repository.port';
import type { StanceRepository } from './stance-repository.port';
import type { WriteTogether } from './write-together.port';

/** Everything a storage technology provides; main.ts picks one implementation. */
export interface Store {
  readonly kind: 'sqlite' | 'sharepoint';
  readonly initiatives: InitiativeRepository;
  readonly stances: StanceRepository;
  readonly audit: AuditLog;
  readonly counters: ReferenceCounter;
  readonly conversations: ConversationStore;
  readonly outbox: Outbox;
  readonly meetings: MeetingRepository;
  readonly paragraphs: ParagraphRegister;
  /** Filed copies of justered minutes and extracts. */
  readonly documents: DocumentArchive;
  /**
   * Every read that lists or counts. A person's own writes through this store show at once; writes
   * by other instances within a few seconds (see README, "Freshness").
   */
  readonly queries: InitiativeQueries;
  readonly roles: RoleRepository;
  /** The catalogue and the process settings, as revisions (Administration view). */
  readonly configuration: ConfigurationRepository;
  /**
   * Appends the audit events and queues the notifications of one change in as few round trips as the
   * store allows (one transaction on SQLite, one `$batch` on SharePoint). Idempotent by id: a record
   * whose id is already stored is kept as it is, so the same records can be written again after any
   * fault. Throws if any could not be written (then some may be; writing them all again is safe).
   */
  recordTogether(events: readonly AuditEvent[], notifications: readonly Notification[]): Promise<void>;
  /**
   * The writes of a change and their records in one round trip, offered by a store whose every
   * write is one (SharePoint: one `$batch`). Without it, the app makes the same steps with the
   * single writes above (src/app/use-cases/write-steps.ts), which costs nothing on a local store.
   */
  readonly writeTogether?: WriteTogether;
  /**
   * An initiative and all its stances, in one round trip where the store allows (one `$batch` on
   * SharePoint): what a vote or a decision reads before it writes.
   */
  readInitiativeWithStances(id: string): Promise<{ initiative: Initiative | null; stances: Stance[] }>;
  /** Schema or list-design version, shown by /healthz. */
  schemaVersion(): Promise<string>;
  /** Throws UnavailableError if the store cannot be reached (readiness probe). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
