/** The three themes Teams has; the tab follows whichever the host or the browser asks for. */
export type ThemeName = 'light' | 'dark' | 'contrast';

/** Teams' theme names ('default', 'dark', 'contrast') to ours. */
export function fromTeamsTheme(theme: string | undefined): ThemeName {
  return theme === 'dark' ? 'dark' : theme === 'contrast' ? 'contrast' : 'light';
}

const FORCED = '(forced-colors: active)';
const DARK = '(prefers-color-scheme: dark)';

/** Outside Teams: Windows high contrast (forced colours) first, then the dark preference. */
export function browserTheme(): ThemeName {
  if (typeof matchMedia !== 'function') return 'light';
  if (matchMedia(FORCED).matches) return 'contrast';
  return matchMedia(DARK).matches ? 'dark' : 'light';
}

/** Calls back when the browser's colour preferences change; returns an unsubscribe function. */
export function watchBrowserTheme(onChange: (theme: ThemeName) => void): () => void {
  if (typeof matchMedia !== 'function') return () => undefined;
  const queries = [matchMedia(FORCED), matchMedia(DARK)];
  const listener = () => onChange(browserTheme());
  for (const q of queries) q.addEventListener('change', listener);
  return () => queries.forEach((q) => q.removeEventListener('change', listener));
}
