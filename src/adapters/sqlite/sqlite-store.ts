import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Store } from '../../app/ports/store.port';
import { UnavailableError } from '../../app/ports/store.errors';
import { MIGRATIONS, QUERY_MODEL_MIGRATION } from './migrations';
import { reportTo, type ReportUnreadable } from '../../app/ports/read-each';
import type { Logger } from '../../app/ports/system.port';
import { rebuildQueryModel } from './query/rebuild';
import { SqliteQueryReads } from './query/sqlite-query-model';
import { retryWhenBusy, transaction } from './sqlite-errors';
import { SqliteInitiatives } from './sqlite-initiatives';
import { SqliteMeetings, SqliteParagraphs } from './sqlite-meetings';
import { SqliteDocuments } from './sqlite-documents';
import { SqliteOutbox } from './sqlite-outbox';
import { SqliteRoles } from './sqlite-roles';
import { SqliteConfiguration } from './sqlite-configuration';
import { SqliteAuditLog, SqliteConversations, SqliteCounters, SqliteStances } from './sqlite-records';

/** Opens (and migrates) the embedded store. `path` is a file, or ':memory:' for tests. */
export function openSqliteStore(path: string, options: { log?: Logger } = {}): Store {
  const report = reportTo(options.log);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  // Several processes (instances) may share one file. Opening waits for the others' migrations;
  // after that SQLite never waits itself (it would block the whole server): a busy write fails at
  // once and is tried again, awaited, by retryWhenBusy.
  const db = new DatabaseSync(path, { timeout: 10_000 });
  if (path !== ':memory:') db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL');
  migrate(db, report);
  db.exec('PRAGMA busy_timeout = 0');
  let open = true;
  return retryWhenBusy<Store>({
    kind: 'sqlite',
    initiatives: retryWhenBusy(new SqliteInitiatives(db, report)),
    stances: retryWhenBusy(new SqliteStances(db)),
    audit: retryWhenBusy(new SqliteAuditLog(db)),
    counters: retryWhenBusy(new SqliteCounters(db)),
    conversations: retryWhenBusy(new SqliteConversations(db)),
    outbox: retryWhenBusy(new SqliteOutbox(db, report)),
    // Its own tables in the same database, changed in the same transaction as every write: a
    // change is visible to every process sharing the file as soon as it is committed.
    queries: retryWhenBusy(new SqliteQueryReads(db)),
    meetings: retryWhenBusy(new SqliteMeetings(db)),
    paragraphs: retryWhenBusy(new SqliteParagraphs(db)),
    documents: retryWhenBusy(new SqliteDocuments(db)),
    roles: retryWhenBusy(new SqliteRoles(db)),
    configuration: retryWhenBusy(new SqliteConfiguration(db)),
    async recordTogether(events, notifications) {
      // One transaction: all of a change's records, or none. A record already there (the same id
      // written by an earlier attempt) is kept as it is.
      transaction(db, 'record audit and notifications', () => {
        const event = db.prepare(
          'INSERT INTO audit_events (id, initiative_id, data) VALUES (?, ?, ?) ON CONFLICT(id) DO NOTHING',
        );
        for (const e of events) event.run(e.id, e.initiativeId, JSON.stringify(e));
        const note = db.prepare(
          'INSERT INTO outbox (id, data, next_attempt_at) VALUES (?, ?, ?) ON CONFLICT(id) DO NOTHING',
        );
        for (const n of notifications) note.run(n.id, JSON.stringify(n), n.createdAt);
      });
    },
    async readInitiativeWithStances(id) {
      const initiative = await this.initiatives.get(id);
      return { initiative, stances: initiative ? await this.stances.listFor(id) : [] };
    },
    async schemaVersion() {
      return String(userVersion(db));
    },
    async ping() {
      if (!open) throw new UnavailableError('store is closed');
      db.prepare('SELECT 1').get();
    },
    async close() {
      if (open) db.close();
      open = false;
    },
  });
}

function userVersion(db: DatabaseSync): number {
  return Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);
}

/** Applies pending migrations, each in its own transaction; safe when several processes start at once. */
function migrate(db: DatabaseSync, report: ReportUnreadable): void {
  for (let v = userVersion(db); v < MIGRATIONS.length; v = userVersion(db)) {
    db.exec('BEGIN IMMEDIATE');
    try {
      // Re-read inside the write lock: another process may have migrated meanwhile.
      const current = userVersion(db);
      if (current === v) {
        db.exec(MIGRATIONS[v] ?? '');
        if (v === QUERY_MODEL_MIGRATION) rebuildQueryModel(db, report);
        db.exec(`PRAGMA user_version = ${v + 1}`);
      }
      db.exec('COMMIT');
    } catch (err) {
      db.exec('ROLLBACK');
      throw err;
    }
  }
}
