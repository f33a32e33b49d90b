import type { AccessToken, TokenCredential } from '@azure/identity';
import type { GraphFake } from './graph-fake';

/**
 * A plain TokenCredential that runs the client-credential flow against the fake's token endpoint
 * with fetch: what @azure/identity does, minus MSAL (which insists on an https authority).
 */
export function fakeCredential(
  fake: Pick<GraphFake, 'authorityHost' | 'tenantId' | 'clientId' | 'clientSecret'>,
  secret = fake.clientSecret,
): TokenCredential {
  return {
    async getToken(scopes: string | string[]): Promise<AccessToken> {
      const res = await fetch(`${fake.authorityHost}/${fake.tenantId}/oauth2/v2.0/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: fake.clientId,
          client_secret: secret,
          scope: Array.isArray(scopes) ? scopes.join(' ') : scopes,
        }),
      });
      const body = (await res.json()) as { access_token?: string; expires_in?: number; error?: string };
      if (!res.ok || !body.access_token)
        throw new Error(`token request refused: ${body.error ?? res.status}`);
      return { token: body.access_token, expiresOnTimestamp: Date.now() + (body.expires_in ?? 0) * 1000 };
    },
  };
}
