import type { SharePointStore } from '../../src/adapters/sharepoint/sharepoint-store';
import { openOnFake, provisionedSite } from '../adapters/sharepoint/sharepoint-test-kit';
import { type GraphFake, startGraphFake } from '../support/graph-fake/graph-fake';
import type { FakeSite } from '../support/graph-fake/fake-state';
import { describeQueryContract } from './query-contract';
import { describeStoreContract } from './store-contract';

let fake: GraphFake;
beforeAll(async () => {
  fake = await startGraphFake();
});
afterAll(async () => {
  await fake.close();
});

const sites = new WeakMap<object, FakeSite>();

// Every store gets a freshly provisioned site on the fake; a second handle shares the site, as a
// second instance of the app would.
describeStoreContract('SharePoint over the Graph fake', {
  open: async () => {
    const site = await provisionedSite(fake);
    const store = await openOnFake(fake, site);
    sites.set(store, site);
    return store;
  },
  openSecond: async (first) => openOnFake(fake, sites.get(first)!),
  // The adapter's own $batch import (20 creates per request, in order), not a back door into the fake.
  bulkCreate: async (store, items) => {
    const result = await (store as SharePointStore).importInitiatives(items);
    expect(result).toEqual({ created: items.length, existing: 0 });
  },
});

// The replica-backed query model; another instance catches up by one Graph delta round.
describeQueryContract('SharePoint replica over the Graph fake', {
  open: async () => {
    const site = await provisionedSite(fake);
    const store = await openOnFake(fake, site);
    sites.set(store, site);
    return store;
  },
  openSecond: async (first) => openOnFake(fake, sites.get(first)!),
  catchUp: (store) => (store as SharePointStore).syncReplica(),
});
