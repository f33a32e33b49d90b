import { DomainError } from '../shared/domain.errors';
import type { Label } from '../shared/label';

/** Where an initiative is in the process from the färdplan. */
export const STATUSES = [
  'draft',
  'submitted',
  'in_preparation',
  'awaiting_completion',
  'proposal_ready',
  'approved',
  'rejected',
  'in_implementation',
  'followed_up',
  'closed',
  'withdrawn',
] as const;
export type Status = (typeof STATUSES)[number];

/** Statuses an initiative can only be in after a RUG member approved it (skallkrav 4 met on the way). */
export const AFTER_ENDORSEMENT: readonly Status[] = STATUSES.slice(
  STATUSES.indexOf('in_preparation'),
  STATUSES.indexOf('closed') + 1,
);

/** Who is acting, relative to the initiative (initiator, preparer) or by role in RUG. */
export type Actor =
  'initiator' | 'rug_member' | 'rug_chair' | 'rug_secretary' | 'preparer' | 'admin' | 'system';

export type Action =
  | 'submit'
  | 'withdraw'
  | 'endorse'
  | 'return_for_completion'
  | 'complete'
  | 'propose'
  | 'revise_proposal'
  | 'decide_approve'
  | 'decide_reject'
  | 'decide_refer_back'
  | 'start_implementation'
  | 'report_final_follow_up'
  | 'close';

interface Transition {
  readonly action: Action;
  readonly from: readonly Status[];
  readonly to: Status;
  readonly actors: readonly Actor[];
}

const BEFORE_DECISION: readonly Status[] = [
  'submitted',
  'in_preparation',
  'awaiting_completion',
  'proposal_ready',
];
const DECIDED: readonly Status[] = ['approved', 'rejected'];
const CHAIR: readonly Actor[] = ['rug_chair', 'rug_secretary'];

/**
 * The one transition table. A recorded decision is superseded (never edited) by deciding again
 * from a decided state; the use case requires a reason for that.
 */
export const TRANSITIONS: readonly Transition[] = [
  { action: 'submit', from: ['draft'], to: 'submitted', actors: ['initiator'] },
  {
    action: 'withdraw',
    from: ['draft', ...BEFORE_DECISION],
    to: 'withdrawn',
    actors: ['initiator', 'admin'],
  },
  // Skallkrav 4: the first RUG approval moves the initiative into preparation.
  {
    action: 'endorse',
    from: ['submitted'],
    to: 'in_preparation',
    actors: ['rug_member', 'rug_chair', 'rug_secretary'],
  },
  {
    action: 'return_for_completion',
    from: ['in_preparation', 'proposal_ready'],
    to: 'awaiting_completion',
    actors: ['preparer', ...CHAIR],
  },
  { action: 'complete', from: ['awaiting_completion'], to: 'in_preparation', actors: ['initiator'] },
  { action: 'propose', from: ['in_preparation'], to: 'proposal_ready', actors: ['preparer', ...CHAIR] },
  {
    action: 'revise_proposal',
    from: ['proposal_ready'],
    to: 'in_preparation',
    actors: ['preparer', ...CHAIR],
  },
  { action: 'decide_approve', from: ['proposal_ready', ...DECIDED], to: 'approved', actors: CHAIR },
  { action: 'decide_reject', from: ['proposal_ready', ...DECIDED], to: 'rejected', actors: CHAIR },
  { action: 'decide_refer_back', from: ['proposal_ready', ...DECIDED], to: 'in_preparation', actors: CHAIR },
  {
    action: 'start_implementation',
    from: ['approved'],
    to: 'in_implementation',
    actors: [...CHAIR, 'preparer', 'admin', 'initiator'],
  },
  {
    action: 'report_final_follow_up',
    from: ['in_implementation'],
    to: 'followed_up',
    actors: [...CHAIR, 'preparer', 'admin', 'initiator'],
  },
  {
    action: 'close',
    from: ['rejected', 'followed_up', 'in_implementation'],
    to: 'closed',
    actors: [...CHAIR, 'admin'],
  },
];

/** Returns the status an action leads to, or throws a DomainError with a stable code. */
export function transition(from: Status, action: Action, actors: readonly Actor[]): Status {
  const rule = TRANSITIONS.find((t) => t.action === action && t.from.includes(from));
  if (!rule) {
    throw new DomainError(
      'INITIATIVE.INVALID_TRANSITION',
      {
        sv: `Det går inte att ${ACTION_LABELS[action].sv} när initiativet har status ”${STATUS_LABELS[from].sv}”.`,
        en: `You cannot ${ACTION_LABELS[action].en} while the initiative is “${STATUS_LABELS[from].en}”.`,
      },
      { from, action },
    );
  }
  if (!rule.actors.some((a) => actors.includes(a))) {
    throw new DomainError(
      'INITIATIVE.NOT_ALLOWED',
      {
        sv: `Du har inte behörighet att ${ACTION_LABELS[action].sv}.`,
        en: `You are not allowed to ${ACTION_LABELS[action].en}.`,
      },
      { from, action, actors: [...actors] },
    );
  }
  return rule.to;
}

/** Actions that the given actors could take from a status; drives which buttons a card shows. */
export function allowedActions(from: Status, actors: readonly Actor[]): Action[] {
  return TRANSITIONS.filter((t) => t.from.includes(from) && t.actors.some((a) => actors.includes(a))).map(
    (t) => t.action,
  );
}

/** True while the initiator may still edit or withdraw without going through preparation. */
export function isEditableByInitiator(status: Status): boolean {
  return status === 'draft' || status === 'submitted';
}

export const STATUS_LABELS: Readonly<Record<Status, Label>> = {
  draft: { sv: 'Utkast', en: 'Draft' },
  submitted: { sv: 'Inskickat – väntar på godkännande i RUG', en: 'Submitted – awaiting RUG approval' },
  in_preparation: { sv: 'Under beredning', en: 'In preparation' },
  awaiting_completion: { sv: 'Återsänt för komplettering', en: 'Returned for completion' },
  proposal_ready: { sv: 'Beslutsförslag klart', en: 'Proposal ready' },
  approved: { sv: 'Beslutat – bifall', en: 'Decided – approved' },
  rejected: { sv: 'Beslutat – avslag', en: 'Decided – rejected' },
  in_implementation: { sv: 'Under genomförande', en: 'In implementation' },
  followed_up: { sv: 'Uppföljt', en: 'Followed up' },
  closed: { sv: 'Avslutat', en: 'Closed' },
  withdrawn: { sv: 'Återkallat', en: 'Withdrawn' },
};

export const ACTION_LABELS: Readonly<Record<Action, Label>> = {
  submit: { sv: 'skicka in', en: 'submit' },
  withdraw: { sv: 'återkalla', en: 'withdraw' },
  endorse: { sv: 'godkänna för beredning', en: 'approve for preparation' },
  return_for_completion: { sv: 'återsända för komplettering', en: 'return for completion' },
  complete: { sv: 'komplettera', en: 'complete' },
  propose: { sv: 'lämna beslutsförslag', en: 'submit a decision proposal' },
  revise_proposal: { sv: 'ändra beslutsförslaget', en: 'revise the proposal' },
  decide_approve: { sv: 'besluta om bifall', en: 'approve' },
  decide_reject: { sv: 'besluta om avslag', en: 'reject' },
  decide_refer_back: { sv: 'besluta om återremiss', en: 'refer back' },
  start_implementation: { sv: 'starta genomförandet', en: 'start implementation' },
  report_final_follow_up: { sv: 'rapportera slutlig uppföljning', en: 'report the final follow-up' },
  close: { sv: 'avsluta', en: 'close' },
};
