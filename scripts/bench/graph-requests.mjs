import { provisionedSite } from '../lib/bench-kit.mjs';
// Bench part: Microsoft Graph requests per user action on the SharePoint store, counted by the
// store's own request counter against the local Graph fake (real HTTP, real adapter). Prints, for a
// submission and a RUG vote, the requests on the critical path (before the user gets the answer)
// and what they are; the target for each store operation on those paths is one round trip.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import './../lib/ts-require.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const load = (file) => require(join(root, file));

export async function run() {
  const { startGraphFake } = load('tests/support/graph-fake/graph-fake.ts');
  const { fakeCredential } = load('tests/support/graph-fake/fake-credential.ts');
  const { openSharePointStore } = load('src/adapters/sharepoint/sharepoint-store.ts');
  const { openQueryProjection } = load('src/adapters/sqlite/query/sqlite-projection.ts');
  const { catalogue } = load('src/domain/catalogue/catalogue.ts');
  const { submitInitiative } = load('src/app/use-cases/submit-initiative.ts');
  const { setStance } = load('src/app/use-cases/set-stance.ts');

  const fake = await startGraphFake();
  try {
    const { site } = await provisionedSite(fake);
    const store = await openSharePointStore({
      siteId: site.id,
      graphBaseUrl: fake.graphUrl,
      credential: fakeCredential(fake),
      queryModel: () => openQueryProjection(),
      replicaPollMs: 0,
    });
    const member = { objectId: randomUUID(), tenantId: fake.tenantId, name: 'Karin Lund' };
    const deps = {
      store,
      directory: {
        rolesOf: async (id) => (id === member.objectId ? ['rug_member'] : []),
        rugMembers: async () => [member],
      },
      clock: { now: () => new Date() },
      ids: { newId: () => randomUUID() },
      catalogue,
      log: {
        debug() {},
        info() {},
        warn() {},
        error() {},
        child() {
          return this;
        },
      },
    };
    const anna = { objectId: randomUUID(), tenantId: fake.tenantId, name: 'Anna Andersson' };
    const form = {
      title: 'Trygg hemgång',
      background: 'Behov',
      description: 'Gör så här',
      expectedEffect: 'Färre återinläggningar',
      organisationIds: ['region-halland', 'varberg'],
      targetGroupIds: ['hemsjukvard'],
      goalWordIds: ['nara'],
      factorIds: [],
      statementIds: [],
      prerequisiteIds: [],
      agreementIds: [],
      anchoringManagerName: 'Bertil',
      anchoringConfirmed: true,
      resources: '',
      timePlan: 'Vår',
      followUpPlan: 'Månadsvis',
      contactName: 'Anna',
      contactEmail: 'anna@varberg.se',
      contactPhone: '',
    };
    const measure = async (action) => {
      store.requests.reset();
      await action();
      return { total: store.requests.total, by: store.requests.snapshot() };
    };
    const describe = (by) =>
      Object.entries(by)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ');
    const submit = await measure(() => submitInitiative(deps, anna, { form, clientKey: randomUUID() }));
    const [initiative] = (await store.initiatives.list({ by: 'initiator', value: anna.objectId })).items;
    const firstVote = await measure(() => setStance(deps, member, initiative.id, 'approve'));
    const changedVote = await measure(() => setStance(deps, member, initiative.id, 'decline', 'Ändrat mig'));
    const create = await measure(() =>
      store.initiatives.create({ ...initiative, id: randomUUID(), clientKey: randomUUID(), ref: null }),
    );
    const put = await measure(() =>
      store.stances.put(
        {
          initiativeId: randomUUID(),
          memberId: member.objectId,
          memberName: 'K',
          stance: 'approve',
          comment: '',
          at: new Date().toISOString(),
        },
        null,
      ),
    );
    const storeOpsOk = create.total === 1 && put.total === 1;
    return {
      name: 'Graph requests per user action (SharePoint store, local Graph fake)',
      ok: storeOpsOk,
      lines: [
        `store write of a submission (initiatives.create): ${create.total} request  (target 1)`,
        `store write of a vote (stances.put): ${put.total} request  (target 1)`,
        `submit use case, all requests: ${submit.total}  [${describe(submit.by)}]`,
        `first RUG approval (vote + skallkrav 4 status change), all requests: ${firstVote.total}  [${describe(firstVote.by)}]`,
        `changed vote, all requests: ${changedVote.total}  [${describe(changedVote.by)}]`,
        'Card updates and notifications are deferred to the outbox dispatcher and are not on these paths.',
      ],
    };
  } finally {
    await fake.close();
  }
}
