import type { Locale } from '../../domain/shared/label';

/** The Administration view's copy (kept beside the view so the shared tab strings stay small). */
const sv = {
  title: 'Administration',
  rolesHeading: 'Roller',
  rolesIntro:
    'RUG är RUG-kanalens medlemmar och beredningsgruppen beredningskanalens medlemmar. Här tilldelar du ordförande, sekreterare och administratörer. En ändring gäller direkt här och inom två minuter överallt.',
  current: 'Nuvarande',
  history: 'Historik',
  noCurrent: 'Inga roller är tilldelade i appen ännu.',
  noHistory: 'Inga roller har avslutats.',
  role: 'Roll',
  person: 'Person',
  from: 'Från och med',
  until: 'Till',
  grantedBy: 'Tilldelad av',
  endedBy: 'Avslutad av',
  starts: 'börjar senare',
  end: 'Avsluta',
  endLabel: 'Avsluta rollen för {name}',
  grantHeading: 'Tilldela en roll',
  personHint: 'Sök bland medlemmarna i RUG-kanalen och beredningskanalen.',
  personPlaceholder: 'Skriv ett namn',
  openList: 'Visa medlemmarna',
  noMatch: 'Ingen medlem matchar.',
  fromHint: 'Tomt betyder i dag.',
  grant: 'Tilldela',
  granted: '{name} har fått rollen {role}.',
  ended: 'Rollen är avslutad.',
};

const en: typeof sv = {
  title: 'Administration',
  rolesHeading: 'Roles',
  rolesIntro:
    'RUG is the RUG channel’s members and the preparation group the preparation channel’s members. Here you grant chairs, secretaries and administrators. A change applies here at once and everywhere within two minutes.',
  current: 'Current',
  history: 'History',
  noCurrent: 'No roles have been granted in the app yet.',
  noHistory: 'No roles have been ended.',
  role: 'Role',
  person: 'Person',
  from: 'From',
  until: 'Until',
  grantedBy: 'Granted by',
  endedBy: 'Ended by',
  starts: 'starts later',
  end: 'End',
  endLabel: 'End the role for {name}',
  grantHeading: 'Grant a role',
  personHint: 'Search the members of the RUG and preparation channels.',
  personPlaceholder: 'Type a name',
  openList: 'Show the members',
  noMatch: 'No member matches.',
  fromHint: 'Empty means today.',
  grant: 'Grant',
  granted: '{name} now holds the role {role}.',
  ended: 'The role has been ended.',
};

export type AdminStrings = typeof sv;
export const adminStrings = (locale: Locale): AdminStrings => (locale === 'en' ? en : sv);
