/**
 * An initiative and its stances in one `$batch` of two GETs: what a vote or a decision reads
 * before it writes, for one round trip instead of two. The filters are case-insensitive in
 * SharePoint, so exact matches are kept in memory, as the single reads do. A step that fails, or a
 * list of stances longer than one page, falls back to the single reads.
 */
import type { Stance } from '../../domain/approval/approval';
import type { Initiative } from '../../domain/initiative/initiative.types';
import type { GraphList } from './graph-list';
import { parseItem } from './graph-list';
import { sendBatch } from './http/batch';
import type { GraphClient } from './http/graph-client';
import { asRecord } from './http/graph-http';
import { mapGraph } from './http/graph-errors';
import { toInitiative } from './sharepoint-initiatives';
import { toStance } from './sharepoint-stances';

export async function readInitiativeWithStances(
  client: GraphClient,
  lists: { readonly initiatives: GraphList; readonly stances: GraphList },
  id: string,
  fallback: () => Promise<{ initiative: Initiative | null; stances: Stance[] }>,
): Promise<{ initiative: Initiative | null; stances: Stance[] }> {
  const useCase = 'initiatives.read';
  const [one, all] = await mapGraph('read initiative and stances', () =>
    sendBatch(
      client,
      [
        { method: 'GET', url: lists.initiatives.queryUrl({ column: 'InitiativeId', value: id }, 2), useCase },
        { method: 'GET', url: lists.stances.queryUrl({ column: 'InitiativeId', value: id }, 500), useCase },
      ],
      { useCase },
    ),
  );
  const ok = (a: typeof one) => a !== undefined && a.status >= 200 && a.status < 300;
  if (!ok(one) || !ok(all) || typeof asRecord(all!.body)['@odata.nextLink'] === 'string') return fallback();
  const items = (a: typeof one) => {
    const value = asRecord(a!.body).value;
    return (Array.isArray(value) ? value : []).map(parseItem);
  };
  const initiative =
    items(one)
      .map(toInitiative)
      .find((i) => i.id === id) ?? null;
  const stances = items(all)
    .map(toStance)
    .filter((s) => s.initiativeId === id);
  return { initiative, stances: initiative ? stances : [] };
}
