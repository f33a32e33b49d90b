import { TRANSITIONS } from '../../../src/domain/initiative/lifecycle';
import type { Role } from '../../../src/domain/initiative/actors';
import { STATUSES, type Status } from '../../../src/domain/initiative/status';
import {
  ACTIVITIES,
  type Activity,
  allowedActivities,
  assertMay,
  isOpen,
  may,
  type PolicySubject,
  type Viewer,
} from '../../../src/domain/policy/policy';
import { DomainError, NotAllowedError, StateConflictError } from '../../../src/domain/shared/domain.errors';

/**
 * The expected policy — who may do what, and when — written out independently of the
 * implementation's table. Capacities: a role (rug_member … admin), being the initiative's initiator
 * or assigned preparer, or anyone signed in. `unless` lists the exclusions that override a capacity.
 */
type Capacity = Role | 'initiator' | 'preparer' | 'anyone';
interface Expected {
  who: Capacity[];
  when: Status[] | 'any';
  to?: Status;
  unless?: ('own' | 'jav')[];
}
const SENT = STATUSES.filter((s) => s !== 'draft');
const BEFORE_DECISION: Status[] = ['submitted', 'in_preparation', 'awaiting_completion', 'proposal_ready'];
const PREPARING: Status[] = ['in_preparation', 'awaiting_completion', 'proposal_ready'];
const CHAIR: Capacity[] = ['rug_chair', 'rug_secretary'];
const RUG: Capacity[] = ['rug_member', ...CHAIR];
const CARRIERS: Capacity[] = [...CHAIR, 'beredning', 'preparer', 'admin', 'initiator'];
const DECIDABLE: Status[] = ['proposal_ready', 'approved', 'rejected'];

const EXPECTED: Record<Activity, Expected> = {
  view: { who: ['anyone'], when: SENT },
  see_draft: { who: ['initiator'], when: ['draft'] },
  save_draft: { who: ['initiator'], when: ['draft'] },
  submit: { who: ['initiator'], when: ['draft'], to: 'submitted' },
  edit: { who: ['initiator'], when: ['draft', 'submitted'] },
  withdraw: { who: ['initiator', 'admin'], when: ['draft', ...BEFORE_DECISION], to: 'withdrawn' },
  approve: { who: RUG, when: BEFORE_DECISION, unless: ['own'] },
  decline: { who: RUG, when: BEFORE_DECISION },
  declare_jav: { who: RUG, when: BEFORE_DECISION },
  view_stances: { who: [...RUG, 'initiator'], when: SENT },
  endorse: { who: RUG, when: ['submitted'], to: 'in_preparation' },
  assign_preparer: { who: ['beredning', ...CHAIR], when: PREPARING },
  be_preparer: { who: ['beredning', ...CHAIR], when: PREPARING, unless: ['own'] },
  return_for_completion: {
    who: ['beredning', 'preparer', ...CHAIR],
    when: ['in_preparation', 'proposal_ready'],
    to: 'awaiting_completion',
    unless: ['own'],
  },
  complete: { who: ['initiator'], when: ['awaiting_completion'], to: 'in_preparation' },
  propose: {
    who: ['beredning', 'preparer', ...CHAIR],
    when: ['in_preparation'],
    to: 'proposal_ready',
    unless: ['own'],
  },
  revise_proposal: {
    who: ['beredning', 'preparer', ...CHAIR],
    when: ['proposal_ready'],
    to: 'in_preparation',
    unless: ['own'],
  },
  decide_approve: { who: CHAIR, when: DECIDABLE, to: 'approved', unless: ['own', 'jav'] },
  decide_reject: { who: CHAIR, when: DECIDABLE, to: 'rejected', unless: ['own', 'jav'] },
  decide_refer_back: { who: CHAIR, when: DECIDABLE, to: 'in_preparation', unless: ['own', 'jav'] },
  // The initiator often carries the work out, so they may start it and report on it too.
  start_implementation: { who: CARRIERS, when: ['approved'], to: 'in_implementation' },
  add_follow_up: { who: CARRIERS, when: ['approved', 'in_implementation'] },
  report_final_follow_up: { who: CARRIERS, when: ['in_implementation'], to: 'followed_up' },
  close: {
    who: [...CHAIR, 'admin'],
    when: ['rejected', 'followed_up', 'in_implementation'],
    to: 'closed',
  },
  register_channel: { who: ['admin'], when: 'any' },
  manage_meeting: { who: CHAIR, when: 'any' },
  manage_roles: { who: ['admin'], when: 'any' },
};

const CAPACITIES: Capacity[] = [
  'anyone',
  'initiator',
  'preparer',
  'rug_member',
  'rug_chair',
  'rug_secretary',
  'beredning',
  'admin',
];

/** A viewer who holds exactly one capacity on the subject (a chair is also a RUG member, as in life). */
function holding(
  capacity: Capacity,
  status: Status,
  jav = false,
): { viewer: Viewer; subject: PolicySubject } {
  const me = 'me';
  const role = ['rug_member', 'rug_chair', 'rug_secretary', 'beredning', 'admin'].includes(capacity);
  return {
    viewer: { objectId: me, roles: role ? [capacity as Role] : [], javDeclared: jav },
    subject: {
      status,
      initiator: { objectId: capacity === 'initiator' ? me : 'someone' },
      preparer: capacity === 'preparer' ? { objectId: me } : null,
    },
  };
}

