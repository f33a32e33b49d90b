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
