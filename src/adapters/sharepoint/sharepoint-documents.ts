import type { ArchivedDocument, DocumentArchive } from '../../app/ports/document-archive.port';
import type { GraphClient } from './http/graph-client';
import { isDuplicate, isNotFound, mapGraph } from './http/graph-errors';
import { asRecord } from './http/graph-http';

/** A path inside the drive, each segment percent-encoded (names may hold spaces or å ä ö). */
const drivePath = (path: string): string =>
  path
    .split('/')
    .filter(Boolean)
    .map((segment) => encodeURIComponent(segment))
    .join('/');

/**
 * The document library `OmtankeProtokoll`, reached as its drive. Microsoft Graph has no API for list
 * item attachments, so files live in a library. A file is written once (conflictBehavior=fail): a
 * second filing of the same path, a retry after a lost answer, keeps the first copy.
 */
export class SharePointDocuments implements DocumentArchive {
  private driveId: Promise<string> | null = null;

  constructor(
    private readonly client: GraphClient,
    private readonly siteId: string,
    private readonly listId: string,
  ) {}

  file(doc: ArchivedDocument): Promise<void> {
    return mapGraph('file document', async () => {
      const drive = await this.drive();
      try {
        await this.client.send({
          method: 'PUT',
          url: `/drives/${drive}/root:/${drivePath(doc.path)}:/content?@microsoft.graph.conflictBehavior=fail`,
          headers: { 'content-type': doc.contentType },
          body: Buffer.from(doc.bytes),
          useCase: 'documents.file',
        });
      } catch (err) {
        if (!isDuplicate(err)) throw err; // 409 nameAlreadyExists: filed before
      }
    });
  }

  has(path: string): Promise<boolean> {
    return mapGraph('read document', async () => {
      const drive = await this.drive();
      try {
        await this.client.send({
          method: 'GET',
          url: `/drives/${drive}/root:/${drivePath(path)}?$select=id`,
          useCase: 'documents.has',
        });
        return true;
      } catch (err) {
        if (isNotFound(err)) return false;
        throw err;
      }
    });
  }

  /** The library's drive id, asked once per store (a failed ask is asked again next time). */
  private drive(): Promise<string> {
    this.driveId ??= this.client
      .send({
        method: 'GET',
        url: `/sites/${this.siteId}/lists/${this.listId}/drive?$select=id`,
        useCase: 'documents.drive',
      })
      .then((body) => String(asRecord(body).id))
      .catch((err: unknown) => {
        this.driveId = null;
        throw err;
      });
    return this.driveId;
  }
}
