import type { RoleAssignment } from '../domain/roles/role-assignment';
import { ASSIGNABLE_ROLE_LABELS, ASSIGNABLE_ROLES } from '../domain/roles/role-assignment';
import { type Locale, text } from '../domain/shared/label';
import { renderCard } from './templates';
import { TONE_COLOR, type CardTone } from './tone';

const COPY = {
  sv: {
    title: 'Roller i Omtanke Halland',
    current: 'Nuvarande ordförande, sekreterare och administratörer',
    none: 'Inga roller är tilldelade i appen ännu.',
    grantHeading: 'Tilldela en roll',
    roleLabel: 'Roll',
    roleRequired: 'Välj en roll.',
    personLabel: 'Person',
    personPlaceholder: 'Sök på namn',
    personRequired: 'Välj en person.',
    fromLabel: 'Från och med (tomt = i dag)',
    grant: 'Tilldela',
    end: 'Avsluta',
    from: 'från',
    granted: 'Rollen är tilldelad.',
    ended: 'Rollen är avslutad.',
  },
  en: {
    title: 'Roles in Omtanke Halland',
    current: 'Current chairs, secretaries and administrators',
    none: 'No roles have been granted in the app yet.',
    grantHeading: 'Grant a role',
    roleLabel: 'Role',
    roleRequired: 'Choose a role.',
    personLabel: 'Person',
    personPlaceholder: 'Search by name',
    personRequired: 'Choose a person.',
    fromLabel: 'From (empty = today)',
    grant: 'Grant',
    end: 'End',
    from: 'from',
    granted: 'The role has been granted.',
    ended: 'The role has been ended.',
  },
} as const;

export type RoleCardNotice = 'granted' | 'ended';

/**
 * The admin's roles card in chat: who holds which role now (each with an End button carrying only the
 * assignment's id) and a grant form with Teams' people picker, which searches the organisation's
 * users itself (dataset graph.microsoft.com/users, no Graph permission of ours) and sends the chosen
 * person's Entra object id.
 */
export function rolesCard(
  locale: Locale,
  current: readonly RoleAssignment[],
  notice: { readonly text: string; readonly tone: CardTone } | RoleCardNotice | null = null,
) {
  const t = COPY[locale];
  const shown = typeof notice === 'string' ? { text: t[notice], tone: 'good' as const } : notice;
  return renderCard('roles', {
    t,
    notice: shown?.text ?? '',
    noticeColor: TONE_COLOR[shown?.tone ?? 'default'],
    current: current.map((a) => ({
      id: a.id,
      line: `${text(ASSIGNABLE_ROLE_LABELS[a.role], locale)}: ${a.holder.name} (${t.from} ${a.from}${a.until ? ` – ${a.until}` : ''})`,
      endTitle: `${t.end}: ${a.holder.name}`,
    })),
    roles: ASSIGNABLE_ROLES.map((r) => ({ value: r, title: text(ASSIGNABLE_ROLE_LABELS[r], locale) })),
  });
}
