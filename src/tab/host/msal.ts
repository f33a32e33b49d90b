import { InteractionRequiredAuthError, PublicClientApplication } from '@azure/msal-browser';
import type { ClientAuth } from '../../contracts/client-config';

let app: Promise<PublicClientApplication> | null = null;

/** Outside Teams in production: sign in with MSAL (redirect flow) and get a token for our API. */
export async function msalToken(
  auth: Extract<ClientAuth, { kind: 'entra' }>,
  refresh: boolean,
): Promise<string> {
  app ??= (async () => {
    const pca = new PublicClientApplication({
      auth: {
        clientId: auth.clientId,
        authority: auth.authority,
        redirectUri: `${location.origin}/tab/index.html`,
      },
      cache: { cacheLocation: 'sessionStorage' },
    });
    await pca.initialize();
    await pca.handleRedirectPromise();
    return pca;
  })();
  const pca = await app;
  const account = pca.getAllAccounts()[0];
  const request = { scopes: [...auth.scopes] };
  if (!account) {
    await pca.loginRedirect(request);
    return new Promise<string>(() => undefined);
  }
  try {
    return (await pca.acquireTokenSilent({ ...request, account, forceRefresh: refresh })).accessToken;
  } catch (err) {
    if (err instanceof InteractionRequiredAuthError) {
      await pca.acquireTokenRedirect({ ...request, account });
      return new Promise<string>(() => undefined);
    }
    throw err;
  }
}
