import { assertMay, POLICY, type PolicySubject, type Viewer } from '../policy/policy';
import type { Activity } from '../policy/policy.table';
import type { Status } from './status';

export { AFTER_ENDORSEMENT, STATUSES, STATUS_LABELS, type Status } from './status';

/** The activities that change an initiative's status: the lifecycle, read off the one policy. */
export type Action = Extract<
  Activity,
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
  | 'close'
>;

export interface Transition {
  readonly action: Action;
  readonly from: readonly Status[];
  readonly to: Status;
}

/** The transition table: every policy entry that leads to a status. */
export const TRANSITIONS: readonly Transition[] = Object.entries(POLICY).flatMap(([action, rule]) =>
  rule.to && rule.when !== 'any' ? [{ action: action as Action, from: rule.when, to: rule.to }] : [],
);

/** Returns the status the action leads to for this person, or throws the policy's refusal. */
export function transition(action: Action, subject: PolicySubject, viewer: Viewer): Status {
  assertMay(action, subject, viewer);
  return POLICY[action].to!;
}
