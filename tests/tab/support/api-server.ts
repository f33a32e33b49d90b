import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../../src/config';
import { mountTab, type MountedTab } from '../../../src/api/mount-tab';
import { createHttpApp } from '../../../src/server/http-app';
import type { Person } from '../../../src/domain/initiative/initiative.types';
import { silentLogger, testDeps, type TestDeps } from '../../support/app-deps';
import { USERS } from './seed';

export interface ApiServer {
  readonly url: string;
  readonly deps: TestDeps;
  readonly tab: MountedTab;
  /** A token from the local issuer for a person (claims can be overridden to test refusals). */
  token(who: Person, claims?: Record<string, unknown>): string;
  /** GET as a person; returns status, headers and parsed JSON (or text). */
  get(path: string, who?: Person | null): Promise<{ status: number; body: unknown; headers: Headers }>;
  close(): Promise<void>;
}

/** The tab API on the real HTTP stack, in local mode, on the SQLite store in memory. */
export async function startApiServer(env: Record<string, string> = {}): Promise<ApiServer> {
  const deps = testDeps();
  deps.directory.roles.set(USERS.karin.objectId, ['rug_member', 'rug_chair']);
  deps.directory.roles.set(USERS.per.objectId, ['rug_member']);
  deps.directory.roles.set(USERS.maria.objectId, ['rug_member']);
  deps.directory.roles.set(USERS.johan.objectId, ['rug_member', 'rug_secretary', 'admin']);
  deps.directory.roles.set(USERS.sara.objectId, ['beredning']);
  const config = loadConfig({ APP_MODE: 'local', PORT: '0', ...env });
  const http = createHttpApp(silentLogger);
  const tab = mountTab(http, deps, config);
  const server: Server = await new Promise((resolve) => {
    const s = http.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  tab.listening(url);
  const token = (who: Person, claims: Record<string, unknown> = {}) =>
    tab.localIssuer!.issue({ objectId: who.objectId, name: who.name, email: who.email ?? '' }, claims);
  return {
    url,
    deps,
    tab,
    token,
    async get(path, who = USERS.anna) {
      const res = await fetch(`${url}${path}`, {
        headers: who ? { authorization: `Bearer ${token(who)}` } : {},
      });
      const type = res.headers.get('content-type') ?? '';
      const body = type.includes('json')
        ? await res.json()
        : type.startsWith('text')
          ? await res.text()
          : await res.arrayBuffer();
      return { status: res.status, body, headers: res.headers };
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await deps.store.close();
    },
  };
}
