import jwt, { type JwtPayload } from 'jsonwebtoken';
import type { KeySet, SigningKey } from './key-set';
import { TokenRejectedError } from './token-rejected';

export interface VerifyOptions {
  readonly audiences: readonly string[];
  readonly clockToleranceSec: number;
}

/**
 * Verifies an RS256 JWT against one issuer's key set: signature, audience, expiry (required) and
 * not-before. The key is looked up before verifying, so an unreachable issuer surfaces as an
 * ordinary error (retry later) while a bad token is a TokenRejectedError (401).
 */
export async function verifyRs256(
  token: string,
  keys: KeySet,
  opts: VerifyOptions,
): Promise<{ readonly payload: JwtPayload; readonly key: SigningKey }> {
  const decoded = jwt.decode(token, { complete: true });
  if (!decoded || typeof decoded.payload === 'string') throw new TokenRejectedError('not a JWT');
  if (decoded.header.alg !== 'RS256') throw new TokenRejectedError('not RS256');
  const kid = decoded.header.kid;
  if (!kid) throw new TokenRejectedError('no kid');
  const key = await keys.get(kid);
  if (!key) throw new TokenRejectedError('unknown signing key');
  let payload: JwtPayload;
  try {
    const verified = jwt.verify(token, key.key, {
      algorithms: ['RS256'],
      audience: opts.audiences as [string, ...string[]],
      clockTolerance: opts.clockToleranceSec,
    });
    if (typeof verified === 'string') throw new TokenRejectedError('no claims');
    payload = verified;
  } catch (err) {
    throw err instanceof TokenRejectedError ? err : new TokenRejectedError((err as Error).message);
  }
  // jsonwebtoken checks exp only when present; a token without an expiry is never accepted.
  if (typeof payload.exp !== 'number') throw new TokenRejectedError('no expiry');
  return { payload, key };
}
