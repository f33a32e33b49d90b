/** Shared set-up for tests of the SharePoint store against the Graph fake. */
import { createGraphClient, type GraphClient } from '../../../src/adapters/sharepoint/http/graph-client';
import type { RetryPolicy } from '../../../src/adapters/sharepoint/http/retry-policy';
import { applyPlan, planProvisioning } from '../../../src/adapters/sharepoint/provision';
import {
  openSharePointStore,
  type SharePointStore,
  type SharePointStoreOptions,
} from '../../../src/adapters/sharepoint/sharepoint-store';
import { openQueryProjection } from '../../../src/adapters/sqlite/query/sqlite-projection';
import { fakeCredential } from '../../support/graph-fake/fake-credential';
import type { GraphFake } from '../../support/graph-fake/graph-fake';
import type { FakeSite } from '../../support/graph-fake/fake-state';

/** Retries without waiting, so fault tests stay fast; the policy's rules are unit-tested on their own. */
export const NO_WAIT: Partial<RetryPolicy> = {
  baseDelayMs: 0,
  maxDelayMs: 0,
  jitter: 0,
  sleep: async () => {},
};

export function fakeClient(fake: GraphFake, retry: Partial<RetryPolicy> = NO_WAIT): GraphClient {
  return createGraphClient({ baseUrl: fake.graphUrl, credential: fakeCredential(fake), retry });
}

/**
 * A new site, provisioned with a `manage` grant and then left with `write` only: the store must
 * run on the least privilege the docs ask for.
 */
export async function provisionedSite(fake: GraphFake): Promise<FakeSite> {
  const site = fake.createSite({ role: 'manage' });
  const client = fakeClient(fake);
  await applyPlan(client, await planProvisioning(client, site.id), () => {});
  site.role = 'write';
  return site;
}

export function openOnFake(
  fake: GraphFake,
  site: FakeSite,
  extra: Partial<Omit<SharePointStoreOptions, 'queryModel'>> = {},
): Promise<SharePointStore> {
  return openSharePointStore({
    siteId: site.id,
    graphBaseUrl: fake.graphUrl,
    credential: fakeCredential(fake),
    retry: NO_WAIT,
    timeoutMs: 5000,
    queryModel: () => openQueryProjection(),
    replicaPollMs: 0,
    ...extra,
  });
}
