/**
 * Document libraries as drives, as far as the store uses them: the library's drive, a simple upload
 * by path (`PUT /drives/{id}/root:/{path}:/content`, with `@microsoft.graph.conflictBehavior`) and
 * reading an item's metadata by path. Bytes are kept in memory.
 */
import { randomUUID } from 'node:crypto';
import { type FakeAnswer, FakeHttpError } from './fake-errors';
import type { FakeList } from './fake-list';
import type { FakeSite } from './fake-state';

interface FakeFile {
  readonly id: string;
  readonly bytes: Buffer;
  readonly contentType: string;
}

export class FakeDrive {
  readonly id = `b!${randomUUID().replace(/-/g, '')}`;
  /** Paths compare case-insensitively in SharePoint. */
  readonly files = new Map<string, FakeFile>();
  constructor(readonly site: FakeSite) {}
}

const drives = new Map<string, FakeDrive>();
const byList = new WeakMap<FakeList, FakeDrive>();

/** GET /sites/{site}/lists/{list}/drive — only a document library has one. */
export function listDrive(site: FakeSite, list: FakeList): FakeAnswer {
  site.require('read');
  if (list.template !== 'documentLibrary')
    throw new FakeHttpError(404, 'itemNotFound', 'The list is not a document library.');
  let drive = byList.get(list);
  if (!drive) {
    drive = new FakeDrive(site);
    byList.set(list, drive);
    drives.set(drive.id, drive);
  }
  return { status: 200, body: { id: drive.id, driveType: 'documentLibrary' } };
}

const itemJson = (path: string, f: FakeFile) => ({
  id: f.id,
  name: path.split('/').pop(),
  size: f.bytes.length,
});

/** /drives/{id}/root:/{path}[:/content] */
export function routeDrive(
  method: string,
  path: string,
  url: URL,
  headers: Readonly<Record<string, string>>,
  body: unknown,
): FakeAnswer {
  const m = /^\/drives\/([^/]+)\/root:\/(.+?)(:\/content|:)?$/.exec(path);
  const drive = m ? drives.get(decodeURIComponent(m[1]!)) : undefined;
  if (!m || !drive) throw new FakeHttpError(404, 'itemNotFound', 'The resource could not be found.');
  const filePath = decodeURIComponent(m[2]!).toLowerCase();
  const existing = drive.files.get(filePath);
  if (m[3] === ':/content' && method === 'PUT') {
    drive.site.require('write');
    if (!Buffer.isBuffer(body)) throw new FakeHttpError(400, 'invalidRequest', 'Expected file content.');
    if (existing && url.searchParams.get('@microsoft.graph.conflictBehavior') === 'fail')
      throw new FakeHttpError(409, 'nameAlreadyExists', 'The specified item name already exists.');
    const file = {
      id: existing?.id ?? randomUUID(),
      bytes: body,
      contentType: headers['content-type'] ?? '',
    };
    drive.files.set(filePath, file);
    return { status: existing ? 200 : 201, body: itemJson(filePath, file) };
  }
  if (method === 'GET' && m[3] !== ':/content') {
    drive.site.require('read');
    if (!existing) throw new FakeHttpError(404, 'itemNotFound', 'The resource could not be found.');
    return { status: 200, body: itemJson(filePath, existing) };
  }
  throw new FakeHttpError(404, 'invalidRequest', 'Not supported by the fake.');
}

/** The bytes filed at a path in a site's library (for tests). */
export function filedBytes(site: FakeSite, path: string): Buffer | null {
  for (const drive of drives.values()) {
    if (drive.site !== site) continue;
    const f = drive.files.get(path.toLowerCase());
    if (f) return f.bytes;
  }
  return null;
}
