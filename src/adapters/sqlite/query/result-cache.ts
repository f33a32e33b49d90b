import type { DatabaseSync } from 'node:sqlite';

/** Results kept at most; the overview and the first list pages are few distinct queries. */
const MAX_ENTRIES = 200;

/**
 * Remembers answers of counting queries until the data changes. The key includes SQLite's
 * `data_version` (changes when another connection commits, e.g. another process on the file) and
 * this connection's `total_changes()` (its own writes), so an answer is never older than the data:
 * page views far outnumber writes, and between writes a count or the overview costs nothing.
 */
export class ResultCache {
  private readonly entries = new Map<string, unknown>();
  private at = '';

  constructor(private readonly db: DatabaseSync) {}

  get<T>(key: string, compute: () => T): T {
    const version = this.version();
    if (version !== this.at) {
      this.entries.clear();
      this.at = version;
    }
    if (this.entries.has(key)) return this.entries.get(key) as T;
    const value = compute();
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, value);
    return value;
  }

  private version(): string {
    const v = this.db.prepare('SELECT total_changes() AS c').get() as { c: number };
    const d = this.db.prepare('PRAGMA data_version').get() as { data_version: number };
    return `${d.data_version}:${v.c}`;
  }
}
