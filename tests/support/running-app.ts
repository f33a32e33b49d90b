import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, type Running } from '../../src/main';
import { FakeConnector } from './fake-connector';
import { TENANT } from './teams-activities';

export interface TestApp {
  readonly app: Running;
  readonly connector: FakeConnector;
  /** The SQLite file it runs on (unless `env` named another): a second instance can share it. */
  readonly sqlitePath: string;
  /** POSTs an activity to the bot endpoint as the Teams service would; returns status and JSON body. */
  post(activity: object): Promise<{ status: number; body: Record<string, unknown> }>;
  close(): Promise<void>;
}

/** Starts the real app in local mode on a temporary SQLite file, with a fake connector on loopback. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const connector = await new FakeConnector().start();
  const dir = mkdtempSync(join(tmpdir(), 'omtanke-bot-'));
  const app = await start({
    PORT: '0',
    SQLITE_PATH: join(dir, 'db.sqlite'),
    LOG_LEVEL: 'error',
    OUTBOX_INTERVAL_MS: '0',
    MICROSOFT_APP_TENANT_ID: TENANT,
    LOCAL_SERVICE_URL: connector.url,
    ...env,
  });
  return {
    app,
    connector,
    sqlitePath: env.SQLITE_PATH ?? join(dir, 'db.sqlite'),
    async post(activity) {
      const res = await fetch(`${app.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      const text = await res.text();
      return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
    },
    async close() {
      await app.stop();
      await connector.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
