import { catalogue } from '../../../src/domain/catalogue/catalogue';
import {
  checkApprovalSkallkrav,
  checkFormSkallkrav,
  checkSkallkrav,
} from '../../../src/domain/initiative/skallkrav';
import { tally, type Stance } from '../../../src/domain/approval/approval';
import { validForm } from '../../support/fixtures';

const stance = (memberId: string, kind: Stance['stance']): Stance => ({
  initiativeId: 'i',
  memberId,
  memberName: memberId,
  stance: kind,
  comment: '',
  at: '2026-01-01T00:00:00.000Z',
  version: '1',
});

const rules = (unmet: { rule: number }[]) => unmet.map((u) => u.rule);

describe('skallkrav 1: both municipality and region', () => {
  it('is met with Region Halland and one municipality', () => {
    expect(
      rules(checkFormSkallkrav(validForm({ organisationIds: ['region-halland', 'hylte'] }), catalogue)),
    ).toEqual([]);
  });
  it('is unmet with only municipalities', () => {
    const unmet = checkFormSkallkrav(validForm({ organisationIds: ['varberg', 'halmstad'] }), catalogue);
    expect(unmet).toEqual([
      expect.objectContaining({
        rule: 1,
        code: 'SKALLKRAV.MUNICIPALITY_AND_REGION',
        field: 'organisationIds',
      }),
    ]);
    expect(unmet[0]!.message.sv).toMatch(/Region Halland/);
    expect(unmet[0]!.message.en).toMatch(/municipality/);
  });
  it('is unmet with only the region', () => {
    expect(rules(checkFormSkallkrav(validForm({ organisationIds: ['region-halland'] }), catalogue))).toEqual([
      1,
    ]);
  });
  it('is unmet with no organisations, and unknown ids do not count', () => {
    expect(rules(checkFormSkallkrav(validForm({ organisationIds: [] }), catalogue))).toEqual([1]);
    expect(
      rules(checkFormSkallkrav(validForm({ organisationIds: ['region-halland', 'goteborg'] }), catalogue)),
    ).toEqual([1]);
  });
});

describe('skallkrav 2: at least one target group', () => {
  it('is unmet without a target group, or with an unknown one', () => {
    expect(rules(checkFormSkallkrav(validForm({ targetGroupIds: [] }), catalogue))).toEqual([2]);
    expect(rules(checkFormSkallkrav(validForm({ targetGroupIds: ['alla'] }), catalogue))).toEqual([2]);
  });
  it('is met by any of the five target groups', () => {
    for (const g of catalogue.targetGroups) {
      expect(rules(checkFormSkallkrav(validForm({ targetGroupIds: [g.id] }), catalogue))).toEqual([]);
    }
  });
});

describe('skallkrav 3: at least one målbild parameter', () => {
  const none = { goalWordIds: [], factorIds: [], statementIds: [] };
  it('is unmet with no goal word, factor or statement', () => {
    const unmet = checkFormSkallkrav(validForm(none), catalogue);
    expect(unmet).toEqual([expect.objectContaining({ rule: 3, code: 'SKALLKRAV.MALBILD_LINK' })]);
  });
  it('is met by a goal word alone, a factor alone, or a statement alone', () => {
    expect(rules(checkFormSkallkrav(validForm({ ...none, goalWordIds: ['nara'] }), catalogue))).toEqual([]);
    expect(rules(checkFormSkallkrav(validForm({ ...none, factorIds: ['enkel'] }), catalogue))).toEqual([]);
    const statement = catalogue.factors[0]!.statements[0]!.id;
    expect(rules(checkFormSkallkrav(validForm({ ...none, statementIds: [statement] }), catalogue))).toEqual(
      [],
    );
  });
  it('does not count unknown ids', () => {
    expect(rules(checkFormSkallkrav(validForm({ ...none, goalWordIds: ['snabb'] }), catalogue))).toEqual([3]);
  });
});

describe('skallkrav 4: approved by at least one RUG participant', () => {
  it('is unmet with no stances, only declines, or only jäv', () => {
    expect(rules(checkApprovalSkallkrav(tally([])))).toEqual([4]);
    expect(rules(checkApprovalSkallkrav(tally([stance('a', 'decline'), stance('b', 'jav')])))).toEqual([4]);
  });
  it('is met by one approval, whatever others say', () => {
    expect(rules(checkApprovalSkallkrav(tally([stance('a', 'decline'), stance('b', 'approve')])))).toEqual(
      [],
    );
  });
  it('excludes jäv from the tally', () => {
    const t = tally([
      stance('a', 'approve'),
      stance('b', 'jav'),
      stance('c', 'approve'),
      stance('d', 'decline'),
    ]);
    expect(t).toEqual({ approve: 2, decline: 1, jav: 1, approvedBy: ['a', 'c'] });
  });
});

describe('the full check', () => {
  it('returns every unmet rule at once, never just false', () => {
    const empty = validForm({
      organisationIds: [],
      targetGroupIds: [],
      goalWordIds: [],
      factorIds: [],
      statementIds: [],
    });
    const unmet = checkSkallkrav(empty, tally([]), catalogue);
    expect(rules(unmet)).toEqual([1, 2, 3, 4]);
    for (const u of unmet) {
      expect(u.code).toMatch(/^SKALLKRAV\./);
      expect(u.message.sv.length).toBeGreaterThan(10);
      expect(u.message.en.length).toBeGreaterThan(10);
    }
  });
  it('is empty when all four are met', () => {
    expect(checkSkallkrav(validForm(), tally([stance('a', 'approve')]), catalogue)).toEqual([]);
  });
});
