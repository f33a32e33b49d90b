/**
 * The JSON shapes of the tab API: the one contract the server (src/api) and the tab (src/tab) share.
 * Types only, over the domain's types, so the tab can import it without reaching server code.
 */
import type { StanceKind } from '../domain/approval/approval';
import type { AuditKind } from '../domain/audit/audit-event';
import type { Role } from '../domain/initiative/actors';
import type { Decision, FollowUp, Initiative, Person, Proposal } from '../domain/initiative/initiative.types';
import type { Status } from '../domain/initiative/status';
import type { Activity } from '../domain/policy/policy.table';
import type { Label } from '../domain/shared/label';

import type { SkallkravState } from '../domain/initiative/skallkrav';

export type { SkallkravState } from '../domain/initiative/skallkrav';

/** One line of the list: what the grid shows and filters on. */
export interface InitiativeRow {
  readonly id: string;
  readonly ref: string | null;
  readonly title: string;
  readonly status: Status;
  readonly organisationIds: readonly string[];
  readonly targetGroupIds: readonly string[];
  readonly goalWordIds: readonly string[];
  readonly factorIds: readonly string[];
  readonly initiatorName: string;
  readonly submittedAt: string | null;
  readonly decidedAt: string | null;
  readonly updatedAt: string;
  /** Skallkrav 1–4 in order. */
  readonly skallkrav: readonly SkallkravState[];
}

export interface InitiativePage {
  readonly items: readonly InitiativeRow[];
  readonly nextCursor: string | null;
  readonly total: number;
}

/**
 * A person as a reader of someone else's record sees them: the name, and whether it is the reader.
 * Never their object id, tenant id or e-mail (the contact e-mail the initiator chose to show is in
 * the form).
 */
export interface PersonView {
  readonly name: string;
  readonly isYou: boolean;
}

/** Replaces the people in a record type with what a reader may see of them. */
type WithPeopleShown<T> = { readonly [K in keyof T]: T[K] extends Person ? PersonView : T[K] };

/**
 * An initiative as the tab sees it: no client key, store version or posted-card bookkeeping, and
 * people only as names.
 */
export type PublicInitiative = WithPeopleShown<
  Omit<
    Initiative,
    | 'clientKey'
    | 'version'
    | 'channelCards'
    | 'pendingRecords'
    | 'remindedMemberIds'
    | 'javDeclaredBy'
    | 'initiator'
    | 'preparer'
    | 'proposal'
    | 'decisions'
    | 'followUps'
  >
> & {
  readonly initiator: PersonView;
  readonly preparer: PersonView | null;
  readonly proposal: WithPeopleShown<Proposal> | null;
  readonly decisions: readonly WithPeopleShown<Decision>[];
  readonly followUps: readonly WithPeopleShown<FollowUp>[];
};

/** A follow-up as the annual compilation lists it. */
export interface FollowUpView {
  readonly at: string;
  readonly state: FollowUp['state'];
  readonly final: boolean;
  readonly whatWasDone: string;
  readonly effects: string;
  readonly byName: string;
}

export interface StanceView {
  readonly memberName: string;
  readonly stance: StanceKind;
  readonly comment: string;
  readonly at: string;
}

export interface SkallkravItem {
  readonly rule: 1 | 2 | 3 | 4;
  readonly state: SkallkravState;
  readonly met: boolean;
  /** Skallkrav 4: the RUG members who approved. */
  readonly approvedBy?: readonly string[];
  readonly message?: Label;
}

export interface InitiativeDetail {
  readonly initiative: PublicInitiative;
  readonly stances: readonly StanceView[];
  readonly skallkrav: readonly SkallkravItem[];
  /** What the signed-in person may do now (drives the buttons; the server checks again). */
  readonly allowedActions: readonly Activity[];
  /** Fingerprint of the text shown for a decision; the decision form sends it back (`shown`). */
  readonly shownForDecision: string;
}

/**
 * A person the preparation group may make an initiative's preparer, by name as Teams knows them.
 * Unlike PersonView it carries the object id (the picker sends it back); only those who may assign a
 * preparer are given the list, as only admins are given the Administration view's candidates.
 */
export interface PreparerCandidate {
  readonly objectId: string;
  readonly name: string;
  readonly isYou: boolean;
  /** The initiative's preparer now. */
  readonly current: boolean;
}

export interface PreparerCandidates {
  readonly items: readonly PreparerCandidate[];
}

export interface TimelineEvent {
  readonly id: string;
  readonly kind: AuditKind;
  readonly at: string;
  readonly actorName: string;
  readonly statusBefore?: Status;
  readonly statusAfter?: Status;
  readonly stance?: StanceKind;
  /** The catalogue version the form was sent or edited with (on `submitted` and `edited`). */
  readonly catalogueVersion?: string;
  /** Whom a `preparer_assigned` event made the preparer (the assigner is `actorName`). */
  readonly preparerName?: string;
}

export interface Me {
  readonly objectId: string;
  readonly name: string;
  readonly roles: readonly Role[];
}

export interface Todo {
  readonly stances: readonly InitiativeRow[];
  readonly toAssign: readonly InitiativeRow[];
  readonly preparations: readonly InitiativeRow[];
  readonly decisions: readonly InitiativeRow[];
  readonly followUps: readonly InitiativeRow[];
  readonly completions: readonly InitiativeRow[];
}

export interface Count {
  readonly key: string;
  readonly count: number;
}

export type StepKey = 'submitted_to_proposal' | 'proposal_to_decision' | 'submitted_to_decision';

export interface Stats {
  readonly total: number;
  readonly byStatus: readonly Count[];
  readonly byTargetGroup: readonly Count[];
  readonly byGoalWord: readonly Count[];
  readonly byFactor: readonly Count[];
  readonly byOrganisation: readonly Count[];
  readonly byYear: readonly Count[];
  readonly medianDays: readonly {
    readonly step: StepKey;
    readonly days: number | null;
    readonly n: number;
  }[];
}

export interface AnnualRow {
  readonly id: string;
  readonly ref: string | null;
  readonly title: string;
  readonly status: Status;
  readonly outcome: 'bifall' | 'avslag' | 'aterremiss';
  readonly meetingDate: string;
  /** The paragraph (§) in that meeting's minutes, when the decision was taken on a meeting's agenda. */
  readonly paragraph: number | null;
  readonly diarienummer: string | null;
  readonly responsibleId: string | null;
  readonly organisationIds: readonly string[];
  readonly targetGroupIds: readonly string[];
  readonly goalWordIds: readonly string[];
  readonly factorIds: readonly string[];
  readonly statementIds: readonly string[];
  readonly agreementIds: readonly string[];
  /** The catalogue version it was sent with: its labels read as they did then. */
  readonly catalogueVersion: string;
  readonly latestFollowUp: FollowUpView | null;
}

export interface AnnualReport {
  readonly year: number;
  readonly rows: readonly AnnualRow[];
}
