// What the bench parts share: loading the project's TypeScript, a logger that says nothing, and a
// provisioned site on the Graph fake.
import './ts-require.mjs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

/** Requires a project file (TypeScript is transpiled on load). */
export const load = (file) => require(join(root, file));

/** A logger that drops everything: figures, not log lines, are the bench's output. */
export const quiet = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child() {
    return quiet;
  },
};

/** A new site on the Graph fake with every list provisioned; answers the site and a Graph client. */
export async function provisionedSite(fake) {
  const { fakeCredential } = load('tests/support/graph-fake/fake-credential.ts');
  const { createGraphClient } = load('src/adapters/sharepoint/http/graph-client.ts');
  const { applyPlan, planProvisioning } = load('src/adapters/sharepoint/provision.ts');
  const site = fake.createSite({ role: 'manage' });
  const client = createGraphClient({ baseUrl: fake.graphUrl, credential: fakeCredential(fake) });
  await applyPlan(client, await planProvisioning(client, site.id), () => {});
  return { site, client };
}
