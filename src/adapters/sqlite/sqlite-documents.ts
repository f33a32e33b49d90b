import type { DatabaseSync } from 'node:sqlite';
import type { ArchivedDocument, DocumentArchive } from '../../app/ports/document-archive.port';
import { mapSqlite } from './sqlite-errors';

/** Filed documents in one table; INSERT OR IGNORE keeps the first copy of a path. */
export class SqliteDocuments implements DocumentArchive {
  constructor(private readonly db: DatabaseSync) {}

  async file(doc: ArchivedDocument): Promise<void> {
    mapSqlite('file document', () =>
      this.db
        .prepare('INSERT OR IGNORE INTO documents (path, content_type, data) VALUES (?, ?, ?)')
        .run(doc.path, doc.contentType, doc.bytes),
    );
  }

  async has(path: string): Promise<boolean> {
    return !!this.db.prepare('SELECT 1 AS x FROM documents WHERE path = ?').get(path);
  }
}
