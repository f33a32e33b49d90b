import type { Request } from 'express';
import type { Role } from '../../domain/initiative/actors';
import type { Locale } from '../../domain/shared/label';
import { localeFrom } from '../../i18n/locale';

/**
 * The local sign-in page's words, one language per page: `?locale=` when the tab passes it, else the
 * browser's first preferred language; Swedish unless that is English.
 */
export function signInLocale(req: Request): Locale {
  const asked = typeof req.query.locale === 'string' ? req.query.locale : null;
  const preferred = (req.header('accept-language') ?? '').split(',')[0]?.trim() ?? null;
  return localeFrom(asked ?? preferred);
}

export const SIGN_IN_COPY = {
  sv: {
    title: 'Logga in (lokalt läge) – Omtanke Halland',
    heading: 'Logga in som en testanvändare',
    intro:
      'Lokalt läge: de här personerna är Agents Playgrounds testanvändare. Rollerna kommer från dev-roles.json och från rollerna som tilldelats i appen.',
    wrongOrigin: 'Fel ursprung',
    wrongOriginBody: 'Inloggningen måste göras från den här sidan.',
    unknownTitle: 'Okänd användare',
    unknownBody: 'Okänd testanvändare.',
    signedIn: 'Inloggad – Omtanke Halland',
    signedInAs: 'Inloggad som',
    roles: {
      rug_member: 'RUG',
      rug_chair: 'ordförande i RUG',
      rug_secretary: 'sekreterare i RUG',
      beredning: 'beredningsgruppen',
      admin: 'administratör',
    } satisfies Record<Role, string>,
  },
  en: {
    title: 'Sign in (local mode) – Omtanke Halland',
    heading: 'Sign in as a test user',
    intro:
      'Local mode: these people are the Agents Playground’s test users. Their roles come from dev-roles.json and from the roles granted in the app.',
    wrongOrigin: 'Wrong origin',
    wrongOriginBody: 'Sign in from this page.',
    unknownTitle: 'Unknown user',
    unknownBody: 'Unknown test user.',
    signedIn: 'Signed in – Omtanke Halland',
    signedInAs: 'Signed in as',
    roles: {
      rug_member: 'RUG',
      rug_chair: 'RUG chair',
      rug_secretary: 'RUG secretary',
      beredning: 'preparation group',
      admin: 'administrator',
    } satisfies Record<Role, string>,
  },
} as const;
