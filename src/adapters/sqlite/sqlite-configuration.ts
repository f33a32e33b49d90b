import type { DatabaseSync } from 'node:sqlite';
import type {
  ConfigurationKind,
  ConfigurationRepository,
  ConfigurationRevision,
} from '../../app/ports/configuration.port';
import { mapSqlite } from './sqlite-errors';

/** One row per revision; the primary key (kind, revision) refuses a second revision n. */
export class SqliteConfiguration implements ConfigurationRepository {
  constructor(private readonly db: DatabaseSync) {}

  /** A SQLite TEXT holds any size a catalogue reaches. */
  fits(): boolean {
    return true;
  }

  async append(r: ConfigurationRevision): Promise<void> {
    mapSqlite('save configuration', () =>
      this.db
        .prepare('INSERT INTO configuration (kind, revision, data) VALUES (?, ?, ?)')
        .run(r.kind, r.revision, JSON.stringify(r)),
    );
  }

  async latest(kind: ConfigurationKind, count: number): Promise<ConfigurationRevision[]> {
    const rows = this.db
      .prepare('SELECT data FROM configuration WHERE kind = ? ORDER BY revision DESC LIMIT ?')
      .all(kind, count) as unknown as { data: string }[];
    return rows.map((row) => JSON.parse(row.data) as ConfigurationRevision).reverse();
  }

  async after(kind: ConfigurationKind, revision: number): Promise<ConfigurationRevision[]> {
    const rows = this.db
      .prepare('SELECT data FROM configuration WHERE kind = ? AND revision > ? ORDER BY revision')
      .all(kind, revision) as unknown as { data: string }[];
    return rows.map((row) => JSON.parse(row.data) as ConfigurationRevision);
  }
}
