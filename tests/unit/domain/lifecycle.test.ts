import {
  type Action,
  type Actor,
  type Status,
  STATUSES,
  allowedActions,
  transition,
} from '../../../src/domain/initiative/lifecycle';
import { DomainError } from '../../../src/domain/shared/domain.errors';

/** The expected process, written out independently of the implementation's table. */
const EXPECTED: Record<Action, { from: Status[]; to: Status; actors: Actor[] }> = {
  submit: { from: ['draft'], to: 'submitted', actors: ['initiator'] },
  withdraw: {
    from: ['draft', 'submitted', 'in_preparation', 'awaiting_completion', 'proposal_ready'],
    to: 'withdrawn',
    actors: ['initiator', 'admin'],
  },
  endorse: {
    from: ['submitted'],
    to: 'in_preparation',
    actors: ['rug_member', 'rug_chair', 'rug_secretary'],
  },
  return_for_completion: {
    from: ['in_preparation', 'proposal_ready'],
    to: 'awaiting_completion',
    actors: ['preparer', 'rug_chair', 'rug_secretary'],
  },
  complete: { from: ['awaiting_completion'], to: 'in_preparation', actors: ['initiator'] },
  propose: {
    from: ['in_preparation'],
    to: 'proposal_ready',
    actors: ['preparer', 'rug_chair', 'rug_secretary'],
  },
  revise_proposal: {
    from: ['proposal_ready'],
    to: 'in_preparation',
    actors: ['preparer', 'rug_chair', 'rug_secretary'],
  },
  decide_approve: {
    from: ['proposal_ready', 'approved', 'rejected'],
    to: 'approved',
    actors: ['rug_chair', 'rug_secretary'],
  },
  decide_reject: {
    from: ['proposal_ready', 'approved', 'rejected'],
    to: 'rejected',
    actors: ['rug_chair', 'rug_secretary'],
  },
  decide_refer_back: {
    from: ['proposal_ready', 'approved', 'rejected'],
    to: 'in_preparation',
    actors: ['rug_chair', 'rug_secretary'],
  },
  // The initiator often carries the work out, so they may start it and report on it too.
  start_implementation: {
    from: ['approved'],
    to: 'in_implementation',
    actors: ['rug_chair', 'rug_secretary', 'preparer', 'admin', 'initiator'],
  },
  report_final_follow_up: {
    from: ['in_implementation'],
    to: 'followed_up',
    actors: ['rug_chair', 'rug_secretary', 'preparer', 'admin', 'initiator'],
  },
  close: {
    from: ['rejected', 'followed_up', 'in_implementation'],
    to: 'closed',
    actors: ['rug_chair', 'rug_secretary', 'admin'],
  },
};

const ALL_ACTORS: Actor[] = [
  'initiator',
  'rug_member',
  'rug_chair',
  'rug_secretary',
  'preparer',
  'admin',
  'system',
];

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (err) {
    return err instanceof DomainError ? err.code : 'not a DomainError';
  }
}

describe('lifecycle transition table', () => {
  for (const [action, rule] of Object.entries(EXPECTED) as [Action, (typeof EXPECTED)[Action]][]) {
    describe(action, () => {
      for (const from of STATUSES) {
        if (rule.from.includes(from)) {
          it(`${from} → ${rule.to} for ${rule.actors.join('/')}, refused for everyone else`, () => {
            for (const actor of rule.actors) expect(transition(from, action, [actor])).toBe(rule.to);
            for (const actor of ALL_ACTORS.filter((a) => !rule.actors.includes(a))) {
              expect(codeOf(() => transition(from, action, [actor]))).toBe('INITIATIVE.NOT_ALLOWED');
            }
          });
        } else {
          it(`is refused from ${from} as an invalid transition, even for a permitted actor`, () => {
            expect(codeOf(() => transition(from, action, rule.actors))).toBe('INITIATIVE.INVALID_TRANSITION');
          });
        }
      }
    });
  }

  it('ends nowhere from closed or withdrawn (terminal states)', () => {
    expect(allowedActions('closed', ALL_ACTORS)).toEqual([]);
    expect(allowedActions('withdrawn', ALL_ACTORS)).toEqual([]);
  });

  it('lists the actions a chair can take on a ready proposal', () => {
    expect(allowedActions('proposal_ready', ['rug_chair']).sort()).toEqual(
      [
        'decide_approve',
        'decide_refer_back',
        'decide_reject',
        'return_for_completion',
        'revise_proposal',
      ].sort(),
    );
    expect(allowedActions('proposal_ready', ['initiator'])).toEqual(['withdraw']);
  });

  it('explains a refused transition in Swedish and English with the status name', () => {
    try {
      transition('draft', 'decide_approve', ['rug_chair']);
      throw new Error('expected a DomainError');
    } catch (err) {
      const e = err as DomainError;
      expect(e.userMessage.sv).toContain('Utkast');
      expect(e.userMessage.en).toContain('Draft');
      expect(e.details).toEqual({ from: 'draft', action: 'decide_approve' });
    }
  });
});
