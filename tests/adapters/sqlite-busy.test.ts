/**
 * SQLite keeps SharePoint's promises under a busy database: a write that meets another instance's
 * lock is retried without freezing the server, and one that stays locked fails as "try again".
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { openSqliteStore } from '../../src/adapters/sqlite/sqlite-store';
import { UnavailableError } from '../../src/app/ports/store.errors';
import { newInitiative } from '../support/fixtures';

const file = () => join(mkdtempSync(join(tmpdir(), 'omtanke-busy-')), 'omtanke.db');

it('waits for another instance’s write lock without blocking the event loop, then writes', async () => {
  const path = file();
  const store = openSqliteStore(path);
  const other = new DatabaseSync(path);
  other.exec('BEGIN IMMEDIATE'); // another instance in the middle of a write
  let ticks = 0;
  const timer = setInterval(() => (ticks += 1), 5);
  setTimeout(() => other.exec('COMMIT'), 120);
  const started = Date.now();
  const { created } = await store.initiatives.create(newInitiative());
  clearInterval(timer);
  expect(created).toBe(true);
  expect(Date.now() - started).toBeGreaterThanOrEqual(100);
  // The server went on: timers fired while the write waited for the lock.
  expect(ticks).toBeGreaterThan(5);
  other.close();
  await store.close();
});

it('answers "unavailable, try again" quickly when the lock is held on and on', async () => {
  const path = file();
  const store = openSqliteStore(path);
  const other = new DatabaseSync(path);
  other.exec('BEGIN IMMEDIATE');
  const started = Date.now();
  await expect(
    store.recordTogether(
      [],
      [
        {
          id: 'n1',
          kind: 'refresh_cards',
          initiativeId: 'x',
          recipient: { type: 'channel', key: 'rug' },
          data: {},
          createdAt: new Date().toISOString(),
        },
      ],
    ),
  ).rejects.toBeInstanceOf(UnavailableError);
  expect(Date.now() - started).toBeLessThan(2000);
  other.exec('ROLLBACK');
  other.close();
  await store.close();
});
