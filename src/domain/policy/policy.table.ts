import { STATUSES, type Status } from '../initiative/status';
import {
  MEETING_OFFICERS,
  NOT_MEMBER,
  ONLY_INITIATOR,
  OWN_DECISION,
  PREPARATION_CLOSED,
  type Refusal,
  STANCE_CLOSED,
} from './policy.refusals';

export type { Refusal } from './policy.refusals';

/**
 * In which capacity a person acts on one initiative. `beredning` is membership of the preparation
 * group; `preparer` is being the initiative's assigned preparer; `anyone` is every signed-in person.
 */
export type Actor =
  | 'anyone'
  | 'initiator'
  | 'rug_member'
  | 'rug_chair'
  | 'rug_secretary'
  | 'beredning'
  | 'preparer'
  | 'admin'
  | 'system';

/** Who may not, although their role would allow it: their own initiative, or one they declared jäv on. */
export type Exclusion = 'own' | 'jav';

/** Every action a person can take. Those with `to` in the table change the status (the lifecycle). */
export const ACTIVITIES = [
  'view',
  'see_draft',
  'save_draft',
  'submit',
  'edit',
  'withdraw',
  'approve',
  'decline',
  'declare_jav',
  'view_stances',
  'endorse',
  'assign_preparer',
  'be_preparer',
  'return_for_completion',
  'complete',
  'propose',
  'revise_proposal',
  'decide_approve',
  'decide_reject',
  'decide_refer_back',
  'start_implementation',
  'add_follow_up',
  'report_final_follow_up',
  'close',
  'register_channel',
  'manage_meeting',
  'manage_roles',
] as const;
export type Activity = (typeof ACTIVITIES)[number];

export interface Rule {
  /** Any one of these capacities is enough. */
  readonly who: readonly Actor[];
  /** Statuses in which the activity is open; `any` for activities not tied to an initiative. */
  readonly when: readonly Status[] | 'any';
  readonly unless?: readonly Exclusion[];
  /** The status the activity leads to: present exactly for lifecycle transitions. */
  readonly to?: Status;
  readonly refused?: { readonly who?: Refusal; readonly when?: Refusal; readonly own?: Refusal };
}

const SENT = STATUSES.filter((s) => s !== 'draft');
const BEFORE_DECISION: readonly Status[] = [
  'submitted',
  'in_preparation',
  'awaiting_completion',
  'proposal_ready',
];
const PREPARING: readonly Status[] = ['in_preparation', 'awaiting_completion', 'proposal_ready'];
const DECIDABLE: readonly Status[] = ['proposal_ready', 'approved', 'rejected'];
const RUNNING: readonly Status[] = ['approved', 'in_implementation'];
const CHAIR: readonly Actor[] = ['rug_chair', 'rug_secretary'];
const RUG: readonly Actor[] = ['rug_member', ...CHAIR];
const PREPARATION: readonly Actor[] = ['beredning', 'preparer', ...CHAIR];
const CARRIERS: readonly Actor[] = [...CHAIR, 'beredning', 'preparer', 'admin', 'initiator'];

const stance = (extra: Partial<Rule> = {}): Rule => ({
  who: RUG,
  when: BEFORE_DECISION,
  refused: { who: NOT_MEMBER, when: STANCE_CLOSED, ...extra.refused },
  ...(extra.unless ? { unless: extra.unless } : {}),
});
const decide = (to: Status): Rule => ({
  who: CHAIR,
  when: DECIDABLE,
  to,
  unless: ['own', 'jav'],
  refused: { own: OWN_DECISION },
});

/**
 * The one policy: who may do what, and when. Cards, the tab's buttons, the to-do list and the use
 * cases all ask it (src/domain/policy/policy.ts); nothing else decides. A recorded decision is
 * superseded (never edited) by deciding again from a decided state; the use case asks for a reason.
 */
