import type { Role } from '../../domain/initiative/actors';

/** The time, behind a port so tests and reminders can run on a fake clock. */
export interface Clock {
  now(): Date;
}

/** New unique ids (UUIDs in production, predictable ones in tests). */
export interface IdGenerator {
  newId(): string;
}

/** Who holds which role: configuration plus, for RUG membership, the registered channel's roster. */
export interface Directory {
  rolesOf(objectId: string): Promise<readonly Role[]>;
}

/** Structured logging. Never pass tokens or free text that may hold personal data. */
export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}
