import type { Person } from '../../domain/initiative/initiative.types';
import { defaultFetchJson, KeySet, type FetchJson } from '../../server/auth/key-set';
import { TenantNotAllowedError, TokenRejectedError } from '../../server/auth/token-rejected';
import { verifyRs256 } from '../../server/auth/verify-rs256';
import type { TokenSettings } from './auth-config';

export { TenantNotAllowedError, TokenRejectedError };

/** Checks a bearer token and says who it belongs to. */
export interface TokenValidator {
  validate(token: string): Promise<Person>;
}

interface Metadata {
  readonly issuer: string;
  readonly jwks_uri: string;
}

function isMetadata(x: unknown): x is Metadata {
  const m = x as Partial<Metadata> | null;
  return typeof m?.issuer === 'string' && typeof m.jwks_uri === 'string';
}

/**
 * Validates Entra-style access tokens: RS256 signature by a key from the issuer's JWKS (found through
 * its OpenID metadata), issuer (templated by tenant), audience, expiry/not-before, allowed tenant,
 * delegated scope, and an object id. Production points it at Entra; local mode at the local issuer.
 */
export function createTokenValidator(
  settings: () => TokenSettings,
  fetchJson: FetchJson = defaultFetchJson,
): TokenValidator {
  let discovered: Promise<{ issuers: string[]; keys: KeySet }> | null = null;
  const discover = () =>
    (discovered ??= (async () => {
      const s = settings();
      const meta = await fetchJson(s.metadataUrl);
      if (!isMetadata(meta)) throw new Error('metadata without issuer or jwks_uri');
      // One key set per issuer: unknown key ids cost at most one bounded re-fetch (see KeySet).
      const keys = new KeySet({ jwksUri: meta.jwks_uri, fetchJson });
      return { issuers: [meta.issuer, ...s.extraIssuers], keys };
    })().catch((err: unknown) => {
      discovered = null; // try again on the next request
      throw err;
    }));

  return {
    async validate(token) {
      const s = settings();
      const { issuers, keys } = await discover();
      const { payload } = await verifyRs256(token, keys, {
        audiences: s.audiences,
        clockToleranceSec: s.clockToleranceSec,
      });
      const tid = typeof payload.tid === 'string' ? payload.tid.toLowerCase() : '';
      if (!tid) throw new TokenRejectedError('no tenant');
      const expectedIssuers = issuers.map((i) => i.replace('{tenantid}', tid).toLowerCase());
      if (typeof payload.iss !== 'string' || !expectedIssuers.includes(payload.iss.toLowerCase()))
        throw new TokenRejectedError('wrong issuer');
      // Checked after the issuer: only a genuine token of another organisation earns the 403 page.
      if (!s.allowedTenants.some((t) => t.toLowerCase() === tid)) throw new TenantNotAllowedError();
      const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
      if (!scopes.includes(s.requiredScope)) throw new TokenRejectedError('missing scope');
      const oid = typeof payload.oid === 'string' ? payload.oid : '';
      if (!oid) throw new TokenRejectedError('no object id');
      const name = [payload.name, payload.preferred_username].find((x) => typeof x === 'string');
      const email = typeof payload.preferred_username === 'string' ? payload.preferred_username : undefined;
      return {
        objectId: oid,
        tenantId: tid,
        name: (name as string | undefined) ?? oid,
        ...(email ? { email } : {}),
      };
    },
  };
}
