import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, type Running } from '../../src/main';
import { APP_VERSION } from '../../src/version';
import pkg from '../../package.json';
import { MIGRATIONS } from '../../src/adapters/sqlite/migrations';

describe('GET /healthz and /readyz on a locally started app', () => {
  let running: Running;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'omtanke-health-'));
    running = await start({ PORT: '0', SQLITE_PATH: join(dir, 'db.sqlite'), LOG_LEVEL: 'error' });
  });
  afterAll(async () => {
    await running.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 200 with the store kind and schema version', async () => {
    const res = await fetch(`${running.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'ok',
      version: APP_VERSION,
      mode: 'local',
      store: { kind: 'sqlite', version: String(MIGRATIONS.length) },
    });
    expect(res.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('is ready while the store answers', async () => {
    const res = await fetch(`${running.url}/readyz`);
    expect(res.status).toBe(200);
  });

  it('keeps the reported version in step with package.json', () => {
    expect(APP_VERSION).toBe(pkg.version);
  });
});
