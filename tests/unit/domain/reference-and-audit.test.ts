import { formatReference, parseReference } from '../../../src/domain/initiative/reference';
import { diff } from '../../../src/domain/audit/audit-event';
import { actorsFor } from '../../../src/domain/initiative/actors';
import { DomainError } from '../../../src/domain/shared/domain.errors';
import { anna } from '../../support/fixtures';
import { newInitiative } from '../../support/fixtures';

describe('reference numbers', () => {
  it('formats with a four-digit, zero-padded sequence', () => {
    expect(formatReference(2026, 7)).toBe('OH-2026-0007');
    expect(formatReference(2026, 12345)).toBe('OH-2026-12345');
  });
  it('refuses nonsense', () => {
    expect(() => formatReference(2026, 0)).toThrow(DomainError);
    expect(() => formatReference(26, 1)).toThrow(DomainError);
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
  it('recognises the initiator by Entra object id', () => {
    expect(actorsFor({ objectId: anna.objectId }, initiative, [])).toEqual(['initiator']);
    expect(actorsFor({ objectId: 'someone-else' }, initiative, [])).toEqual([]);
  });
  it('makes the chair also a RUG member and Beredningsgruppen preparers', () => {
    expect(actorsFor({ objectId: 'c' }, initiative, ['rug_chair']).sort()).toEqual([
      'rug_chair',
      'rug_member',
    ]);
    expect(actorsFor({ objectId: 'b' }, initiative, ['beredning'])).toEqual(['preparer']);
  });
  it('makes the assigned preparer a preparer', () => {
    const prepared = { ...initiative, preparer: { ...anna, objectId: 'p' } };
    expect(actorsFor({ objectId: 'p' }, prepared, [])).toEqual(['preparer']);
  });
});
