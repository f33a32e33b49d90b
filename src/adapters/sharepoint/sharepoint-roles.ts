import { randomUUID } from 'node:crypto';
import type { RoleRepository } from '../../app/ports/role-repository.port';
import { ConflictError } from '../../app/ports/store.errors';
import type { NewRoleAssignment, RoleAssignment } from '../../domain/roles/role-assignment';
import type { Fields, GraphList, ListItem } from './graph-list';
import { isDuplicate, isNotFound, isStale, mapGraph } from './http/graph-errors';
import { decodeVersion, encodeVersion } from './list-paging';

export const ROLE_READ = ['Data', 'WriteToken'] as const;

function toAssignment(item: ListItem): RoleAssignment {
  const a = JSON.parse(String(item.fields.Data)) as NewRoleAssignment;
  return { ...a, version: encodeVersion(item, a.id) };
}

function fields(a: NewRoleAssignment, writeToken: string): Fields {
  return {
    Title: `${a.role} ${a.holder.name}`,
    AssignmentId: a.id,
    Role: a.role,
    HolderId: a.holder.objectId,
    From: a.from,
    Until: a.until ?? '',
    Data: JSON.stringify(a),
    WriteToken: writeToken,
  };
}

const isId = (id: string) => (item: ListItem) =>
  (JSON.parse(String(item.fields.Data)) as NewRoleAssignment).id === id;

/**
 * Role assignments in their own list. A grant is one POST (the unique AssignmentId refuses a second),
 * ending one is a PATCH with If-Match; reading all is one page (the list stays small).
 */
export class SharePointRoles implements RoleRepository {
  constructor(private readonly sp: GraphList) {}

  put(assignment: NewRoleAssignment, expectedVersion: string | null): Promise<RoleAssignment> {
    return mapGraph('save role assignment', () =>
      expectedVersion === null ? this.create(assignment) : this.replace(assignment, expectedVersion),
    );
  }

  get(id: string): Promise<RoleAssignment | null> {
    return mapGraph('read role assignment', async () => {
      const item = await this.sp.findOne({ column: 'AssignmentId', value: id }, 'roles.get', isId(id));
      return item ? toAssignment(item) : null;
    });
  }

  list(): Promise<RoleAssignment[]> {
    return mapGraph('list role assignments', async () => {
      const out: RoleAssignment[] = [];
      let url: string | null = this.sp.queryUrl(null, 500);
      while (url) {
        const page = await this.sp.page(url, 'roles.list');
        out.push(...page.items.map(toAssignment));
        url = page.nextLink;
      }
      return out;
    });
  }

  private async create(a: NewRoleAssignment): Promise<RoleAssignment> {
    const token = randomUUID();
    try {
      return toAssignment(await this.sp.create(fields(a, token), 'roles.put', a.id));
    } catch (err) {
      if (!isDuplicate(err)) throw err;
      // Our own earlier attempt whose answer was lost (same token), or a real second grant.
      const existing = await this.sp.findOne(
        { column: 'AssignmentId', value: a.id },
        'roles.put',
        isId(a.id),
      );
      if (existing?.fields.WriteToken === token) return toAssignment(existing);
      throw new ConflictError('save role assignment: the id is taken', 'duplicate');
    }
  }

  private async replace(a: NewRoleAssignment, expectedVersion: string): Promise<RoleAssignment> {
    const at = decodeVersion(expectedVersion, a.id);
    if (!at) throw new ConflictError('save role assignment: not a version of this assignment', 'stale');
    const token = randomUUID();
    try {
      const eTag = await this.sp.update(at.itemId, at.eTag, fields(a, token), 'roles.put');
      return { ...a, version: encodeVersion({ itemId: at.itemId, eTag }, a.id) };
    } catch (err) {
      if (isNotFound(err)) throw new ConflictError('save role assignment: it is gone', 'stale');
      if (!isStale(err)) throw err;
      const now = await this.sp.read(at.itemId, 'roles.put');
      if (now?.fields.WriteToken === token) return toAssignment(now);
      throw err;
    }
  }
}
