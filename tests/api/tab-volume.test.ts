/**
 * With 10,000 initiatives the list stays quick: the API reads one indexed query, refines in memory
 * and sends one page of 50 rows, so the tab renders 50 rows whatever the volume.
 */
import type { InitiativePage } from '../../src/contracts/tab-api';
import { startApiServer, type ApiServer } from '../tab/support/api-server';
import { seed, USERS } from '../tab/support/seed';

jest.setTimeout(180_000);
let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer();
  await seed(api.deps, { count: 10_000, seed: 11 });
});
afterAll(() => api.close());

async function timed(path: string): Promise<{ ms: number; page: InitiativePage }> {
  const started = performance.now();
  const res = await api.get(path, USERS.per);
  expect(res.status).toBe(200);
  return { ms: performance.now() - started, page: res.body as InitiativePage };
}

it('serves pages, filters and search over 10,000 initiatives within a second each', async () => {
  const first = await timed('/api/initiatives?sort=-updated&limit=50');
  expect(first.page.items).toHaveLength(50);
  expect(first.page.total).toBeGreaterThan(9000);
  const later = await timed(`/api/initiatives?sort=-updated&limit=50&cursor=${first.page.nextCursor}`);
  expect(later.page.items[0]!.id).not.toBe(first.page.items[0]!.id);
  const filtered = await timed('/api/initiatives?status=in_implementation&organisation=hylte&q=hemg%C3%A5ng');
  expect(filtered.page.items.every((i) => i.status === 'in_implementation')).toBe(true);
  const stats = await api.get('/api/stats', USERS.per);
  expect(stats.status).toBe(200);
  const figures = { first: first.ms, next: later.ms, filtered: filtered.ms };
  process.stdout.write(
    `list over 10,000 initiatives (ms): ${JSON.stringify(figures, (_, v: unknown) => (typeof v === 'number' ? Math.round(v) : v))}\n`,
  );
  for (const ms of Object.values(figures)) expect(ms).toBeLessThan(1000);
});
