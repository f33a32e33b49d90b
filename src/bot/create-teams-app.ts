import type { Express } from 'express';
import { ClientCertificateCredential } from '@azure/identity';
import { PUBLIC, withOverrides } from '@microsoft/teams.api';
import { App, ExpressAdapter } from '@microsoft/teams.apps';
import type { ILogger } from '@microsoft/teams.common';
import type { Logger } from '../app/ports/system.port';
import type { Config } from '../config';

/** A JWT-shaped placeholder for local mode: the local client (Agents Playground) does not check it. */
function localToken(appId: string): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ aud: appId, iss: 'omtanke-local', ver: '1.0' })}.${part({ local: true })}`;
}

/**
 * Routes the SDK's log lines into our JSON log. Only plain strings are kept: the SDK's debug lines
 * carry whole activities, which may hold free text typed by users.
 */
function sdkLogger(log: Logger): ILogger {
  const strings = (msg: unknown[]) =>
    msg
      .map((m) => (typeof m === 'string' ? m : m instanceof Error ? `${m.name}: ${m.message}` : ''))
      .filter(Boolean)
      .join(' ');
  const logger: ILogger = {
    debug: () => undefined,
    trace: () => undefined,
    info: (...m: unknown[]) => log.info(strings(m), { source: 'teams-sdk' }),
    warn: (...m: unknown[]) => log.warn(strings(m), { source: 'teams-sdk' }),
    error: (...m: unknown[]) => log.error(strings(m), { source: 'teams-sdk' }),
    log: (level, ...m: unknown[]) => {
      if (level === 'error' || level === 'warn' || level === 'info') logger[level](...m);
    },
    child: () => logger,
  };
  return logger;
}

/**
 * Creates the Teams SDK app on our Express server. Production: Bot Framework JWTs are checked by our
 * guard (src/bot/bot-endpoint-guard.ts, mounted in main.ts before this route) and again by the SDK.
 * Local mode: no credentials exist, so unauthenticated requests are allowed — and only from
 * loopback (src/server/local-only.ts).
 */
export function createTeamsApp(config: Config, http: Express, log: Logger): App {
  const adapter = new ExpressAdapter(http);
  const logger = sdkLogger(log);
  if (config.mode === 'local') {
    // Local mode: every surface is behind localOnly (src/server/local-only.ts, mounted in main.ts).
    const token = localToken(config.microsoft.appId);
    return new App({
      clientId: config.microsoft.appId,
      token: () => token,
      serviceUrl: config.localServiceUrl,
      dangerouslyAllowUnauthenticatedRequests: true,
      httpServerAdapter: adapter,
      logger,
    });
  }
  const m = config.microsoft;
  return new App({
    clientId: m.appId,
    tenantId: m.tenantId,
    ...(m.appPassword ? { clientSecret: m.appPassword } : {}),
    ...(m.useManagedIdentity ? { managedIdentityClientId: m.appId } : {}),
    ...(m.certificatePath && !m.appPassword
      ? { token: certificateToken(m.tenantId, m.appId, m.certificatePath) }
      : {}),
    dangerouslyAllowUnauthenticatedRequests: false,
    // The SDK's own validation uses the same Bot Framework metadata as our guard in front of it.
    cloud: withOverrides(PUBLIC, {
      loginEndpoint: config.graph.authorityHost,
      openIdMetadataUrl: config.botFramework.openIdMetadataUrl,
      tokenIssuer: config.botFramework.tokenIssuer,
    }),
    httpServerAdapter: adapter,
    logger,
  });
}

/** Bot Framework tokens from a certificate credential (the SDK itself takes secrets or managed identity). */
function certificateToken(tenantId: string, appId: string, certificatePath: string) {
  const credential = new ClientCertificateCredential(tenantId, appId, { certificatePath });
  return async (scope: string | string[]) => {
    const token = await credential.getToken(scope);
    return token.token;
  };
}
