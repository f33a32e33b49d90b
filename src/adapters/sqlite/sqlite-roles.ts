import type { DatabaseSync } from 'node:sqlite';
import type { RoleRepository } from '../../app/ports/role-repository.port';
import { ConflictError } from '../../app/ports/store.errors';
import type { NewRoleAssignment, RoleAssignment } from '../../domain/roles/role-assignment';
import { mapSqlite } from './sqlite-errors';

interface Row {
  data: string;
  version: number;
}

const toAssignment = (row: Row): RoleAssignment => ({
  ...(JSON.parse(row.data) as NewRoleAssignment),
  version: String(row.version),
});

/** One row per assignment; the unique id makes a repeated grant a conflict the use case recognises. */
export class SqliteRoles implements RoleRepository {
  constructor(private readonly db: DatabaseSync) {}

  async put(assignment: NewRoleAssignment, expectedVersion: string | null): Promise<RoleAssignment> {
    const data = JSON.stringify(assignment);
    if (expectedVersion === null) {
      mapSqlite('create role assignment', () =>
        this.db
          .prepare('INSERT INTO role_assignments (id, data, version) VALUES (?, ?, 1)')
          .run(assignment.id, data),
      );
      return { ...assignment, version: '1' };
    }
    const expected = Number(expectedVersion);
    const result = mapSqlite('update role assignment', () =>
      this.db
        .prepare('UPDATE role_assignments SET data = ?, version = version + 1 WHERE id = ? AND version = ?')
        .run(data, assignment.id, expected),
    );
    if (Number(result.changes) !== 1)
      throw new ConflictError('role assignment was changed by someone else', 'stale');
    return { ...assignment, version: String(expected + 1) };
  }

  async get(id: string): Promise<RoleAssignment | null> {
    const row = this.db.prepare('SELECT data, version FROM role_assignments WHERE id = ?').get(id) as
      Row | undefined;
    return row ? toAssignment(row) : null;
  }

  async list(): Promise<RoleAssignment[]> {
    const rows = this.db
      .prepare('SELECT data, version FROM role_assignments ORDER BY seq')
      .all() as unknown as Row[];
    return rows.map(toAssignment);
  }
}
