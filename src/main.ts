/**
 * Composition root: the only module that picks adapters. Reads config, opens the store, mounts the
 * bot and the HTTP surfaces on one Express server, runs the outbox dispatcher, shuts down gracefully.
 */
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { healthRoutes } from './api/health.routes';
import { mountTab } from './api/mount-tab';
import type { AppDeps } from './app/deps';
import type { Store } from './app/ports/store.port';
import type { Logger } from './app/ports/system.port';
import type { BotContext } from './bot/bot-context';
import { createTeamsApp } from './bot/create-teams-app';
import { CoalescingGateway } from './bot/card-update-coalescer';
import { deliverDue } from './bot/notification-dispatcher';
import { registerBot } from './bot/register-bot';
import { ConfigError, loadConfig, type Config } from './config';
import { catalogue } from './domain/catalogue/catalogue';
import { LiveConfiguration } from './app/configuration/live-configuration';
import { ensureConfigurationRecorded } from './app/use-cases/manage-configuration';
import { ensureRoleRecords } from './app/use-cases/manage-roles';
import { openSqliteStore } from './adapters/sqlite/sqlite-store';
import { openSharePointStore } from './adapters/sharepoint/sharepoint-store';
import { openQueryProjection } from './adapters/sqlite/query/sqlite-projection';
import { RosterDirectory } from './adapters/teams/roster-directory';
import { StoredRolesDirectory } from './app/directory/stored-roles-directory';
import { TeamsGateway } from './adapters/teams/teams-gateway';
import { drainAll } from './app/use-cases/commit';
import { drainPendingMeetings } from './app/use-cases/meetings/meeting-support';
import { queueReminders } from './app/use-cases/reminders';
import { botEndpointGuard } from './bot/bot-endpoint-guard';
import { botFrameworkTokenCheck } from './server/auth/bot-framework-token';
import { createHttpApp } from './server/http-app';
import { errorProblems, notFound } from './server/http-problems';
import { localServiceUrls, productionServiceUrls } from './server/service-url-policy';
import { localOnly } from './server/local-only';
import { jsonLogger } from './server/logger';
import { tabLinkBuilder, meetingLinkBuilder } from './server/links';
import { APP_VERSION } from './version';

async function openStore(config: Config, log: Logger): Promise<Store> {
  switch (config.store) {
    case 'sqlite':
      return openSqliteStore(config.sqlitePath, { log });
    case 'sharepoint':
      // Resolves the provisioned lists once and fails fast if the site is not provisioned.
      return openSharePointStore({
        siteId: config.graph.siteId,
        graphBaseUrl: config.graph.baseUrl,
        authorityHost: config.graph.authorityHost,
        tenantId: config.microsoft.tenantId,
        clientId: config.microsoft.appId,
        clientSecret: config.microsoft.appPassword,
        certificatePath: config.microsoft.certificatePath,
        useManagedIdentity: config.microsoft.useManagedIdentity,
        logger: log,
        // Lists, search and counts are answered from an in-memory copy kept current by Graph delta.
        queryModel: () => openQueryProjection(),
      });
  }
}

export interface Running {
  readonly server: Server;
  readonly url: string;
  readonly deps: AppDeps;
  /** Delivers due notifications now (the timer does this every OUTBOX_INTERVAL_MS). */
  flushOutbox(): Promise<{ sent: number; failed: number }>;
  stop(): Promise<void>;
}

