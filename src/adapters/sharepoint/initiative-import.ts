import { randomUUID } from 'node:crypto';
import type { NewInitiative } from '../../app/ports/initiative-repository.port';
import { ConflictError } from '../../app/ports/store.errors';
import type { GraphList } from './graph-list';
import { sendBatch } from './http/batch';
import type { GraphClient } from './http/graph-client';
import { graphErrorFrom, isDuplicate, mapGraph, toStoreError } from './http/graph-errors';
import { initiativeFields } from './sharepoint-initiatives';

export interface ImportResult {
  readonly created: number;
  /** Already stored under the same client key (an earlier, interrupted import): left as they were. */
  readonly existing: number;
}

/**
 * Writes many initiatives that belong together (a migration from the embedded store, a seed) in
 * `$batch` requests of 20, in order. Safe to run again: the unique client key makes every create
 * idempotent, and each inner 429/5xx is retried on its own by sendBatch.
 */
export function importInitiatives(
  client: GraphClient,
  list: GraphList,
  items: readonly NewInitiative[],
): Promise<ImportResult> {
  return mapGraph('import initiatives', async () => {
    const tokens = items.map(() => randomUUID());
    const requests = items.map((i, n) =>
      list.createRequest(initiativeFields(i, tokens[n]!), 'initiatives.import', i.clientKey),
    );
    const answers = await sendBatch(client, requests, { useCase: 'initiatives.import', sequential: true });
    let created = 0;
    let existing = 0;
    for (const [n, answer] of answers.entries()) {
      if (answer.status >= 200 && answer.status < 300) {
        created++;
        continue;
      }
      const err = graphErrorFrom(answer);
      if (!isDuplicate(err)) throw toStoreError(err, 'import initiatives');
      const item = items[n]!;
      const found = await list.findOne(
        { column: 'ClientKey', value: item.clientKey },
        'initiatives.import',
        (x) => (JSON.parse(String(x.fields.Data)) as NewInitiative).clientKey === item.clientKey,
      );
      if (!found)
        throw new ConflictError(`import initiatives: reference or id of ${item.id} taken`, 'duplicate');
      if (found.fields.WriteToken === tokens[n]) created++;
      else existing++;
    }
    return { created, existing };
  });
}
