import { formatReference, parseReference } from '../../../src/domain/initiative/reference';
import { diff } from '../../../src/domain/audit/audit-event';
import { actorsOf } from '../../../src/domain/policy/policy';
import { BadRequestError } from '../../../src/domain/shared/domain.errors';
import { anna } from '../../support/fixtures';
import { newInitiative } from '../../support/fixtures';

describe('reference numbers', () => {
  it('formats with a four-digit, zero-padded sequence', () => {
    expect(formatReference(2026, 7)).toBe('OH-2026-0007');
    expect(formatReference(2026, 12345)).toBe('OH-2026-12345');
  });
  it('refuses nonsense', () => {
    expect(() => formatReference(2026, 0)).toThrow(BadRequestError);
    expect(() => formatReference(26, 1)).toThrow(BadRequestError);
  });
  it('parses what people type', () => {
    expect(parseReference(' oh-2026-0007 ')).toEqual({ year: 2026, n: 7, ref: 'OH-2026-0007' });
    expect(parseReference('OH-2026-7')).toBeNull();
    expect(parseReference('OH-2026-0000')).toBeNull();
    expect(parseReference('RS250334')).toBeNull();
  });
});

describe('audit diff', () => {
  it('keeps only what changed', () => {
    expect(diff({ a: 1, b: [1, 2], c: 'x' }, { a: 1, b: [1, 3], d: true })).toEqual({
      before: { b: [1, 2], c: 'x', d: undefined },
      after: { b: [1, 3], c: undefined, d: true },
    });
  });
});

describe('actors', () => {
  const initiative = { ...newInitiative(), version: '1' };
  const as = (objectId: string, roles: Parameters<typeof actorsOf>[0]['roles'], i = initiative) =>
    actorsOf({ objectId, roles }, i)
      .filter((a) => a !== 'anyone')
      .sort();
  it('recognises the initiator by Entra object id', () => {
    expect(as(anna.objectId, [])).toEqual(['initiator']);
    expect(as('someone-else', [])).toEqual([]);
  });
  it('makes the chair also a RUG member; Beredningsgruppen members are the preparation group', () => {
    expect(as('c', ['rug_chair'])).toEqual(['rug_chair', 'rug_member']);
    expect(as('b', ['beredning'])).toEqual(['beredning']);
  });
  it('makes the assigned preparer a preparer', () => {
    const prepared = { ...initiative, preparer: { ...anna, objectId: 'p' } };
    expect(as('p', [], prepared)).toEqual(['preparer']);
  });
});
