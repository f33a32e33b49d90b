/**
 * The inputs of the write actions, as the bot's cards and the tab's API send them: one shape per use
 * case, parsed by one parser (src/app/inputs) whichever surface it came from.
 */
import type { StanceKind } from '../domain/approval/approval';
import type { Decision, FollowUp } from '../domain/initiative/initiative.types';

export interface DecisionInput {
  readonly outcome: Decision['outcome'];
  /** The RUG meeting date, YYYY-MM-DD. */
  readonly meetingDate: string;
  readonly rationale: string;
  readonly diarienummer?: string;
  readonly responsibleId?: string;
  /** Required when a decision already exists: why the new one supersedes it. */
  readonly supersedeReason?: string;
  /** The fingerprint of what the deciding person was shown (shown-version.ts); a stale one is refused. */
  readonly shown?: string;
}

export interface ProposalInput {
  readonly recommendation: 'bifall' | 'avslag';
  readonly rationale: string;
  readonly responsibleId?: string;
}

export interface FollowUpInput {
  readonly state: FollowUp['state'];
  readonly whatWasDone: string;
  readonly effects: string;
  readonly malbildIds?: readonly string[];
  readonly final?: boolean;
  readonly shareAsStory?: boolean;
}

/** Whom to make the preparer; absent (or one's own id) means the person asking takes it on. */
export interface PreparerInput {
  /** The chosen person's Entra object id, from the candidates the server offered. */
  readonly preparerId?: string;
}

export interface ReturnInput {
  readonly question: string;
}

export interface StanceInput {
  readonly kind: StanceKind;
  readonly comment: string;
  /** The fingerprint of the text the member was shown; a stale one is refused. */
  readonly shown?: string;
}

/** The tab API's write routes: POST /api/initiatives/:key/<route>. */
export const ACTION_ROUTES = [
  'preparer',
  'return',
  'proposal',
  'decision',
  'implementation',
  'follow-ups',
  'withdraw',
  'close',
] as const;
export type ActionRoute = (typeof ACTION_ROUTES)[number];