const qualifies = (rule: Expected, c: Capacity) =>
  rule.who.includes(c) ||
  rule.who.includes('anyone') ||
  (c === 'rug_chair' && rule.who.includes('rug_member'));

describe('the one policy: who may do what, and when', () => {
  it('covers every activity, and the expected table covers every activity of the policy', () => {
    expect([...ACTIVITIES].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const activity of ACTIVITIES) {
    const rule = EXPECTED[activity];
    describe(activity, () => {
      for (const status of STATUSES) {
        const open = rule.when === 'any' || rule.when.includes(status);
        it(`${open ? 'open' : 'closed'} in ${status}`, () => {
          expect(isOpen(activity, status)).toBe(open);
          for (const c of CAPACITIES) {
            const { viewer, subject } = holding(c, status);
            const expected = open && qualifies(rule, c);
            expect([c, may(activity, subject, viewer)]).toEqual([c, expected]);
            if (expected) continue;
            // A refusal says why: the person (403) before the state (409).
            const kind = qualifies(rule, c) ? StateConflictError : NotAllowedError;
            expect(() => assertMay(activity, subject, viewer)).toThrow(kind);
          }
        });
      }
    });
  }

  it('the lifecycle is exactly the policy entries that lead to a status', () => {
    const expected = Object.entries(EXPECTED)
      .filter(([, r]) => r.to)
      .map(([action, r]) => ({ action, from: r.when, to: r.to }));
    expect(TRANSITIONS.map((t) => ({ ...t, from: [...t.from] }))).toEqual(expected);
  });

  it('bars the initiator from approving, preparing or deciding their own initiative, whatever their role', () => {
    for (const activity of ACTIVITIES) {
      const rule = EXPECTED[activity];
      if (!rule.unless?.includes('own')) continue;
      const status = rule.when === 'any' ? 'submitted' : rule.when[0]!;
      const roles: Role[] = ['rug_member', 'rug_chair', 'rug_secretary', 'beredning', 'admin'];
      const viewer: Viewer = { objectId: 'me', roles };
      const own: PolicySubject = { status, initiator: { objectId: 'me' }, preparer: { objectId: 'me' } };
      expect([activity, may(activity, own, viewer)]).toEqual([activity, false]);
      expect(() => assertMay(activity, own, viewer)).toThrow(NotAllowedError);
    }
  });

  it('bars a chair who declared jäv from recording the decision, with a clear reason', () => {
    const { viewer, subject } = holding('rug_chair', 'proposal_ready', true);
    expect(may('decide_approve', subject, viewer)).toBe(false);
    expect(may('decline', subject, viewer)).toBe(true);
    expect(() => assertMay('decide_approve', subject, viewer)).toThrow(
      expect.objectContaining({ code: 'POLICY.JAV', kind: 'forbidden' }),
    );
  });

  it('lists what a chair may do on a ready proposal, and what the initiator may', () => {
    const chair = holding('rug_chair', 'proposal_ready');
    expect(allowedActivities(chair.subject, chair.viewer).sort()).toEqual(
      [
        'approve',
        'assign_preparer',
        'be_preparer',
        'decide_approve',
        'decide_refer_back',
        'decide_reject',
        'declare_jav',
        'decline',
        'return_for_completion',
        'revise_proposal',
        'view',
        'view_stances',
        'register_channel',
        'manage_meeting',
      ]
        .filter((a) => a !== 'register_channel' && a !== 'manage_roles')
        .sort(),
    );
    const initiator = holding('initiator', 'proposal_ready');
    expect(allowedActivities(initiator.subject, initiator.viewer).sort()).toEqual(
      ['view', 'view_stances', 'withdraw'].sort(),
    );
  });

  it('ends nowhere from closed or withdrawn (terminal states) but what is shown', () => {
    for (const status of ['closed', 'withdrawn'] as const) {
      for (const c of CAPACITIES) {
        const { viewer, subject } = holding(c, status);
        const left = allowedActivities(subject, viewer).filter(
          (a) => a !== 'register_channel' && a !== 'manage_meeting' && a !== 'manage_roles',
        );
        expect(left.every((a) => a === 'view' || a === 'view_stances')).toBe(true);
      }
    }
  });

  it('explains a refused transition in Swedish and English with the status name', () => {
    const { viewer, subject } = holding('rug_chair', 'draft');
    try {
      assertMay('decide_approve', subject, viewer);
      throw new Error('expected a DomainError');
    } catch (err) {
      const e = err as DomainError;
      expect(e.code).toBe('INITIATIVE.INVALID_TRANSITION');
      expect(e.kind).toBe('conflict');
      expect(e.userMessage.sv).toContain('Utkast');
      expect(e.userMessage.en).toContain('Draft');
      expect(e.details).toEqual({ activity: 'decide_approve', from: 'draft' });
    }
  });
});
