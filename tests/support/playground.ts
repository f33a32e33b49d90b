import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { start, type Running } from '../../src/main';

const ROOT = join(__dirname, '..', '..');
export const ARTIFACTS = join(ROOT, 'test-artifacts');

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface Playground {
  readonly url: string;
  readonly connectorUrl: string;
  stop(): Promise<void>;
}

/** Starts Microsoft 365 Agents Playground (the local Teams client) against a bot endpoint. */
export async function startPlayground(botEndpoint: string, port: number): Promise<Playground> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      join(ROOT, 'node_modules/@microsoft/m365agentsplayground/cli.js'),
      '-p',
      String(port),
      '-c',
      'msteams',
      '--dt',
    ],
    {
      env: {
        ...process.env,
        BOT_ENDPOINT: botEndpoint,
        TEAMSAPPTESTER_BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: join(ROOT, '.m365agentsplayground.yml'),
        M365_AGENTS_PLAYGROUND_LOGFILE: join(ARTIFACTS, `playground-${port}.log`),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  mkdirSync(ARTIFACTS, { recursive: true });
  const actualPort = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Agents Playground did not start within 60 s')), 60_000);
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Listening on (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once('exit', (code) => reject(new Error(`Agents Playground exited (${code}): ${out}`)));
  });
  return {
    url: `http://localhost:${actualPort}/`,
    connectorUrl: `http://localhost:${actualPort}/_connector`,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Debian's Chromium, headless, with the flags this machine needs (no background networking). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface LocalStack {
  readonly app: Running;
  readonly playground: Playground;
  readonly browser: Browser;
  readonly page: Page;
  close(): Promise<void>;
}

/** The app in local mode (roles of the Playground's mock users), Agents Playground, and a Chromium page. */
export async function startLocalStack(roles: Record<string, string>): Promise<LocalStack> {
  const [appPort, pgPort] = [await freePort(), await freePort()];
  mkdirSync(ARTIFACTS, { recursive: true });
  const app = await start({
    PORT: String(appPort),
    SQLITE_PATH: join(ARTIFACTS, `e2e-${appPort}.sqlite`),
    LOG_LEVEL: 'error',
    OUTBOX_INTERVAL_MS: '0',
    REMINDER_INTERVAL_MS: '0',
    LOCAL_SERVICE_URL: `http://localhost:${pgPort}/_connector`,
    ...roles,
  });
  const playground = await startPlayground(`${app.url}/api/messages`, pgPort);
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  return {
    app,
    playground,
    browser,
    page,
    async close() {
      await browser.close();
      await playground.stop();
      await app.stop();
    },
  };
}
