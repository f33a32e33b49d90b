import type { Locale } from '../domain/shared/label';

/** Teams sends locales like "en-US", "sv-SE"; Swedish unless Teams says English. */
export function localeFrom(teamsLocale: string | undefined | null): Locale {
  return teamsLocale && /^en\b/i.test(teamsLocale) ? 'en' : 'sv';
}
