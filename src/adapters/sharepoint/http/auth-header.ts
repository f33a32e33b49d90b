import type { AccessToken, TokenCredential } from '@azure/identity';
import type { Middleware } from '@microsoft/microsoft-graph-client';
import { ForeignHostError, GraphAuthError } from './graph-errors';
import { middleware, requestUrl, responseOf, setHeader } from './middleware';

/** Renew a cached token this long before it expires, so no request goes out with a dying one. */
const RENEW_BEFORE_MS = 2 * 60_000;

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * Adds `Authorization: Bearer …` from an app-only credential. The token goes only to the Graph
 * origin (scheme, host and port of the base URL): a request for anywhere else (a tampered cursor, a
 * stray link) is refused before it is sent. A 401 is answered once with a freshly fetched token
 * (e.g. revoked or clock skew).
 *
 * Used instead of the SDK's AuthenticationHandler, which (3.0.7) decides by host name alone
 * (isGraphURL / isCustomHost: https only, port ignored), for any other URL sends the request anyway,
 * just without the header, and never answers a 401 with a new token.
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

  return middleware('auth', async (context, next) => {
    if (originOf(requestUrl(context)) !== graphOrigin) throw new ForeignHostError();
    setHeader(context, 'Authorization', `Bearer ${await token(false)}`);
    await next(context);
    if (responseOf(context).status !== 401) return;
    setHeader(context, 'Authorization', `Bearer ${await token(true)}`);
    await next(context);
  });
}
