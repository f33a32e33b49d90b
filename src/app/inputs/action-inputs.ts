import type {
  DecisionInput,
  FollowUpInput,
  ProposalInput,
  ReturnInput,
  StanceInput,
} from '../../contracts/actions';
import { bool, ids, oneOf, optional, type Raw, str } from './fields';

const shownOf = (raw: Raw) => (raw.shown === undefined ? {} : { shown: str(raw, 'shown') });

/** One parser per use-case input; the bot's card data and the tab's JSON bodies both go through it. */

export function parseDecision(raw: Raw): DecisionInput {
  const diarienummer = optional(raw, 'diarienummer');
  const responsibleId = optional(raw, 'responsibleId');
  const supersedeReason = optional(raw, 'supersedeReason');
  return {
    // An official decision never defaults: a missing or unknown choice is refused.
    outcome: oneOf(raw, 'outcome', ['bifall', 'avslag', 'aterremiss'] as const),
    meetingDate: str(raw, 'meetingDate'),
    rationale: str(raw, 'rationale'),
    ...(diarienummer ? { diarienummer } : {}),
    ...(responsibleId ? { responsibleId } : {}),
    ...(supersedeReason ? { supersedeReason } : {}),
    // What the person was shown (our cards and the tab always send it; cards posted before it
    // existed do not, and are not checked: the check guards against outdated presses, not rights).
    ...shownOf(raw),
  };
}

export function parseProposal(raw: Raw): ProposalInput {
  const responsibleId = optional(raw, 'responsibleId');
  return {
    recommendation: oneOf(raw, 'recommendation', ['bifall', 'avslag'] as const),
    rationale: str(raw, 'rationale'),
    ...(responsibleId ? { responsibleId } : {}),
  };
}

export function parseFollowUp(raw: Raw): FollowUpInput {
  return {
    state: oneOf(raw, 'state', ['on_track', 'delayed', 'done'] as const),
    whatWasDone: str(raw, 'whatWasDone'),
    effects: str(raw, 'effects'),
    malbildIds: ids(raw, 'malbildIds'),
    final: bool(raw, 'final'),
    shareAsStory: bool(raw, 'shareAsStory'),
  };
}

export function parseReturn(raw: Raw): ReturnInput {
  return { question: str(raw, 'question') };
}

export function parseStance(raw: Raw, kind: StanceInput['kind']): StanceInput {
  return { kind, comment: str(raw, 'comment'), ...shownOf(raw) };
}
