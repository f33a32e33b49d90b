import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { start, type Running } from '../../../src/main';
import DEV_ROLES from '../../../dev-roles.json';
import { FakeConnector } from '../../support/fake-connector';
import { freePort, launchChromium } from '../../support/playground';

const ROOT = join(__dirname, '..', '..', '..');

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

function fresh(): boolean {
  const index = join(ROOT, 'dist', 'tab', 'index.html');
  const sources = Math.max(newest(join(ROOT, 'src', 'tab')), newest(join(ROOT, 'src', 'domain')));
  return existsSync(index) && statSync(index).mtimeMs > sources;
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Builds dist/tab with scripts/build-tab.mjs unless it is newer than every tab source. Jest runs
 * test files in parallel workers, so the build holds a lock (a directory) and the others wait.
 */
export function ensureTabBuilt(): void {
  if (fresh()) return;
  const lock = join(ROOT, 'dist', '.tab-build.lock');
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than two minutes is left over from a killed run.
      if (
        waited > 120_000 ||
        Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 120_000
      )
        rmSync(lock, { recursive: true, force: true });
      sleep(200);
    }
  }
  try {
    if (fresh()) return;
    const res = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-tab.mjs')], { encoding: 'utf8' });
    if (res.status !== 0) throw new Error(`tab build failed: ${res.stderr}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface TabApp {
  readonly app: Running;
  readonly connector: FakeConnector;
  readonly url: string;
  readonly browser: Browser;
  /** A fresh browser context (own session storage) signed in as a mock user, on a tab page. */
  signIn(
    name: string,
    opts?: {
      path?: string;
      colorScheme?: 'light' | 'dark';
      forcedColors?: 'active' | 'none';
      width?: number;
      locale?: string;
    },
  ): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

/** The real app in local mode (dev roles, temporary SQLite, fake Teams connector) plus Chromium. */
export async function startTabApp(): Promise<TabApp> {
  ensureTabBuilt();
  const connector = await new FakeConnector().start();
  const dir = mkdtempSync(join(tmpdir(), 'omtanke-tab-'));
  const port = await freePort();
  const app = await start({
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    SQLITE_PATH: join(dir, 'db.sqlite'),
    LOG_LEVEL: 'error',
    OUTBOX_INTERVAL_MS: '0',
    REMINDER_INTERVAL_MS: '0',
    LOCAL_SERVICE_URL: connector.url,
    ...DEV_ROLES,
  });
  const browser = await launchChromium();
  const contexts: BrowserContext[] = [];
  return {
    app,
    connector,
    url: app.url,
    browser,
    async signIn(name, opts = {}) {
      const context = await browser.newContext({
        viewport: { width: opts.width ?? 1280, height: 900 },
        colorScheme: opts.colorScheme ?? 'light',
        forcedColors: opts.forcedColors ?? 'none',
        locale: opts.locale ?? 'sv-SE',
        acceptDownloads: true,
      });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(`${app.url}/tab/${opts.path ?? ''}`);
      await page.getByRole('button', { name: new RegExp(name) }).click();
      await page.waitForURL(/\/tab\//);
      return { context, page };
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await app.stop();
      await connector.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