export const POLICY: Readonly<Record<Activity, Rule>> = {
  // Drafts are private to their initiator; everything sent is visible to everyone signed in.
  view: { who: ['anyone'], when: SENT },
  see_draft: { who: ['initiator'], when: ['draft'] },
  save_draft: {
    who: ['initiator'],
    when: ['draft'],
    refused: {
      who: ONLY_INITIATOR,
      when: {
        // A sent initiative is changed with Skicka, which checks everything again (skallkrav 1–3).
        code: 'INITIATIVE.NOT_A_DRAFT',
        message: {
          sv: 'Initiativet är redan inskickat. Spara ändringarna med Skicka.',
          en: 'The initiative has already been submitted. Save your changes with Submit.',
        },
      },
    },
  },
  submit: { who: ['initiator'], when: ['draft'], to: 'submitted', refused: { who: ONLY_INITIATOR } },
  // After RUG's approval the text changes only through completion (`complete`).
  edit: {
    who: ['initiator'],
    when: ['draft', 'submitted'],
    refused: {
      who: ONLY_INITIATOR,
      when: {
        code: 'INITIATIVE.LOCKED',
        message: {
          sv: 'Initiativet har godkänts av RUG och kan inte längre ändras här. Ändringar sker genom komplettering på begäran av beredningsgruppen.',
          en: 'The initiative has been approved by RUG and can no longer be changed here. Changes go through completion at the preparation group’s request.',
        },
      },
    },
  },
  withdraw: { who: ['initiator', 'admin'], when: ['draft', ...BEFORE_DECISION], to: 'withdrawn' },
  // Approving one's own initiative would meet skallkrav 4 alone: that is jäv in all but name.
  approve: stance({
    unless: ['own'],
    refused: {
      own: {
        code: 'RUG.OWN_INITIATIVE',
        message: {
          sv: 'Du kan inte godkänna ditt eget initiativ. Anmäl jäv i stället.',
          en: 'You cannot approve your own initiative. Declare a conflict of interest instead.',
        },
      },
    },
  }),
  decline: stance(),
  declare_jav: stance(),
  // The per-member view of the review card, with their own stance.
  view_stances: { who: [...RUG, 'initiator'], when: SENT },
  // Skallkrav 4: the first RUG approval moves the initiative into preparation.
  endorse: { who: RUG, when: ['submitted'], to: 'in_preparation' },
  assign_preparer: {
    who: ['beredning', ...CHAIR],
    when: PREPARING,
    refused: {
      who: {
        code: 'PREPARATION.NOT_ALLOWED',
        message: {
          sv: 'Bara beredningsgruppen eller RUG:s ordförande/sekreterare kan utse beredare.',
          en: 'Only the preparation group or the RUG chair/secretary can assign a preparer.',
        },
      },
      when: PREPARATION_CLOSED,
    },
  },
  // Asked of the person being made preparer, not of the one assigning.
  be_preparer: {
    who: ['beredning', ...CHAIR],
    when: PREPARING,
    unless: ['own'],
    refused: {
      who: {
        code: 'PREPARATION.NOT_PREPARER',
        message: {
          sv: 'Beredaren måste ingå i beredningsgruppen (eller vara RUG:s ordförande/sekreterare).',
          en: 'The preparer must belong to the preparation group (or be the RUG chair/secretary).',
        },
      },
      when: PREPARATION_CLOSED,
      own: {
        code: 'PREPARATION.OWN_INITIATIVE',
        message: {
          sv: 'Initiativtagaren kan inte bereda sitt eget initiativ.',
          en: 'The initiator cannot prepare their own initiative.',
        },
      },
    },
  },
  return_for_completion: {
    who: PREPARATION,
    when: ['in_preparation', 'proposal_ready'],
    to: 'awaiting_completion',
    unless: ['own'],
  },
  complete: {
    who: ['initiator'],
    when: ['awaiting_completion'],
    to: 'in_preparation',
    refused: { who: ONLY_INITIATOR },
  },
  propose: { who: PREPARATION, when: ['in_preparation'], to: 'proposal_ready', unless: ['own'] },
  revise_proposal: { who: PREPARATION, when: ['proposal_ready'], to: 'in_preparation', unless: ['own'] },
  decide_approve: decide('approved'),
  decide_reject: decide('rejected'),
  decide_refer_back: decide('in_preparation'),
  // The initiator often carries the work out, so they may start it and report on it too.
  start_implementation: { who: CARRIERS, when: ['approved'], to: 'in_implementation' },
  add_follow_up: {
    who: CARRIERS,
    when: RUNNING,
    refused: {
      who: {
        code: 'FOLLOW_UP.NOT_ALLOWED',
        message: {
          sv: 'Du kan inte rapportera uppföljning för det här initiativet.',
          en: 'You cannot report follow-up for this initiative.',
        },
      },
      when: {
        code: 'FOLLOW_UP.NOT_IN_IMPLEMENTATION',
        message: {
          sv: 'Uppföljning rapporteras för beslutade initiativ som genomförs.',
          en: 'Follow-up is reported for approved initiatives being carried out.',
        },
      },
    },
  },
  report_final_follow_up: { who: CARRIERS, when: ['in_implementation'], to: 'followed_up' },
  close: { who: [...CHAIR, 'admin'], when: ['rejected', 'followed_up', 'in_implementation'], to: 'closed' },
  register_channel: {
    who: ['admin'],
    when: 'any',
    refused: {
      who: {
        code: 'CHANNEL.NOT_ADMIN',
        message: {
          sv: 'Bara administratörer kan koppla kanaler.',
          en: 'Only administrators can connect channels.',
        },
      },
    },
  },
  // Calling a RUG meeting, its agenda, attendance and sending the minutes out (src/domain/meeting).
  manage_meeting: { who: CHAIR, when: 'any', refused: { who: MEETING_OFFICERS } },
  // Granting and ending chair, secretary and admin roles (the Administration view, `roller`).
  manage_roles: {
    who: ['admin'],
    when: 'any',
    refused: {
      who: {
        code: 'ROLES.NOT_ADMIN',
        message: {
          sv: 'Bara administratörer kan hantera roller.',
          en: 'Only administrators can manage roles.',
        },
      },
    },
  },
};
