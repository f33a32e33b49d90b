import type { Label } from '../shared/label';

/** Kinds of change recorded in the append-only audit trail. */
export type AuditKind =
  | 'created'
  | 'draft_saved'
  | 'edited'
  | 'submitted'
  | 'withdrawn'
  | 'stance_set'
  | 'stance_changed'
  | 'endorsed'
  | 'preparer_assigned'
  | 'returned_for_completion'
  | 'completed'
  | 'proposed'
  | 'proposal_revised'
  | 'decided'
  | 'decision_superseded'
  | 'implementation_started'
  | 'follow_up_added'
  | 'closed'
  | 'channel_registered'
  /** A chair, secretary or admin role granted or ended in the app (trail `system:roles`). */
  | 'role_granted'
  | 'role_ended'
  /** A catalogue entry added, reworded, retired or restored, or a catalogue imported (trail `system:catalogue`). */
  | 'catalogue_changed'
  | 'catalogue_imported'
  /** The process settings changed (trail `system:settings`). */
  | 'settings_changed'
  /** A chair, secretary or preparer refused for a conflict of interest (jäv, own initiative). */
  | 'conflict_of_interest_refused'
  /** Jäv declared on the initiative at a meeting (on its agenda item). */
  | 'jav_declared';

/** One immutable audit event: who did what, when, with before/after where it matters. */
export interface AuditEvent {
  readonly id: string;
  readonly initiativeId: string;
  readonly kind: AuditKind;
  readonly at: string;
  readonly actor: { readonly objectId: string; readonly name: string };
  readonly before?: Readonly<Record<string, unknown>>;
  readonly after?: Readonly<Record<string, unknown>>;
}

/** Lists the keys whose values differ, so an event stores only what changed. */
export function diff(
  before: object,
  after: object,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  const was = before as Record<string, unknown>;
  const is = after as Record<string, unknown>;
  for (const key of new Set([...Object.keys(was), ...Object.keys(is)])) {
    if (JSON.stringify(was[key]) !== JSON.stringify(is[key])) {
      b[key] = was[key];
      a[key] = is[key];
    }
  }
  return { before: b, after: a };
}

/** Each kind of audit event as the timeline names it. */
export const AUDIT_KIND_LABELS: Readonly<Record<AuditKind, Label>> = {
  created: { sv: 'Skapat', en: 'Created' },
  draft_saved: { sv: 'Utkast sparat', en: 'Draft saved' },
  edited: { sv: 'Ändrat', en: 'Edited' },
  submitted: { sv: 'Inskickat', en: 'Submitted' },
  withdrawn: { sv: 'Återkallat', en: 'Withdrawn' },
  stance_set: { sv: 'Ställningstagande i RUG', en: 'Stance in RUG' },
  stance_changed: { sv: 'Ändrat ställningstagande', en: 'Stance changed' },
  endorsed: {
    sv: 'Godkänt för beredning (skallkrav 4)',
    en: 'Approved for preparation (must-requirement 4)',
  },
  preparer_assigned: { sv: 'Beredare utsedd', en: 'Preparer assigned' },
  returned_for_completion: { sv: 'Återsänt för komplettering', en: 'Returned for completion' },
  completed: { sv: 'Kompletterat', en: 'Completed' },
  proposed: { sv: 'Beslutsförslag lämnat', en: 'Decision proposed' },
  proposal_revised: { sv: 'Beslutsförslag ändrat', en: 'Proposal revised' },
  decided: { sv: 'Beslut registrerat', en: 'Decision recorded' },
  decision_superseded: { sv: 'Beslut ersatt', en: 'Decision superseded' },
  implementation_started: { sv: 'Genomförande startat', en: 'Implementation started' },
  follow_up_added: { sv: 'Uppföljning rapporterad', en: 'Follow-up reported' },
  closed: { sv: 'Avslutat', en: 'Closed' },
  channel_registered: { sv: 'Kanal kopplad', en: 'Channel registered' },
  jav_declared: { sv: 'Jäv anmält vid sammanträde', en: 'Conflict of interest declared at a meeting' },
  role_granted: { sv: 'Roll tilldelad', en: 'Role granted' },
  role_ended: { sv: 'Roll avslutad', en: 'Role ended' },
  catalogue_changed: { sv: 'Katalogen ändrad', en: 'Catalogue changed' },
  catalogue_imported: { sv: 'Katalog importerad', en: 'Catalogue imported' },
  settings_changed: { sv: 'Inställningar ändrade', en: 'Settings changed' },
  conflict_of_interest_refused: {
    sv: 'Nekad på grund av jäv eller eget initiativ',
    en: 'Refused for a conflict of interest or own initiative',
  },
};
