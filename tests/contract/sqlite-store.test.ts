import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../src/adapters/sqlite/sqlite-store';
import { describeQueryContract } from './query-contract';
import { describeStoreContract } from './store-contract';

describeStoreContract('SQLite in memory', {
  open: async () => openSqliteStore(':memory:'),
});

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const paths = new WeakMap<object, string>();

describeStoreContract('SQLite file (WAL), shared by two instances', {
  open: async () => {
    const dir = mkdtempSync(join(tmpdir(), 'omtanke-store-'));
    dirs.push(dir);
    const path = join(dir, 'omtanke.db');
    const store = openSqliteStore(path);
    paths.set(store, path);
    return store;
  },
  openSecond: async (first) => openSqliteStore(paths.get(first)!),
});

describeQueryContract('SQLite in memory', { open: async () => openSqliteStore(':memory:') });

describeQueryContract('SQLite file, shared by two instances', {
  open: async () => {
    const dir = mkdtempSync(join(tmpdir(), 'omtanke-query-'));
    dirs.push(dir);
    const path = join(dir, 'omtanke.db');
    const store = openSqliteStore(path);
    paths.set(store, path);
    return store;
  },
  openSecond: async (first) => openSqliteStore(paths.get(first)!),
});
