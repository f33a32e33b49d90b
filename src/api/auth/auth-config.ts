import type { ClientAuth } from '../../contracts/client-config';
import type { Config } from '../../config';

/** The scope the tab asks for; Entra puts it in `scp` of a delegated token for our API. */
export const API_SCOPE = 'access_as_user';

/**
 * What the tab API accepts as a valid token. The same settings shape serves Entra in production and
 * the local issuer in local mode, so both go through one validation code path.
 */
export interface TokenSettings {
  /** OpenID Connect metadata; its `issuer` (with `{tenantid}`) and `jwks_uri` are used. */
  readonly metadataUrl: string;
  /** Accepted `aud` values: the app id (v2 tokens) and the Application ID URI (v1 tokens). */
  readonly audiences: readonly string[];
  /** Accepted `tid` values. */
  readonly allowedTenants: readonly string[];
  /** Extra issuer templates besides the metadata's (Entra v1 tokens come from sts.windows.net). */
  readonly extraIssuers: readonly string[];
  readonly requiredScope: string;
  /** Seconds of clock skew tolerated on exp/nbf. */
  readonly clockToleranceSec: number;
}

export type { ClientAuth } from '../../contracts/client-config';

/** The Application ID URI from the manifest: api://<tab domain>/<app id>. */
export function applicationIdUri(config: Config): string {
  return `api://${new URL(config.publicUrl).host}/${config.microsoft.appId}`;
}

/** Path of the local issuer's endpoints (local mode only). */
export const LOCAL_ISSUER_PATH = '/local-auth';

/** Token settings from the app configuration; `baseUrl` is where this server listens (local issuer). */
export function tokenSettings(config: Config, baseUrl: string): TokenSettings {
  const audiences = [config.microsoft.appId, applicationIdUri(config)];
  if (config.mode === 'local') {
    return {
      metadataUrl: `${baseUrl}/.well-known/openid-configuration`,
      audiences,
      allowedTenants: config.allowedTenants,
      extraIssuers: [],
      requiredScope: API_SCOPE,
      clockToleranceSec: 60,
    };
  }
  return {
    // Multi-tenant metadata: the issuer is templated with {tenantid}; tid is checked against the list.
    metadataUrl: `${config.graph.authorityHost}/common/v2.0/.well-known/openid-configuration`,
    audiences,
    allowedTenants: config.allowedTenants,
    extraIssuers: ['https://sts.windows.net/{tenantid}/'],
    requiredScope: API_SCOPE,
    clockToleranceSec: 120,
  };
}

/** What the tab needs to sign in, served before sign-in; holds no secrets. */
export function clientAuth(config: Config): ClientAuth {
  if (config.mode === 'local') return { kind: 'local', signInUrl: `${LOCAL_ISSUER_PATH}/sign-in` };
  return {
    kind: 'entra',
    clientId: config.microsoft.appId,
    authority: `${config.graph.authorityHost}/organizations`,
    scopes: [`${applicationIdUri(config)}/${API_SCOPE}`],
  };
}