/** Starts the whole app; used by `npm start` and by end-to-end tests. */
export async function start(
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<Running> {
  const config = loadConfig(env);
  const log = jsonLogger(config.logLevel, { app: 'omtanke-halland' });
  const store = await openStore(config, log);
  const http = createHttpApp(log);
  if (config.mode === 'local') http.use(localOnly);
  http.use(healthRoutes(store, { appVersion: APP_VERSION, mode: config.mode }));
  const serviceUrlAllowed =
    config.mode === 'local'
      ? localServiceUrls(config.localServiceUrl)
      : productionServiceUrls(config.serviceUrlHosts);
  // Registered before the SDK registers its own route (at initialize), so it runs first.
  http.post(
    '/api/messages',
    ...botEndpointGuard({
      tokens:
        config.mode === 'local'
          ? null
          : botFrameworkTokenCheck({
              appId: config.microsoft.appId,
              issuer: config.botFramework.tokenIssuer,
              metadataUrl: config.botFramework.openIdMetadataUrl,
            }),
      serviceUrlAllowed,
      log,
    }),
  );
  const teams = createTeamsApp(config, http, log);
  const clock = { now: () => new Date() };
  // The catalogue and the settings live in the store; today's catalogue and configuration seed
  // revision 1 on a store that has none.
  const configuration = await LiveConfiguration.open(
    store.configuration,
    {
      catalogue,
      settings: {
        reminderAfterDays: config.reminders.reviewAfterDays,
        digestWeekday: config.reminders.digestWeekday,
        referencePrefix: 'OH',
      },
    },
    log,
  );
  const deps: AppDeps = {
    store,
    // Channel rosters and bootstrap admins, plus the roles granted in the app (read per roster TTL).
    directory: new StoredRolesDirectory(
      new RosterDirectory(
        teams,
        store.conversations,
        clock,
        {
          ...config.roles,
          ttlMs: config.rosterTtlMs,
          allowedTenants: config.allowedTenants,
          serviceUrlAllowed,
        },
        log,
      ),
      store.roles,
      clock,
      config.rosterTtlMs,
      log,
    ),
    clock,
    ids: { newId: () => randomUUID() },
    get catalogue() {
      return configuration.catalogue;
    },
    get settings() {
      return configuration.settings;
    },
    configuration,
    log,
  };

  // Card updates coalesce: at most one per posted card per second, ending on the latest state.
  const gateway = new CoalescingGateway(new TeamsGateway(teams, serviceUrlAllowed));
  let flushing: Promise<{ sent: number; failed: number }> | null = null;
  // A dispatcher pass first writes out records that a fault left pending in an initiative or a
  // meeting, then delivers what is due.
  const flushOutbox = () =>
    (flushing ??= drainAll(deps)
      .then(() => drainPendingMeetings(deps))
      .then(() => ensureConfigurationRecorded(deps))
      .then(() => ensureRoleRecords(deps))
      .catch((err: unknown) => {
        log.warn('pending records could not be swept; the next pass tries again', { err });
        return 0;
      })
      .then(() => deliverDue(bot, gateway))
      .catch((err: unknown) => {
        log.error('outbox dispatch failed', { err });
        return { sent: 0, failed: 0 };
      })
      .finally(() => {
        flushing = null;
      }));
  const kick = () => {
    if (config.outboxIntervalMs > 0) setTimeout(() => void flushOutbox(), 50).unref();
  };
  const bot: BotContext = {
    deps,
    linkFor: tabLinkBuilder(config),
    meetingLinkFor: meetingLinkBuilder(config),
    allowedTenants: config.allowedTenants,
    serviceUrlAllowed,
    kick,
  };
  registerBot(teams, bot);
  const tab = mountTab(http, deps, config, { onWrite: kick });
  await teams.initialize();
  void deps.directory.refreshAhead?.();
  // Last: unknown routes and errors answer problem+json, and nothing prints a request body.
  http.use(notFound);
  http.use(errorProblems(log));
  const timers = [
    config.outboxIntervalMs > 0 ? setInterval(() => void flushOutbox(), config.outboxIntervalMs) : null,
    // Rosters and granted roles are read ahead, so no turn pays for them (and a change counts here
    // within half the TTL, plus one read).
    config.rosterTtlMs > 0
      ? setInterval(() => void deps.directory.refreshAhead?.(), Math.max(1000, config.rosterTtlMs / 2))
      : null,
    // What other instances saved of the catalogue and the settings takes effect here within this time.
    config.rosterTtlMs > 0
      ? setInterval(() => void configuration.refresh(), Math.max(1000, config.rosterTtlMs))
      : null,
    config.reminders.intervalMs > 0
      ? setInterval(
          () =>
            void queueReminders(deps, {
              reviewAfterDays: deps.settings.reminderAfterDays,
              digestWeekday: deps.settings.digestWeekday,
            }).then(kick, (err: unknown) => log.error('reminder job failed', { err })),
          config.reminders.intervalMs,
        )
      : null,
  ];
  for (const timer of timers) timer?.unref();

  const server = await new Promise<Server>((resolve, reject) => {
    const s = http.listen(config.port, config.host, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  tab.listening(url);
  log.info('started', { url, mode: config.mode, store: config.store, version: APP_VERSION });

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      log.info('stopping');
      for (const timer of timers) if (timer) clearInterval(timer);
      // Stop taking requests, let in-flight ones finish, then flush what they queued.
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (flushing) await flushing;
      if (config.outboxIntervalMs > 0) await flushOutbox();
      await store.close();
      log.info('stopped');
    })());
  return { server, url, deps, flushOutbox, stop };
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
