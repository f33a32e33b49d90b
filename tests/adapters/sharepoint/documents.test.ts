/**
 * The document library on the Graph fake: provisioning creates it as a library (not a list), and a
 * second filing of a path keeps the first copy (conflictBehavior=fail), as justered records demand.
 */
import { openOnFake, provisionedSite } from './sharepoint-test-kit';
import { filedBytes } from '../../support/graph-fake/fake-drives';
import { type GraphFake, startGraphFake } from '../../support/graph-fake/graph-fake';

let fake: GraphFake;
beforeAll(async () => {
  fake = await startGraphFake();
});
afterAll(() => fake.close());

it('files minutes in the OmtankeProtokoll library once, keeping the first copy', async () => {
  const site = await provisionedSite(fake);
  const library = [...site.lists.values()].find((l) => l.displayName === 'OmtankeProtokoll');
  expect(library?.template).toBe('documentLibrary');
  const store = await openOnFake(fake, site);
  const path = 'rug-2026/2026-04-15-ab12cd34/protokoll-2026-04-15.pdf';
  await store.documents.file({ path, contentType: 'application/pdf', bytes: Buffer.from('%PDF först') });
  await store.documents.file({ path, contentType: 'application/pdf', bytes: Buffer.from('%PDF sedan') });
  expect(filedBytes(site, path)?.toString()).toBe('%PDF först');
  expect(await store.documents.has(path)).toBe(true);
  await store.close();
});
