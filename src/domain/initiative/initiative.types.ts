import type { PendingRecords } from '../records/pending';
import type { Status } from './status';

/** Who submitted an initiative, taken from the Teams/Entra identity — never from form data. */
export interface Person {
  readonly objectId: string;
  readonly tenantId: string;
  readonly name: string;
  readonly email?: string;
}

/** The fields of the common template (den gemensamma mallen) as the initiator fills them in. */
export interface InitiativeForm {
  title: string;
  background: string;
  description: string;
  expectedEffect: string;
  organisationIds: string[];
  targetGroupIds: string[];
  goalWordIds: string[];
  factorIds: string[];
  statementIds: string[];
  prerequisiteIds: string[];
  agreementIds: string[];
  anchoringManagerName: string;
  anchoringConfirmed: boolean;
  resources: string;
  timePlan: string;
  followUpPlan: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
}

/** A RUG decision; recorded once, superseded (never edited) by a later one. */
export interface Decision {
  readonly id: string;
  readonly outcome: 'bifall' | 'avslag' | 'aterremiss';
  readonly meetingDate: string;
  readonly rationale: string;
  readonly diarienummer?: string;
  readonly responsibleId?: string;
  readonly decidedBy: Person;
  readonly decidedAt: string;
  readonly supersedesId?: string;
  readonly supersedeReason?: string;
  /** The texts are shortened to keep the record storable; the audit event holds them whole. */
  readonly compacted?: boolean;
  /** Where the decision was taken, when it was taken on a RUG meeting's agenda. */
  readonly meeting?: MeetingLink;
}

/** A decision's place in the minutes: the meeting, its agenda item and the paragraph (§) number. */
export interface MeetingLink {
  readonly meetingId: string;
  readonly itemId: string;
  readonly paragraph: number;
}

/** The preparation group's proposal for the RUG decision. */
export interface Proposal {
  readonly recommendation: 'bifall' | 'avslag';
  readonly rationale: string;
  readonly responsibleId?: string;
  readonly proposedBy: Person;
  readonly proposedAt: string;
}

/** A progress update or follow-up report during implementation. */
export interface FollowUp {
  readonly id: string;
  /** A final report moves the initiative to "followed up". */
  readonly final: boolean;
  readonly state: 'on_track' | 'delayed' | 'done';
  readonly whatWasDone: string;
  /** Effects seen, related to the initiative's målbild links. */
  readonly effects: string;
  /** The målbild parameters (goal words, factors, statements) the effects relate to. */
  readonly malbildIds: readonly string[];
  readonly sharedAsStory: boolean;
  readonly by: Person;
  readonly at: string;
  /** The texts are shortened to keep the record storable; the audit event holds them whole. */
  readonly compacted?: boolean;
}

/** Where a card was posted: enough to update it in place for everyone. */
export interface PostedCard {
  readonly conversationId: string;
  readonly activityId: string;
}

/**
 * A card being posted: recorded before the send, so a retry after a crash (or any failure whose
 * outcome is unknown) never posts it a second time.
 */
export interface PostingCard {
  readonly posting: { readonly notificationId: string; readonly startedAt: string };
}

/** The cards posted (or being posted) about an initiative in the RUG and preparation channels. */
export interface ChannelCards {
  readonly review?: PostedCard | PostingCard;
  readonly preparation?: PostedCard | PostingCard;
  readonly decision?: PostedCard | PostingCard;
}

export const isPosted = (c: PostedCard | PostingCard | undefined): c is PostedCard =>
  !!c && 'activityId' in c;

export interface Initiative {
  readonly id: string;
  /** Human-readable reference, e.g. OH-2026-0007; given when the initiative is first sent. */
  readonly ref: string | null;
  /** Client-chosen key that makes creation idempotent (a card's submission key). */
  readonly clientKey: string;
  readonly status: Status;
  readonly form: InitiativeForm;
  readonly initiator: Person;
  readonly catalogueVersion: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly submittedAt: string | null;
  readonly decidedAt: string | null;
  readonly preparer: Person | null;
  readonly proposal: Proposal | null;
  readonly decisions: readonly Decision[];
  /** Question from the preparation group when returned for completion. */
  readonly completionRequest: string | null;
  readonly followUps: readonly FollowUp[];
  readonly channelCards: ChannelCards;
  /** Audit events and notifications of changes not yet confirmed written (see PendingRecords). */
  readonly pendingRecords?: PendingRecords;
  /** Who declared jäv on the initiative outside the review card (on a meeting's agenda item). */
  readonly javDeclaredBy?: readonly string[];
  /** RUG members already reminded to take a stance (each is reminded once). */
  readonly remindedMemberIds?: readonly string[];
  /** Opaque concurrency token from the store (SQLite row version, SharePoint eTag). */
  readonly version: string;
}

/** Creates an empty form, e.g. for a new card. */
export function emptyForm(): InitiativeForm {
  return {
    title: '',
    background: '',
    description: '',
    expectedEffect: '',
    organisationIds: [],
    targetGroupIds: [],
    goalWordIds: [],
    factorIds: [],
    statementIds: [],
    prerequisiteIds: [],
    agreementIds: [],
    anchoringManagerName: '',
    anchoringConfirmed: false,
    resources: '',
    timePlan: '',
    followUpPlan: '',
    contactName: '',
    contactEmail: '',
    contactPhone: '',
  };
}

/** What a new initiative starts from; everything else starts empty. */
export interface NewInitiativeFields {
  readonly id: string;
  readonly clientKey: string;
  readonly form: InitiativeForm;
  readonly initiator: Person;
  readonly catalogueVersion: string;
  /** When it was created (ISO 8601). */
  readonly at: string;
}

/** A new draft as a store receives it (it adds the version). */
export function newDraft(f: NewInitiativeFields): Omit<Initiative, 'version'> {
  return {
    id: f.id,
    ref: null,
    clientKey: f.clientKey,
    status: 'draft',
    form: f.form,
    initiator: f.initiator,
    catalogueVersion: f.catalogueVersion,
    createdAt: f.at,
    updatedAt: f.at,
    submittedAt: null,
    decidedAt: null,
    preparer: null,
    proposal: null,
    decisions: [],
    completionRequest: null,
    followUps: [],
    channelCards: {},
  };
}
