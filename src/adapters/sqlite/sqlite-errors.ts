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
    if (primary === SQLITE_BUSY || primary === SQLITE_LOCKED) {
      throw new UnavailableError(`${what}: database busy`);
    }
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
