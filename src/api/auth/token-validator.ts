import jwt, { type JwtHeader, type JwtPayload, type SigningKeyCallback } from 'jsonwebtoken';
import { JwksClient } from 'jwks-rsa';
import type { Person } from '../../domain/initiative/initiative.types';
import type { TokenSettings } from './auth-config';

/** Why a token was refused; the reason is logged, never shown to the user. */
export class TokenRejectedError extends Error {
  constructor(readonly reason: string) {
    super(`token rejected: ${reason}`);
    this.name = 'TokenRejectedError';
  }
}

/** Checks a bearer token and says who it belongs to. */
export interface TokenValidator {
  validate(token: string): Promise<Person>;
}

interface Metadata {
  readonly issuer: string;
  readonly jwks_uri: string;
}

type FetchJson = (url: string) => Promise<unknown>;

const defaultFetch: FetchJson = async (url) => {
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`metadata ${res.status}`);
  return res.json();
};

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
  fetchJson: FetchJson = defaultFetch,
): TokenValidator {
  let discovered: Promise<{ issuers: string[]; keys: JwksClient }> | null = null;
  const discover = () =>
    (discovered ??= (async () => {
      const s = settings();
      const meta = await fetchJson(s.metadataUrl);
      if (!isMetadata(meta)) throw new Error('metadata without issuer or jwks_uri');
      const keys = new JwksClient({
        jwksUri: meta.jwks_uri,
        cache: true,
        cacheMaxAge: 6 * 60 * 60_000,
        rateLimit: true,
        jwksRequestsPerMinute: 10,
        timeout: 10_000,
      });
      return { issuers: [meta.issuer, ...s.extraIssuers], keys };
    })().catch((err: unknown) => {
      discovered = null; // try again on the next request
      throw err;
    }));

  return {
    async validate(token) {
      const s = settings();
      const { issuers, keys } = await discover();
      const getKey = (header: JwtHeader, cb: SigningKeyCallback) => {
        if (!header.kid) return cb(new TokenRejectedError('no kid'));
        keys.getSigningKey(header.kid).then(
          (k) => cb(null, k.getPublicKey()),
          () => cb(new TokenRejectedError('unknown signing key')),
        );
      };
      const payload = await new Promise<JwtPayload>((resolve, reject) => {
        jwt.verify(
          token,
          getKey,
          {
            algorithms: ['RS256'],
            audience: s.audiences as [string, ...string[]],
            clockTolerance: s.clockToleranceSec,
            complete: false,
          },
          (err, decoded) => {
            if (err) reject(err instanceof TokenRejectedError ? err : new TokenRejectedError(err.message));
            else if (!decoded || typeof decoded === 'string') reject(new TokenRejectedError('no claims'));
            else resolve(decoded);
          },
        );
      });
      // jsonwebtoken checks exp only when present; a token without an expiry is never accepted.
      if (typeof payload.exp !== 'number') throw new TokenRejectedError('no expiry');
      const tid = typeof payload.tid === 'string' ? payload.tid.toLowerCase() : '';
      if (!tid) throw new TokenRejectedError('no tenant');
      if (!s.allowedTenants.some((t) => t.toLowerCase() === tid))
        throw new TokenRejectedError('tenant not allowed');
      const expectedIssuers = issuers.map((i) => i.replace('{tenantid}', tid).toLowerCase());
      if (typeof payload.iss !== 'string' || !expectedIssuers.includes(payload.iss.toLowerCase()))
        throw new TokenRejectedError('wrong issuer');
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
