import type { Express } from 'express';
import type { AppDeps } from '../app/deps';
import type { Config } from '../config';
import { apiRoutes } from './api.routes';
import { clientAuth, tokenSettings } from './auth/auth-config';
import { LocalIssuer } from './auth/local-issuer';
import { loadMockUsers } from './auth/mock-users';
import { createTokenValidator, type TokenValidator } from './auth/token-validator';
import { tabRoutes } from './tab.routes';

export interface MountedTab {
  readonly validator: TokenValidator;
  /** Local mode only: the dev issuer (tests use it to sign in as a mock user). */
  readonly localIssuer: LocalIssuer | null;
  /** Tells the tab surfaces where the server listens (the local issuer's URLs need it). */
  listening(url: string): void;
}

/**
 * Mounts the tab, its API and (local mode) the dev sign-in issuer on the app's HTTP server. Tokens
 * are validated the same way in both modes; only the issuer the settings point at differs.
 */
export function mountTab(
  http: Express,
  deps: AppDeps,
  config: Config,
  opts: { readonly onWrite?: () => void; readonly tabDir?: string } = {},
): MountedTab {
  let baseUrl = config.publicUrl;
  const settings = () => tokenSettings(config, baseUrl);
  const validator = createTokenValidator(settings);
  const localIssuer =
    config.mode === 'local'
      ? new LocalIssuer({
          tenantId: config.microsoft.tenantId,
          audience: config.microsoft.appId,
          users: loadMockUsers(),
          directory: deps.directory,
          baseUrl: () => baseUrl,
        })
      : null;
  if (localIssuer) http.use(localIssuer.routes());
  http.use(
    apiRoutes(deps, validator, {
      mode: config.mode,
      clientAuth: clientAuth(config),
      onWrite: opts.onWrite ?? (() => undefined),
    }),
  );
  http.use(tabRoutes(opts.tabDir));
  return {
    validator,
    localIssuer,
    listening(url) {
      baseUrl = url;
    },
  };
}
