import type { Label } from '../shared/label';
import type { Decision, FollowUp } from './initiative.types';

/** A decision's outcome (and a proposal's recommendation), as people read it. */
export const OUTCOME_LABELS: Readonly<Record<Decision['outcome'], Label>> = {
  bifall: { sv: 'Bifall', en: 'Approved (bifall)' },
  avslag: { sv: 'Avslag', en: 'Rejected (avslag)' },
  aterremiss: { sv: 'Återremiss', en: 'Referred back (återremiss)' },
};

/** How a follow-up says the work is going. */
export const FOLLOW_UP_STATE_LABELS: Readonly<Record<FollowUp['state'], Label>> = {
  on_track: { sv: 'Enligt plan', en: 'On track' },
  delayed: { sv: 'Försenat', en: 'Delayed' },
  done: { sv: 'Klart', en: 'Done' },
};
