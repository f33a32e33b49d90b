#!/usr/bin/env node
// Runs a script under Node 24 LTS, whatever Node started npm.
// The project targets Node 24 (node:sqlite, current TLS/fetch); fresh machines often have an
// older system Node, so the first run fetches node@24 from the npm registry into a git-ignored
// folder (.node24/) and every later run re-uses it. Plain JS on purpose: this file must run on
// old Node versions too.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const WANTED_MAJOR = 24;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = process.env.NODE24_DIR ? resolve(process.env.NODE24_DIR) : join(root, '.node24');
const localNode = join(dir, 'node_modules', '.bin', process.platform === 'win32' ? 'node.cmd' : 'node');

function major(nodePath) {
  const out = spawnSync(nodePath, ['-p', 'process.versions.node'], { encoding: 'utf8' });
  return out.status === 0 ? Number(out.stdout.trim().split('.')[0]) : 0;
}

function findNode() {
  if (Number(process.versions.node.split('.')[0]) === WANTED_MAJOR) return process.execPath;
  if (existsSync(localNode) && major(localNode) === WANTED_MAJOR) return localNode;
  process.stderr.write(
    `[node24] Node ${process.versions.node} is running; this project needs Node ${WANTED_MAJOR}.\n` +
      `[node24] Fetching node@${WANTED_MAJOR} from the npm registry into ${dir} (once)…\n`,
  );
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const res = spawnSync(
    npm,
    [
      'install',
      '--prefix',
      dir,
      '--no-save',
      '--no-package-lock',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      `node@${WANTED_MAJOR}`,
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (res.status !== 0 || !existsSync(localNode) || major(localNode) !== WANTED_MAJOR) {
    process.stderr.write(
      `[node24] Could not install node@${WANTED_MAJOR}. Install Node ${WANTED_MAJOR} yourself and re-run.\n`,
    );
    process.exit(1);
  }
  process.stderr.write(`[node24] Node ${WANTED_MAJOR} ready.\n`);
  return localNode;
}

const [script, ...args] = process.argv.slice(2);
if (!script) {
  process.stderr.write('usage: node scripts/node24.mjs <script> [args…]\n');
  process.exit(2);
}
const node = findNode();
const child = spawn(node, [resolve(root, script), ...args], { stdio: 'inherit', cwd: process.cwd() });
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
