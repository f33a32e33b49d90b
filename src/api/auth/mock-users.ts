import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A mock user of the local Teams client, for the dev sign-in page. */
export interface MockUser {
  readonly objectId: string;
  readonly name: string;
  readonly email: string;
}

/** The Agents Playground configuration at the repository root (src/api/auth or dist/api/auth → ../../..). */
export const PLAYGROUND_CONFIG = join(__dirname, '..', '..', '..', '.m365agentsplayground.yml');

/**
 * Reads the current user and the mock users from the Agents Playground file, so local sign-in offers
 * the same people as the local Teams client. The file is flat `key: value` pairs (block or flow
 * style); every user starts with its `id`, so a small scan is enough and needs no YAML library.
 */
export function parseMockUsers(yaml: string): MockUser[] {
  const records: Record<string, string>[] = [];
  let inUsers = false;
  for (const raw of yaml.split('\n')) {
    if (/^(currentUser|users):/.test(raw)) inUsers = true;
    else if (/^\S/.test(raw)) inUsers = false;
    if (!inUsers) continue;
    for (const part of raw.replace(/[{}]/g, '').split(',')) {
      const m = /^\s*-?\s*(\w+):\s*(.*?)\s*$/.exec(part);
      if (!m || !m[2]) continue;
      // Every user, in the block or a flow mapping, starts with its id.
      if (m[1] === 'id') records.push({});
      const current = records[records.length - 1];
      if (current) current[m[1]!] = m[2].replace(/^['"]|['"]$/g, '');
    }
  }
  return records
    .filter((r) => r.aadObjectId && r.name)
    .map((r) => ({ objectId: r.aadObjectId!, name: r.name!, email: r.email ?? '' }));
}

export function loadMockUsers(path = PLAYGROUND_CONFIG): MockUser[] {
  try {
    return parseMockUsers(readFileSync(path, 'utf8'));
  } catch {
    return [];
  }
}
