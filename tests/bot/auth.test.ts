import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start } from '../../src/main';
import { messageActivity, teamsUser } from '../support/teams-activities';

describe('who may call the bot endpoint', () => {
  it('refuses activities without a Bot Framework token in production mode', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'omtanke-auth-'));
    const app = await start({
      APP_MODE: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      STORE: 'sqlite',
      SQLITE_PATH: join(dir, 'db.sqlite'),
      LOG_LEVEL: 'error',
      OUTBOX_INTERVAL_MS: '0',
      REMINDER_INTERVAL_MS: '0',
      PUBLIC_URL: 'https://omtanke.example.se',
      MICROSOFT_APP_ID: '8f6a2c1e-0b1d-4c55-9e1a-2b3c4d5e6f70',
      MICROSOFT_APP_TENANT_ID: '3c2b1a00-1111-4222-8333-444455556666',
      MICROSOFT_APP_PASSWORD: 'not-a-real-secret-used-only-offline',
      ALLOWED_TENANTS: '3c2b1a00-1111-4222-8333-444455556666',
    });
    try {
      const activity = messageActivity(teamsUser('Anna Andersson', 1), 'hjälp', 'http://127.0.0.1:1/');
      const res = await fetch(`${app.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      expect(res.status).toBe(401);
      expect(await app.deps.store.conversations.get(`user:${activity.from.aadObjectId}`)).toBeNull();
    } finally {
      await app.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
