/**
 * Composition root: the only module that picks adapters. Reads config, opens the store, mounts the
 * surfaces on one Express server and shuts down gracefully.
 */
import type { Server } from 'node:http';
import { healthRoutes } from './api/health.routes';
import type { Store } from './app/ports/store.port';
import { ConfigError, loadConfig, type Config } from './config';
import { openSqliteStore } from './adapters/sqlite/sqlite-store';
import { createHttpApp } from './server/http-app';
import { jsonLogger } from './server/logger';
import { APP_VERSION } from './version';

function openStore(config: Config): Store {
  switch (config.store) {
    case 'sqlite':
      return openSqliteStore(config.sqlitePath);
    case 'sharepoint':
      throw new ConfigError(['STORE=sharepoint is not available in this build yet; use STORE=sqlite']);
  }
}

export interface Running {
  readonly server: Server;
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts the whole app; used by `npm start` and by end-to-end tests. */
export async function start(
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<Running> {
  const config = loadConfig(env);
  const log = jsonLogger(config.logLevel, { app: 'omtanke-halland' });
  const store = openStore(config);
  const app = createHttpApp(log);
  app.use(healthRoutes(store, { appVersion: APP_VERSION, mode: config.mode }));

  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  log.info('started', { url, mode: config.mode, store: config.store, version: APP_VERSION });

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      log.info('stopping');
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
      log.info('stopped');
    })());
  return { server, url, stop };
}

/** Runs the app as a process: starts, logs config errors plainly, stops on SIGINT/SIGTERM. */
export function runFromCli(): void {
  start().then(
    (running) => {
      for (const sig of ['SIGINT', 'SIGTERM'] as const) {
        process.once(sig, () => {
          running.stop().then(() => process.exit(0));
        });
      }
    },
    (err: unknown) => {
      if (err instanceof ConfigError) process.stderr.write(`${err.message}\n`);
      else process.stderr.write(`Failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
      process.exit(1);
    },
  );
}

if (require.main === module) runFromCli();
