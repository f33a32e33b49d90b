// `npm start`: builds the server (incrementally) and runs it. Runs under Node 24 (scripts/node24.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
if (existsSync(join(root, '.env'))) process.loadEnvFile(join(root, '.env'));

process.stderr.write('[start] building…\n');
const tsc = spawnSync(
  process.execPath,
  [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
  {
    stdio: 'inherit',
  },
);
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
// The tab (React + Fluent UI) is bundled with esbuild into dist/tab/, served by the same server.
const tab = spawnSync(process.execPath, [join(root, 'scripts/build-tab.mjs')], { stdio: 'inherit' });
if (tab.status !== 0) process.exit(tab.status ?? 1);

createRequire(import.meta.url)(join(root, 'dist/main.js')).runFromCli();
