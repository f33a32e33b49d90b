// `npm run dev`: the app in local mode on the embedded store plus Microsoft 365 Agents Playground
// (a local Teams client) pointed at it. Runs under Node 24 (scripts/node24.mjs).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
if (existsSync(join(root, '.env'))) process.loadEnvFile(join(root, '.env'));
const port = process.env.PORT ?? '3978';
const playgroundPort = process.env.PLAYGROUND_PORT ?? '56150';
// Roles of the Playground's mock users (see .m365agentsplayground.yml).
const roles = JSON.parse(readFileSync(join(root, 'dev-roles.json'), 'utf8'));
for (const [k, v] of Object.entries(roles)) process.env[k] ??= v;
process.env.APP_MODE = 'local';
process.env.LOCAL_SERVICE_URL ??= `http://127.0.0.1:${playgroundPort}/_connector`;

process.stderr.write('[dev] building…\n');
const tsc = spawnSync(
  process.execPath,
  [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
  { stdio: 'inherit' },
);
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
// The tab (React + Fluent UI) is bundled with esbuild into dist/tab/, served by the same server.
const tab = spawnSync(process.execPath, [join(root, 'scripts/build-tab.mjs')], { stdio: 'inherit' });
if (tab.status !== 0) process.exit(tab.status ?? 1);

const { start } = createRequire(import.meta.url)(join(root, 'dist/main.js'));
const app = await start(process.env);

const playground = spawn(
  process.execPath,
  [
    join(root, 'node_modules/@microsoft/m365agentsplayground/cli.js'),
    '-p',
    playgroundPort,
    '-c',
    'msteams',
    '--dt',
  ],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env,
      BOT_ENDPOINT: `http://127.0.0.1:${port}/api/messages`,
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: join(root, '.m365agentsplayground.yml'),
      M365_AGENTS_PLAYGROUND_LOGFILE: join(root, 'data', 'playground.log'),
      // Without a desktop there is no browser to open; open the URL below yourself.
      ...(process.env.DISPLAY || process.platform !== 'linux' ? {} : { TEAMSAPPTESTER_BROWSER: 'none' }),
    },
  },
);
// The Playground picks another port if its own is taken; tell the user where it really is.
let announced = false;
playground.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  const m = /Listening on (\d+)/.exec(String(chunk));
  if (m && !announced) {
    announced = true;
    process.stderr.write(
      `\n[dev] Omtanke Halland: ${app.url}\n[dev] Agents Playground (open this): http://localhost:${m[1]}/\n\n`,
    );
  }
});

const stop = async () => {
  playground.kill('SIGTERM');
  await app.stop();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
playground.on('exit', (code) => {
  process.stderr.write(`[dev] Agents Playground exited (${code}); stopping.\n`);
  void app.stop().then(() => process.exit(code ?? 0));
});
