import type { DatabaseSync } from 'node:sqlite';
import { ConflictError, UnavailableError } from '../../app/ports/store.errors';

interface SqliteError {
  code?: string;
  errcode?: number;
  message?: string;
}

const SQLITE_CONSTRAINT_UNIQUE = 2067;
const SQLITE_CONSTRAINT_PRIMARYKEY = 1555;
const SQLITE_BUSY = 5;
const SQLITE_LOCKED = 6;

/** Another connection holds the write lock; retried (without blocking) by `retryWhenBusy`. */
export class BusyError extends UnavailableError {
  constructor(message: string) {
    super(message);
    this.name = 'BusyError';
  }
}

const BUSY_WAITS_MS = [2, 5, 10, 20, 40, 80, 160];

/**
 * Wraps an adapter so a call that finds the database busy is tried again after a short pause —
 * awaited, so the server keeps serving meanwhile (node:sqlite itself would wait synchronously) —
 * and, still busy after about a third of a second, fails as "unavailable: try again".
 */
export function retryWhenBusy<T extends object>(target: T): T {
  return new Proxy(target, {
    get(t, prop, receiver) {
      const value = Reflect.get(t, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        for (let attempt = 0; ; attempt++) {
          try {
            return await (value as (...a: unknown[]) => unknown).apply(t, args);
          } catch (err) {
            const wait = BUSY_WAITS_MS[attempt];
            if (!(err instanceof BusyError) || wait === undefined) {
              if (err instanceof BusyError) throw new UnavailableError('the database is busy; try again');
              throw err;
            }
            await new Promise((resolve) => setTimeout(resolve, wait));
          }
        }
      };
    },
  });
}

/** Runs a statement and turns SQLite failures into port errors, so no driver error leaks upward. */
export function mapSqlite<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    const e = err as SqliteError;
    if (e.code !== 'ERR_SQLITE_ERROR') throw err;
    const primary = (e.errcode ?? 0) & 0xff;
    if (e.errcode === SQLITE_CONSTRAINT_UNIQUE || e.errcode === SQLITE_CONSTRAINT_PRIMARYKEY) {
      throw new ConflictError(`${what}: unique key already taken`, 'duplicate');
    }
    if (primary === SQLITE_BUSY || primary === SQLITE_LOCKED) throw new BusyError(`${what}: database busy`);
    throw new UnavailableError(`${what}: storage error`);
  }
}

/** Runs `fn` in one write transaction (BEGIN IMMEDIATE … COMMIT), rolled back on any failure. */
export function transaction<T>(db: DatabaseSync, what: string, fn: () => T): T {
  mapSqlite(what, () => db.exec('BEGIN IMMEDIATE'));
  try {
    const result = mapSqlite(what, fn);
    mapSqlite(what, () => db.exec('COMMIT'));
    return result;
  } catch (err) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw err;
  }
}

/** Opaque cursors: the adapter's sequence number, base64url-encoded so clients don't rely on it. */
export function encodeCursor(seq: number): string {
  return Buffer.from(JSON.stringify({ s: seq })).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): number {
  if (!cursor) return 0;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { s?: unknown };
    if (typeof parsed.s === 'number' && Number.isInteger(parsed.s) && parsed.s >= 0) return parsed.s;
  } catch {
    // fall through to the error below
  }
  throw new RangeError('invalid cursor');
}
