/** A justered document as it is filed: a path inside the archive, its type and its bytes. */
export interface ArchivedDocument {
  /** Relative path with `/` between folders, e.g. `rug-2026/2026-04-15-ab12cd34/protokoll.pdf`. */
  readonly path: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

/**
 * Where justered minutes and extracts are filed (SharePoint: a document library). Justered records
 * never change, so filing is once per path: filing a path again keeps the first copy.
 */
export interface DocumentArchive {
  file(doc: ArchivedDocument): Promise<void>;
  has(path: string): Promise<boolean>;
}
