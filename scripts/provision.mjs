// `npm run provision -- --site <site url or id> [--dry-run]`: creates or updates the SharePoint
// lists the app stores its data in (see docs/sharepoint-lists.md). Runs under Node 24
// (scripts/node24.mjs). The provisioner is TypeScript in src/adapters/sharepoint; it is compiled on
// the fly with the project's own TypeScript (a require hook, one file at a time, no type check),
// so it needs nothing but `npm ci` and does not depend on the rest of the app building.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import './lib/ts-require.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
if (existsSync(join(root, '.env'))) process.loadEnvFile(join(root, '.env'));

const require = createRequire(import.meta.url);

const { runProvisionCli } = require(join(root, 'src/adapters/sharepoint/provision-cli.ts'));
const code = await runProvisionCli(process.argv.slice(2), process.env, {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
process.exit(code);
