import { deflateRawSync, inflateRawSync } from 'node:zlib';

/** What one SharePoint multi-line column holds (63,999 characters), with a margin. */
export const MAX_STORED_CHARS = 63_000;
const PACKED = 'deflate:';

/**
 * A revision as stored text: JSON when it fits the column, else deflated and base64-encoded (about
 * a third of the size, so former labels can accumulate for years before a catalogue is too large).
 */
export function packRevision(json: string): string {
  if (json.length <= MAX_STORED_CHARS) return json;
  return PACKED + deflateRawSync(Buffer.from(json, 'utf8'), { level: 9 }).toString('base64');
}

export function unpackRevision(stored: string): string {
  return stored.startsWith(PACKED)
    ? inflateRawSync(Buffer.from(stored.slice(PACKED.length), 'base64')).toString('utf8')
    : stored;
}
