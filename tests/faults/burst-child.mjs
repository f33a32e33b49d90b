// A process running a burst of submissions and first approvals on a SQLite file, as the app's use
// cases do, printing "done <n>" after each. With --deliver it then runs the dispatcher until nothing
// is due, logging every card it sends to <log>. The restart test kills it with SIGKILL mid-burst.
import '../../scripts/lib/ts-require.mjs';
import { appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const [dbPath, count, log, mode] = process.argv.slice(2);
const { openSqliteStore } = require('../../src/adapters/sqlite/sqlite-store.ts');
const { submitInitiative } = require('../../src/app/use-cases/submit-initiative.ts');
const { setStance } = require('../../src/app/use-cases/set-stance.ts');
const { drainAll } = require('../../src/app/use-cases/commit.ts');
const { deliverDue } = require('../../src/bot/notification-dispatcher.ts');
const { catalogue } = require('../../src/domain/catalogue/catalogue.ts');
const { validForm } = require('../support/fixtures.ts');
const { DEFAULT_SETTINGS } = require('../../src/domain/settings/process-settings.ts');
const { LiveConfiguration } = require('../../src/app/configuration/live-configuration.ts');
const { randomUUID } = require('node:crypto');

const store = openSqliteStore(dbPath);
const roles = new Map([['member', ['rug_member']]]);
const silent = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };
const deps = {
  store,
  directory: {
    rolesOf: async (id) => roles.get(id) ?? [],
    rugMembers: async () => [{ objectId: 'member', name: 'Per Nilsson' }],
  },
  clock: { now: () => new Date() },
  ids: { newId: () => randomUUID() },
  catalogue,
  settings: DEFAULT_SETTINGS,
  configuration: LiveConfiguration.unsaved(
    store.configuration,
    { catalogue, settings: DEFAULT_SETTINGS },
    silent,
  ),
  log: silent,
};
const member = { objectId: 'member', tenantId: 't', name: 'Per Nilsson' };
const initiator = (n) => ({ objectId: `initiator-${n % 7}`, tenantId: 't', name: `Person ${n % 7}` });

for (let n = 0; n < Number(count); n++) {
  const { initiative } = await submitInitiative(deps, initiator(n), {
    form: validForm({ title: `Initiativ ${n}` }),
    clientKey: `burst-${n}`,
  });
  await setStance(deps, member, initiative.id, 'approve');
  process.stdout.write(`done ${n}\n`);
}

if (mode === '--deliver') {
  const ref = (key) => ({
    key,
    conversationId: key,
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    tenantId: 't',
    conversationType: key.startsWith('user:') ? 'personal' : 'channel',
    updatedAt: new Date().toISOString(),
  });
  await store.conversations.save(ref('channel:rug'));
  await store.conversations.save(ref('channel:beredning'));
  for (let n = 0; n < 7; n++) await store.conversations.save(ref(`user:initiator-${n}`));
  const sent = (kind) => (target, card) => {
    appendFileSync(
      log,
      `${JSON.stringify({ kind, to: target.conversationId, card: JSON.stringify(card).length })}\n`,
    );
    return { activityId: randomUUID() };
  };
  const gateway = {
    sendCard: async (r, c) => sent('send')(r, c),
    updateCard: async (r) => void sent('update')(r, {}),
  };
  const bc = { deps, linkFor: (r) => `https://example/${r}`, allowedTenants: ['t'] };
  await drainAll(deps);
  for (let pass = 0; pass < 1000; pass++) {
    const { sent: s, failed } = await deliverDue(bc, gateway, 100);
    if (s + failed === 0) break;
  }
  process.stdout.write('delivered\n');
}
await store.close();
