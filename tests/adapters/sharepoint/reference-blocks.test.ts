/** Reference numbers in blocks: unique across instances, one counter write per block, gaps named. */
import type { SharePointStore } from '../../../src/adapters/sharepoint/sharepoint-store';
import { type GraphFake, startGraphFake } from '../../support/graph-fake/graph-fake';
import { openOnFake, provisionedSite } from './sharepoint-test-kit';

let fake: GraphFake;
beforeAll(async () => {
  fake = await startGraphFake();
});
afterAll(() => fake.close());

it('hands out unique numbers from two instances with one counter round trip pair per block', async () => {
  const site = await provisionedSite(fake);
  const a: SharePointStore = await openOnFake(fake, site, { referenceBlockSize: 5 });
  const b: SharePointStore = await openOnFake(fake, site, { referenceBlockSize: 5 });
  try {
    a.requests.reset();
    const first = await a.counters.next(2026);
    expect(first).toBe(1);
    expect(a.requests.snapshot()).toEqual({ 'counters.next': 2 });
    a.requests.reset();
    expect(await a.counters.next(2026)).toBe(2);
    expect(a.requests.total).toBe(0);
    const fromB = await b.counters.next(2026);
    expect(fromB).toBe(6); // b's block starts after a's: 3–5 stay a's, or are never used (gaps)
    const many = await Promise.all(Array.from({ length: 30 }, (_, n) => (n % 2 ? a : b).counters.next(2026)));
    const all = [first, 2, fromB, ...many];
    expect(new Set(all).size).toBe(all.length);
  } finally {
    await a.close();
    await b.close();
  }
});

it('gives gap-free numbers with a block of one', async () => {
  const site = await provisionedSite(fake);
  const a = await openOnFake(fake, site, { referenceBlockSize: 1 });
  const b = await openOnFake(fake, site, { referenceBlockSize: 1 });
  try {
    expect([await a.counters.next(2026), await b.counters.next(2026), await a.counters.next(2026)]).toEqual([
      1, 2, 3,
    ]);
  } finally {
    await a.close();
    await b.close();
  }
});
