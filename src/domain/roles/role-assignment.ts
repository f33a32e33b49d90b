import type { Label } from '../shared/label';

/**
 * The roles an admin grants in the app. RUG membership and Beredningsgruppen are not granted: they are
 * the rosters of the registered RUG and preparation channels (docs/channel-roster.md).
 */
export const ASSIGNABLE_ROLES = ['rug_chair', 'rug_secretary', 'admin'] as const;
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];

export const ASSIGNABLE_ROLE_LABELS: Readonly<Record<AssignableRole, Label>> = {
  rug_chair: { sv: 'Ordförande i RUG', en: 'RUG chair' },
  rug_secretary: { sv: 'Sekreterare i RUG', en: 'RUG secretary' },
  admin: { sv: 'Administratör', en: 'Administrator' },
};

export interface RoleHolder {
  readonly objectId: string;
  readonly name: string;
}

/**
 * One person holding one role for a period: from `from` (a date, yyyy-mm-dd) until it is ended. Ending
 * never deletes: the assignment keeps who granted and who ended it, so the history stays readable.
 */
export interface RoleAssignment {
  /** Derived from role, person and from-date, so granting the same again is a replay, not a second grant. */
  readonly id: string;
  readonly role: AssignableRole;
  readonly holder: RoleHolder;
  readonly from: string;
  readonly grantedBy: RoleHolder;
  readonly grantedAt: string;
  /** The first day the role no longer applies (yyyy-mm-dd), set when it is ended. */
  readonly until: string | null;
  readonly endedBy: RoleHolder | null;
  readonly endedAt: string | null;
  /** Opaque optimistic-concurrency version from the store. */
  readonly version: string;
}

export type NewRoleAssignment = Omit<RoleAssignment, 'version'>;

/** The assignment's id: one per role, person and start day. */
export function assignmentId(role: AssignableRole, objectId: string, from: string): string {
  return `${role}|${objectId.toLowerCase()}|${from}`;
}

/** The calendar day of an instant in Sweden, which is when a from-date or end-date takes effect. */
export function swedishDay(at: Date): string {
  // sv-SE formats as yyyy-mm-dd; the Stockholm zone makes midnight mean midnight in Halland.
  return at.toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
}

/** Whether the assignment gives its role on the day of `now`. */
export function isActive(a: Pick<RoleAssignment, 'from' | 'until'>, now: Date): boolean {
  const today = swedishDay(now);
  return a.from <= today && (a.until === null || today < a.until);
}

/** Whether the assignment has not been ended (it may start in the future). */
export const isOpenEnded = (a: Pick<RoleAssignment, 'until'>): boolean => a.until === null;
