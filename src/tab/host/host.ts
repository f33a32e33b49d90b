import type { Locale } from '../../domain/shared/label';
import { localeFrom } from '../../i18n/locale';
import { browserTheme, fromTeamsTheme, watchBrowserTheme, type ThemeName } from './theme';

/** Where the tab runs and what it was told: locale, theme, a deep-linked initiative. */
export interface Host {
  readonly kind: 'teams' | 'browser';
  readonly locale: Locale;
  readonly theme: ThemeName;
  /** Teams deep links carry the initiative's reference as subEntityId (page.subPageId). */
  readonly deepLinkRef: string | null;
  /** The channel tab's configured start view, if any. */
  readonly startView: string | null;
  onThemeChange(cb: (theme: ThemeName) => void): void;
  /** Teams SSO token for our API (Teams only). */
  getTeamsToken?: () => Promise<string>;
}

type TeamsJs = typeof import('@microsoft/teams-js');

/** Loads the Teams SDK only when the tab is opened by Teams (it is not needed in a browser). */
export function loadTeamsJs(): Promise<TeamsJs> {
  return import('@microsoft/teams-js');
}

function queryLocale(): Locale {
  const q = new URLSearchParams(location.search).get('locale');
  return localeFrom(q ?? (typeof navigator !== 'undefined' ? navigator.language : null));
}

/** True when the page looks opened by Teams: the manifest's URL carries ?view=, or we are framed. */
export function looksLikeTeams(): boolean {
  return new URLSearchParams(location.search).has('view') || window.parent !== window;
}

function browserHost(): Host {
  return {
    kind: 'browser',
    locale: queryLocale(),
    theme: browserTheme(),
    deepLinkRef: null,
    startView: new URLSearchParams(location.search).get('start'),
    onThemeChange: (cb) => void watchBrowserTheme(cb),
  };
}

/**
 * Initialises teams-js when the page looks hosted by Teams, with a time limit so a browser that
 * opened the Teams URL by hand still gets the tab (signing in with MSAL instead).
 */
export async function detectHost(): Promise<Host> {
  if (!looksLikeTeams()) return browserHost();
  try {
    const teams = await loadTeamsJs();
    await Promise.race([
      teams.app.initialize(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('teams-js timeout')), 4000)),
    ]);
    const ctx = await teams.app.getContext();
    teams.app.notifySuccess();
    return {
      kind: 'teams',
      locale: localeFrom(ctx.app.locale),
      theme: fromTeamsTheme(ctx.app.theme),
      deepLinkRef: ctx.page.subPageId || null,
      startView: new URLSearchParams(location.search).get('start'),
      onThemeChange: (cb) => teams.app.registerOnThemeChangeHandler((t) => cb(fromTeamsTheme(t))),
      getTeamsToken: () => teams.authentication.getAuthToken(),
    };
  } catch {
    return browserHost();
  }
}
