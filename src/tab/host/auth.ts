import type { TokenGetter } from '../api/client';
import type { Host } from './host';
import type { ClientConfig } from '../../contracts/client-config';

export type { ClientAuth, ClientConfig } from '../../contracts/client-config';

export const LOCAL_TOKEN_KEY = 'omtanke.localToken';

/** Seconds left before a JWT expires (read only to decide when to ask again; the server checks it). */
export function secondsLeft(token: string): number {
  try {
    const part = token.split('.')[1] ?? '';
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
    const exp = (JSON.parse(json) as { exp?: number }).exp ?? 0;
    return exp - Date.now() / 1000;
  } catch {
    return 0;
  }
}

/** Sends the browser to the local dev sign-in page, coming back to where it was. */
export function goToLocalSignIn(signInUrl: string): void {
  const back = `${location.pathname}${location.search}${location.hash}`;
  location.assign(`${signInUrl}?return=${encodeURIComponent(back)}`);
}

/**
 * The token source for where the tab runs: Teams SSO inside Teams; outside Teams, MSAL against
 * Entra (loaded only then), or the local issuer's sign-in page in local mode.
 */
export function tokenGetter(host: Host, config: ClientConfig): TokenGetter {
  let cached: string | null = null;
  return async ({ refresh } = {}) => {
    if (cached && !refresh && secondsLeft(cached) > 60) return cached;
    if (host.kind === 'teams' && host.getTeamsToken) {
      cached = await host.getTeamsToken();
      return cached;
    }
    if (config.auth.kind === 'local') {
      const stored = sessionStorage.getItem(LOCAL_TOKEN_KEY);
      if (stored && !refresh && secondsLeft(stored) > 60) {
        cached = stored;
        return stored;
      }
      sessionStorage.removeItem(LOCAL_TOKEN_KEY);
      goToLocalSignIn(config.auth.signInUrl);
      return new Promise<string>(() => undefined); // the page is leaving
    }
    const { msalToken } = await import('./msal.js');
    cached = await msalToken(config.auth, refresh === true);
    return cached;
  };
}
