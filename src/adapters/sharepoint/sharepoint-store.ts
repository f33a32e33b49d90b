import { randomUUID } from 'node:crypto';
import type { TokenCredential } from '@azure/identity';
import type { NewInitiative } from '../../app/ports/initiative-repository.port';
import type { QueryProjection } from '../../app/ports/query-model.port';
import type { Store } from '../../app/ports/store.port';
import { UnavailableError } from '../../app/ports/store.errors';
import type { Logger } from '../../app/ports/system.port';
import { createGraphCredential } from './graph-credential';
import { GraphList } from './graph-list';
import { type GraphClient, PUBLIC_GRAPH_URL, createGraphClient } from './http/graph-client';
import { mapGraph } from './http/graph-errors';
import { RequestCounter } from './http/request-counter';
import { type RetryPolicy, backoffMs } from './http/retry-policy';
import { type ImportResult, importInitiatives } from './initiative-import';
import { LIST_DESIGN_VERSION, type ListKey } from './list-design';
import { resolveLists } from './list-resolver';
import { readInitiativeWithStances } from './read-together';
import { BlockCounter } from './reference-blocks';
import { INITIATIVE_READ, SharePointInitiatives } from './sharepoint-initiatives';
import {
  COUNTER_READ,
  RECORD_READ,
  SharePointAuditLog,
  SharePointConversations,
  SharePointCounters,
} from './sharepoint-records';
import { OUTBOX_READ, SharePointOutbox } from './sharepoint-outbox';
import { sendBatch } from './http/batch';
import { STANCE_READ, SharePointStances } from './sharepoint-stances';
import { DeltaFeed } from './replica/delta-feed';
import { ListReplica } from './replica/list-replica';
import { reportTo } from '../../app/ports/read-each';
import { noteSaved, replicatedInitiatives, replicatedStances } from './replica/replicated-repos';
import { chainedWrites } from './write-chain';
import { MEETING_READ, SharePointMeetings } from './sharepoint-meetings';
import { PARAGRAPH_READ, SharePointParagraphs } from './sharepoint-paragraphs';
import { SharePointDocuments } from './sharepoint-documents';
import { ROLE_READ, SharePointRoles } from './sharepoint-roles';
import { CONFIGURATION_READ, SharePointConfiguration } from './sharepoint-configuration';

export interface SharePointStoreOptions {
  /** The site holding the lists (`SHAREPOINT_SITE_ID`), e.g. `contoso.sharepoint.com,<guid>,<guid>`. */
  readonly siteId: string;
  /** `GRAPH_BASE_URL`; defaults to the public cloud. */
  readonly graphBaseUrl?: string;
  /** `AUTHORITY_HOST`; defaults to the public cloud. */
  readonly authorityHost?: string;
  readonly tenantId?: string;
  readonly clientId?: string;
  readonly clientSecret?: string | null;
  readonly certificatePath?: string | null;
  readonly useManagedIdentity?: boolean;
  /** A ready credential instead of the settings above (tests, or a caller with its own). */
  readonly credential?: TokenCredential;
  readonly timeoutMs?: number;
  readonly retry?: Partial<RetryPolicy>;
  readonly counter?: RequestCounter;
  readonly logger?: Logger;
  /** Makes an empty query projection for the replica (main.ts passes the SQLite one, in memory). */
  readonly queryModel: () => QueryProjection;
  /**
   * Reference numbers taken from the counter at a time (README, "Reference numbers"); 1 gives
   * gap-free numbers at two extra round trips per submission.
   */
  readonly referenceBlockSize?: number;
  /** How often the replica asks Graph delta for others' changes; 0 = only when `syncReplica` is called. */
  readonly replicaPollMs?: number;
}

export const DEFAULT_REFERENCE_BLOCK = 10;

/** Others' changes reach this instance's replica within this time (README, "Freshness"). */
export const DEFAULT_REPLICA_POLL_MS = 2000;

export interface SharePointStore extends Store {
  readonly kind: 'sharepoint';
  /** Graph round trips per use case since open (or the last reset). */
  readonly requests: RequestCounter;
  /** Asks Graph delta for changes now (tests, the bench, and after a bulk import). */
  syncReplica(): Promise<void>;
  /** Initiatives the replica holds. */
  replicaSize(): number;
  /** Bulk create in `$batch` requests (migration, seeding); idempotent by client key. */
  importInitiatives(items: readonly NewInitiative[]): Promise<ImportResult>;
}

/**
 * Opens the SharePoint store: resolves the provisioned lists by display name (one request, cached
 * for the life of the store) and fails fast, naming what is missing, if the site is not provisioned.
 */
