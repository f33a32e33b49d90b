// Runs the Graph fake on its own, so the whole app can run against it:
//
//   node scripts/node24.mjs tests/support/graph-fake/start.mjs [--port 5055] [--http]
//
// It prints the settings to use with `npm run provision` and `STORE=sharepoint npm start`. The
// fake is TypeScript; this launcher compiles it on the fly with the project's own TypeScript
// (a require hook), so it needs nothing but `npm ci`. State lives in memory until you stop it.
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import '../../../scripts/lib/ts-require.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};
const https = !args.includes('--http');
const { startGraphFake } = require('./graph-fake.ts');
const fake = await startGraphFake({ port: Number(option('--port', '5055')), tls: https });
const site = fake.createSite({
  path: '/sites/omtanke',
  id: 'fake.sharepoint.local,00000000-0000-4000-8000-000000000001,00000000-0000-4000-8000-000000000002',
  role: 'manage',
});
const cert = relative(process.cwd(), join(here, 'localhost-cert.pem'));
process.stdout.write(`Graph fake on ${fake.origin} (Graph ${fake.graphUrl}, Entra ${fake.authorityHost})
Site ${site.webUrl}, empty until provisioned.
${https ? `\nIn the shell (Node reads it only at start, so not from .env):\n  export NODE_EXTRA_CA_CERTS=${cert}\n` : ''}
Settings (environment or .env):
STORE=sharepoint
GRAPH_BASE_URL=${fake.graphUrl}
AUTHORITY_HOST=${fake.authorityHost}
MICROSOFT_APP_TENANT_ID=${fake.tenantId}
MICROSOFT_APP_ID=${fake.clientId}
MICROSOFT_APP_PASSWORD=${fake.clientSecret}
SHAREPOINT_SITE_ID=${site.id}

then: npm run provision -- --site ${site.webUrl}
and:  npm start
Faults: POST ${fake.origin}/_fake/faults {"rate":0.2,"retryAfter":"1"}; stats: GET ${fake.origin}/_fake/stats
${https ? '' : 'Plain http: @azure/identity refuses an http authority, so only a plain TokenCredential works.\n'}`);
for (const signal of ['SIGINT', 'SIGTERM'])
  process.once(signal, () => fake.close().then(() => process.exit(0)));
