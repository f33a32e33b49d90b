// `npm run provision -- --site <site url or id> [--dry-run]`: creates or updates the SharePoint
// lists the app stores its data in (see docs/sharepoint-lists.md). Runs under Node 24
// (scripts/node24.mjs). The provisioner is TypeScript in src/adapters/sharepoint; it is compiled on
// the fly with the project's own TypeScript (a require hook, one file at a time, no type check),
// so it needs nothing but `npm ci` and does not depend on the rest of the app building.
import { existsSync, readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
if (existsSync(join(root, '.env'))) process.loadEnvFile(join(root, '.env'));

const require = createRequire(import.meta.url);
const ts = require('typescript');
Module._extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(readFileSync(filename, 'utf8'), {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2023,
      esModuleInterop: true,
    },
    fileName: filename,
  });
  module._compile(outputText, filename);
};

const { runProvisionCli } = require(join(root, 'src/adapters/sharepoint/provision-cli.ts'));
const code = await runProvisionCli(process.argv.slice(2), process.env, {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
process.exit(code);