export async function openSharePointStore(options: SharePointStoreOptions): Promise<SharePointStore> {
  if (!/^[\w.,:-]+$/.test(options.siteId)) throw new UnavailableError('SharePoint site id is not valid');
  const baseUrl = (options.graphBaseUrl ?? PUBLIC_GRAPH_URL).replace(/\/+$/, '');
  const credential =
    options.credential ??
    createGraphCredential({
      tenantId: options.tenantId ?? '',
      clientId: options.clientId ?? '',
      clientSecret: options.clientSecret,
      certificatePath: options.certificatePath,
      useManagedIdentity: options.useManagedIdentity,
      authorityHost: options.authorityHost,
    });
  const log = options.logger;
  const client: GraphClient = createGraphClient({
    baseUrl,
    credential,
    timeoutMs: options.timeoutMs,
    retry: options.retry,
    counter: options.counter ?? new RequestCounter(),
    onRetry: log ? (e) => log.debug('graph retry', { ...e }) : undefined,
  });
  const ids = await mapGraph('open SharePoint store', () => resolveLists(client, options.siteId));
  const list = (key: ListKey, read: readonly string[]) =>
    new GraphList(client, options.siteId, ids[key], read);
  const initiativeList = list('initiatives', INITIATIVE_READ);
  // Contention on the counter item is brief: short, randomised pauses, not the throttling backoff.
  const contention = (attempt: number) =>
    client.retry.sleep(
      backoffMs(attempt, {
        baseDelayMs: Math.min(client.retry.baseDelayMs, 25),
        maxDelayMs: 1000,
        jitter: 1,
        random: client.retry.random,
      }),
    );
  const stanceList = list('stances', STANCE_READ);
  const replica = new ListReplica(
    {
      initiatives: { list: initiativeList, feed: new DeltaFeed(client, initiativeList, INITIATIVE_READ) },
      stances: { list: stanceList, feed: new DeltaFeed(client, stanceList, STANCE_READ) },
    },
    options.queryModel,
    log,
  );
  await mapGraph('build the SharePoint replica', () =>
    replica.start(options.replicaPollMs ?? DEFAULT_REPLICA_POLL_MS),
  );
  const audit = new SharePointAuditLog(list('audit', RECORD_READ));
  const outbox = new SharePointOutbox(list('outbox', OUTBOX_READ), reportTo(log));
  const initiativeItems = new SharePointInitiatives(initiativeList, reportTo(log));
  const stanceItems = new SharePointStances(stanceList);
  const initiatives = replicatedInitiatives(initiativeItems, replica);
  const stances = replicatedStances(stanceItems, replica);
  const writeTogether = chainedWrites({
    client,
    initiatives: initiativeItems,
    stances: stanceItems,
    audit,
    outbox,
    noted: (saved) =>
      saved.kind === 'initiative'
        ? noteSaved(replica, 'initiatives', saved.initiative.id, saved.initiative)
        : noteSaved(
            replica,
            'stances',
            `${saved.stance.initiativeId}|${saved.stance.memberId}`,
            saved.stance,
          ),
  });
  let open = true;
  return {
    kind: 'sharepoint',
    requests: client.counter,
    initiatives,
    stances,
    queries: replica,
    syncReplica: () => mapGraph('sync the SharePoint replica', () => replica.sync()),
    replicaSize: () => replica.size(),
    audit,
    counters: new BlockCounter(
      new SharePointCounters(list('counters', COUNTER_READ), contention),
      options.referenceBlockSize ?? DEFAULT_REFERENCE_BLOCK,
    ),
    conversations: new SharePointConversations(list('conversations', RECORD_READ)),
    outbox,
    meetings: new SharePointMeetings(list('meetings', MEETING_READ)),
    paragraphs: new SharePointParagraphs(list('paragraphs', PARAGRAPH_READ), contention),
    documents: new SharePointDocuments(client, options.siteId, ids.documents),
    roles: new SharePointRoles(list('roles', ROLE_READ)),
    configuration: new SharePointConfiguration(
      list('configuration', CONFIGURATION_READ),
      list('configuration', ['ConfigKey']),
    ),
    importInitiatives: (items) => importInitiatives(client, initiativeList, items),
    writeTogether,
    // The audit events and notifications of one change go out in one $batch: one round trip on the
    // user's path instead of one per record. Anything the batch did not take is written on its own,
    // the way a single append or enqueue is (duplicates recognised by their write tokens).
    async recordTogether(events, notifications) {
      if (events.length + notifications.length === 0) return;
      const tokens = events.map(() => randomUUID());
      const requests = [
        ...events.map((e, i) => audit.createRequest(e, tokens[i]!, 'records.together')),
        ...notifications.map((n) => outbox.createRequest(n, 'records.together')),
      ];
      const answers = await mapGraph('record audit and notifications', () =>
        sendBatch(client, requests, { useCase: 'records.together' }),
      );
      for (const [i, answer] of answers.entries()) {
        // 409: a record with this id is already there — the same change written by an earlier try.
        if ((answer.status >= 200 && answer.status < 300) || answer.status === 409) continue;
        if (i < events.length) await audit.append(events[i]!, tokens[i]);
        else await outbox.enqueue(notifications[i - events.length]!);
      }
    },
    async readInitiativeWithStances(id) {
      return readInitiativeWithStances(
        client,
        { initiatives: initiativeList, stances: stanceList },
        id,
        async () => {
          const initiative = await initiatives.get(id);
          return { initiative, stances: initiative ? await stances.listFor(id) : [] };
        },
      );
    },
    async schemaVersion() {
      return `lists-${LIST_DESIGN_VERSION}`;
    },
    async ping() {
      if (!open) throw new UnavailableError('store is closed');
      await mapGraph('ping SharePoint', () =>
        client.send({ method: 'GET', url: `/sites/${options.siteId}?$select=id`, useCase: 'ping' }),
      );
    },
    async close() {
      open = false;
      replica.stop();
    },
  };
}
