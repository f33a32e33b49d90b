import type { Role } from '../../domain/initiative/actors';

/** The time, behind a port so tests and reminders can run on a fake clock. */
export interface Clock {
  now(): Date;
}

/** New unique ids (UUIDs in production, predictable ones in tests). */
export interface IdGenerator {
  newId(): string;
}

/** A member of RUG as the directory knows them. */
export interface Member {
  readonly objectId: string;
  readonly name: string;
  /** The Teams user id (29:…) when known from the roster; needed for per-user card refresh. */
  readonly teamsUserId?: string;
  /** The person's home tenant when the roster says (a shared channel's member from another organisation). */
  readonly tenantId?: string;
}

/**
 * Who holds which role: RUG and Beredningsgruppen are the registered channels' rosters; chair,
 * secretary and admins are granted in the app (plus the bootstrap admins of configuration).
 */
export interface Directory {
  rolesOf(objectId: string): Promise<readonly Role[]>;
  /** The current RUG members (for reminders and per-user card views). */
  rugMembers(): Promise<readonly Member[]>;
  /** Everyone in the registered RUG and preparation channels: whom an admin may pick for a role. */
  channelMembers(): Promise<readonly Member[]>;
  /** Forget what was read, after a role was granted or ended here, so it counts at once. */
  rolesChanged(): void;
  /**
   * Reads rosters and roles afresh now, off any turn: main.ts runs it at start and every half
   * ROSTER_TTL_MS, so no turn pays for those reads (a cold turn would cost two Graph round trips).
   */
  refreshAhead?(): Promise<void>;
}

/** Structured logging. Never pass tokens or free text that may hold personal data. */
export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}
