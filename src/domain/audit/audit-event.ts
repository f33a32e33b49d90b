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
  | 'channel_registered';

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
