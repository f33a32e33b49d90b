import type { PendingRecords } from '../records/pending';
import type { Label } from '../shared/label';

/** A RUG member's stance on an initiative; jäv (conflict of interest) is recorded but not counted. */
export type StanceKind = 'approve' | 'decline' | 'jav';

export interface Stance {
  readonly initiativeId: string;
  readonly memberId: string;
  readonly memberName: string;
  readonly stance: StanceKind;
  readonly comment: string;
  readonly at: string;
  /**
   * When the member declared jäv on the initiative. It stays when the stance changes later: a
   * declared conflict of interest bars them from deciding the initiative whatever they vote after.
   */
  readonly javDeclaredAt?: string;
  /** The records of this stance change not yet confirmed written (see PendingRecords). */
  readonly pendingRecords?: PendingRecords;
  /** Opaque concurrency token from the store. */
  readonly version: string;
}

export interface Tally {
  readonly approve: number;
  readonly decline: number;
  readonly jav: number;
  /** Names of the members who approved, for the card and the tab. */
  readonly approvedBy: readonly string[];
}

/** Counts stances; one stance per member is guaranteed by the store's unique key. */
export function tally(stances: readonly Stance[]): Tally {
  const approvedBy = stances.filter((s) => s.stance === 'approve').map((s) => s.memberName);
  return {
    approve: approvedBy.length,
    decline: stances.filter((s) => s.stance === 'decline').length,
    jav: stances.filter((s) => s.stance === 'jav').length,
    approvedBy,
  };
}

export const STANCE_LABELS: Readonly<Record<StanceKind, Label>> = {
  approve: { sv: 'Godkänt', en: 'Approved' },
  decline: { sv: 'Avböjt', en: 'Declined' },
  jav: { sv: 'Jäv', en: 'Conflict of interest' },
};
