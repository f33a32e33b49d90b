import type { AccessToken, TokenCredential } from '@azure/identity';
import { GraphAuthError } from './graph-errors';
import type { Middleware } from './graph-http';

/** Renew a cached token this long before it expires, so no request goes out with a dying one. */
const RENEW_BEFORE_MS = 2 * 60_000;

/**
 * Adds `Authorization: Bearer …` from an app-only credential. The token goes only to the Graph
 * origin: an absolute URL elsewhere (a tampered cursor, a stray link) is refused, never followed.
 * A 401 is answered once with a freshly fetched token (e.g. revoked or clock skew).
 */
export function withAuth(credential: TokenCredential, scope: string, graphBaseUrl: string): Middleware {
  const graphOrigin = new URL(graphBaseUrl).origin;
  let cached: AccessToken | null = null;
  let pending: Promise<AccessToken> | null = null;

  const token = async (renew: boolean): Promise<string> => {
    if (!renew && cached && cached.expiresOnTimestamp - RENEW_BEFORE_MS > Date.now()) return cached.token;
    // One token request at a time, however many Graph requests are waiting for it.
    pending ??= credential
      .getToken(scope)
      .then((t) => {
        if (!t) throw new GraphAuthError();
        cached = t;
        return t;
      })
      .catch((err: unknown) => {
        throw err instanceof GraphAuthError ? err : new GraphAuthError();
      })
      .finally(() => {
        pending = null;
      });
    return (await pending).token;
  };

  return (next) => async (req) => {
    if (/^https?:\/\//i.test(req.url) && new URL(req.url).origin !== graphOrigin) {
      throw new Error('refusing to send a Graph token to another host');
    }
    const send = async (renew: boolean) =>
      next({ ...req, headers: { ...req.headers, authorization: `Bearer ${await token(renew)}` } });
    const res = await send(false);
    return res.status === 401 ? send(true) : res;
  };
}
