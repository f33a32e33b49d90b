import { QUERY_SCHEMA } from './query/schema';

/**
 * Schema migrations, applied in order and recorded in PRAGMA user_version. Append new steps; never
 * edit a released one.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE initiatives (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    client_key TEXT NOT NULL UNIQUE,
    ref TEXT UNIQUE,
    status TEXT NOT NULL,
    initiator_id TEXT NOT NULL,
    year INTEGER NOT NULL,
    data TEXT NOT NULL,
    version INTEGER NOT NULL
  );
  CREATE INDEX initiatives_status ON initiatives(status, seq);
  CREATE INDEX initiatives_initiator ON initiatives(initiator_id, seq);
  CREATE INDEX initiatives_year ON initiatives(year, seq);

  CREATE TABLE stances (
    initiative_id TEXT NOT NULL,
    member_id TEXT NOT NULL,
    data TEXT NOT NULL,
    version INTEGER NOT NULL,
    PRIMARY KEY (initiative_id, member_id)
  );

  CREATE TABLE audit_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    initiative_id TEXT NOT NULL,
    data TEXT NOT NULL
  );
  CREATE INDEX audit_events_initiative ON audit_events(initiative_id, seq);
  -- Official records: the database itself refuses to change or remove an audit event.
  CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
    BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
  CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
    BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;

  CREATE TABLE counters (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
  );

  CREATE TABLE conversations (
    key TEXT PRIMARY KEY,
    data TEXT NOT NULL
  );
  `,
  `
  CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    data TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    sent_at TEXT,
    last_error TEXT,
    version INTEGER NOT NULL DEFAULT 1
  );
  CREATE INDEX outbox_pending ON outbox(sent_at, next_attempt_at, seq);
  `,
  `
  -- 1 while the initiative holds records of a change not yet written out (the sweep's index).
  ALTER TABLE initiatives ADD COLUMN pending INTEGER NOT NULL DEFAULT 0;
  CREATE INDEX initiatives_pending ON initiatives(pending, seq);
  `,
  // The query model's own tables; filled from the records by `rebuildQueryModel` when added.
  QUERY_SCHEMA,
  `
  CREATE TABLE meetings (
    id TEXT PRIMARY KEY,
    client_key TEXT NOT NULL UNIQUE,
    year INTEGER NOT NULL,
    date TEXT NOT NULL,
    -- 1 while the meeting holds notifications not yet written out (the sweep's index).
    pending INTEGER NOT NULL DEFAULT 0,
    data TEXT NOT NULL,
    version INTEGER NOT NULL
  );
  CREATE INDEX meetings_year ON meetings(year, date);
  CREATE INDEX meetings_pending ON meetings(pending);

  -- The primary key is the gapless-numbering rule: one item per (year, number), one number per item.
  CREATE TABLE paragraphs (
    year INTEGER NOT NULL,
    number INTEGER NOT NULL,
    key TEXT NOT NULL UNIQUE,
    PRIMARY KEY (year, number)
  );
  `,
  `
  -- Filed copies of justered minutes and extracts; a path is filed once and never replaced.
  CREATE TABLE documents (
    path TEXT PRIMARY KEY,
    content_type TEXT NOT NULL,
    data BLOB NOT NULL
  );
  CREATE TRIGGER documents_no_update BEFORE UPDATE ON documents
    BEGIN SELECT RAISE(ABORT, 'filed documents are never replaced'); END;
  `,
  `
  -- 1 while a stance holds records of its change not yet written out (the sweep's index).
  ALTER TABLE stances ADD COLUMN pending INTEGER NOT NULL DEFAULT 0;
  CREATE INDEX stances_pending ON stances(pending);
  `,
  `
  -- Chair, secretary and admin roles granted in the app; ended assignments stay as history.
  CREATE TABLE role_assignments (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    data TEXT NOT NULL,
    version INTEGER NOT NULL
  );
  `,
  `
  -- The catalogue and the process settings as revisions: appended, never changed.
  CREATE TABLE configuration (
    kind TEXT NOT NULL,
    revision INTEGER NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (kind, revision)
  );
  CREATE TRIGGER configuration_no_update BEFORE UPDATE ON configuration
    BEGIN SELECT RAISE(ABORT, 'configuration revisions are never changed'); END;
  `,
];

/** The migration that added the query model (its tables are filled from the records then). */
export const QUERY_MODEL_MIGRATION = 3;
