/**
 * The query model every store provides (store.queries): the same answers on the embedded store's
 * own tables and on the SharePoint replica. Also the freshness rule: the writer sees its change at
 * once; another instance sees it after its next catch-up (a delta round on SharePoint, nothing on a
 * shared SQLite file).
 */
import { randomUUID } from 'node:crypto';
import type { InitiativeFilter } from '../../src/app/ports/query-model.port';
import type { Store } from '../../src/app/ports/store.port';
import type { Initiative, Person } from '../../src/domain/initiative/initiative.types';
import { anna, newInitiative, validForm } from '../support/fixtures';

export interface QueryContractOptions {
  open(): Promise<Store>;
  /** A second instance on the same data, and how it catches up with others' writes. */
  openSecond?(first: Store): Promise<Store>;
  catchUp?(store: Store): Promise<void>;
}

const bo: Person = { objectId: randomUUID(), tenantId: anna.tenantId, name: 'Bo Ek' };
const all = (rest: Omit<InitiativeFilter, 'viewerId'> = {}): InitiativeFilter => ({
  viewerId: anna.objectId,
  ...rest,
});
const titles = (rows: readonly { initiative: Initiative }[]) => rows.map((r) => r.initiative.form.title);

async function seed(store: Store): Promise<Initiative[]> {
  const made: Initiative[] = [];
  const add = async (over: Parameters<typeof newInitiative>[0]) =>
    made.push((await store.initiatives.create(newInitiative(over))).initiative);
  await add({ status: 'draft', form: validForm({ title: 'Annas utkast' }) });
  await add({ status: 'draft', initiator: bo, form: validForm({ title: 'Bos utkast' }) });
  await add({
    status: 'submitted',
    ref: 'OH-2026-0001',
    submittedAt: '2026-02-01T08:00:00.000Z',
    updatedAt: '2026-02-01T08:00:00.000Z',
    form: validForm({ title: 'Hemsjukvård för äldre i Varberg', organisationIds: ['varberg'] }),
  });
  await add({
    status: 'submitted',
    ref: 'OH-2025-0002',
    initiator: bo,
    createdAt: '2025-05-01T08:00:00.000Z',
    submittedAt: '2025-05-02T08:00:00.000Z',
    updatedAt: '2026-02-03T08:00:00.000Z',
    form: validForm({
      title: 'Ökad trygghet vid utskrivning',
      background: 'Café-träffar för anhöriga',
      organisationIds: ['halmstad'],
      targetGroupIds: ['barn-unga'],
      goalWordIds: [],
    }),
  });
  await add({
    status: 'in_preparation',
    ref: 'OH-2026-0003',
    submittedAt: '2026-01-10T08:00:00.000Z',
    updatedAt: '2026-02-02T08:00:00.000Z',
    form: validForm({ title: 'Äldres munhälsa' }),
  });
  return made;
}

export function describeQueryContract(name: string, opts: QueryContractOptions): void {
  describe(`query model: ${name}`, () => {
    let store: Store;
    let made: Initiative[];
    beforeEach(async () => {
      store = await opts.open();
      made = await seed(store);
    });
    afterEach(async () => {
      await store.close();
    });

    it('leaves out drafts unless asked, and never shows another person’s draft', async () => {
      expect(titles(await store.queries.rows(all()))).not.toContain('Annas utkast');
      const mine = await store.queries.rows(all({ includeDrafts: true, initiatorId: anna.objectId }));
      expect(titles(mine)).toContain('Annas utkast');
      const everything = await store.queries.rows(all({ includeDrafts: true }));
      expect(titles(everything)).not.toContain('Bos utkast');
      expect(everything).toHaveLength(4);
    });

    it('finds the initiative a form card made by its client key, a draft included', async () => {
      const draft = made.find((i) => i.form.title === 'Annas utkast')!;
      const found = await store.queries.rows(
        all({ includeDrafts: true, initiatorId: anna.objectId, clientKey: draft.clientKey }),
      );
      expect(found.map((r) => r.initiative.id)).toEqual([draft.id]);
      expect(await store.queries.rows(all({ includeDrafts: true, clientKey: 'no-such-key' }))).toEqual([]);
    });

    it('filters on status, organisation, målbild and year, and pages in a stable order', async () => {
      expect(
        titles(await store.queries.rows(all({ statuses: ['submitted'], organisation: 'halmstad' }))),
      ).toEqual(['Ökad trygghet vid utskrivning']);
      expect(await store.queries.rows(all({ malbild: 'sammanhallen' }))).toHaveLength(2);
      expect(titles(await store.queries.rows(all({ year: 2025 })))).toEqual([
        'Ökad trygghet vid utskrivning',
      ]);
      const byTitle = await store.queries.page(all(), { by: 'title', desc: false }, 0, 2);
      expect(byTitle.total).toBe(3);
      expect(titles(byTitle.rows)).toEqual(['Hemsjukvård för äldre i Varberg', 'Äldres munhälsa']);
      const rest = await store.queries.page(all(), { by: 'title', desc: false }, 2, 2);
      expect(titles(rest.rows)).toEqual(['Ökad trygghet vid utskrivning']);
      const byUpdated = await store.queries.page(all(), { by: 'updated', desc: true }, 0, 1);
      expect(titles(byUpdated.rows)).toEqual(['Ökad trygghet vid utskrivning']);
    });

    it('searches substrings of words with Swedish folding, and treats search text as plain text', async () => {
      expect(titles(await store.queries.rows(all({ text: 'SJUKVÅRD' })))).toEqual([
        'Hemsjukvård för äldre i Varberg',
      ]);
      expect(titles(await store.queries.rows(all({ text: 'cafe' })))).toEqual([
        'Ökad trygghet vid utskrivning',
      ]);
      expect(await store.queries.rows(all({ text: 'aldre' }))).toHaveLength(0);
      expect(titles(await store.queries.rows(all({ text: 'oh-2025' })))).toEqual([
        'Ökad trygghet vid utskrivning',
      ]);
      expect(await store.queries.rows(all({ text: 'i "x OR * NEAR(' }))).toHaveLength(0);
      expect(await store.queries.rows(all({ text: '%' }))).toHaveLength(0);
    });

    it('keeps the approval tally and who has voted with each row', async () => {
      const submitted = made[2]!;
      const stance = (memberId: string, kind: 'approve' | 'decline' | 'jav') => ({
        initiativeId: submitted.id,
        memberId,
        memberName: 'M',
        stance: kind,
        comment: '',
        at: '2026-02-05T08:00:00.000Z',
      });
      const first = await store.stances.put(stance('m1', 'approve'), null);
      await store.stances.put(stance('m2', 'jav'), null);
      let [row] = await store.queries.rows(all({ text: 'hemsjukvård' }));
      expect(row).toMatchObject({ approvals: 1 });
      expect([...row!.stanceMemberIds].sort()).toEqual(['m1', 'm2']);
      expect(
        titles(await store.queries.rows(all({ statuses: ['submitted'], withoutStanceOf: 'm1' }))),
      ).toEqual(['Ökad trygghet vid utskrivning']);
      await store.stances.put(stance('m1', 'decline'), first.version);
      [row] = await store.queries.rows(all({ text: 'hemsjukvård' }));
      expect(row).toMatchObject({ approvals: 0 });
    });

    it('counts for the overview and follows every update', async () => {
      let facts = await store.queries.stats(all());
      expect(facts.total).toBe(3);
      expect(Object.fromEntries(facts.byStatus)).toEqual({ submitted: 2, in_preparation: 1 });
      expect(facts.byOrganisation.get('halmstad')).toBe(1);
      expect(Object.fromEntries(facts.byYear)).toEqual({ '2025': 1, '2026': 2 });
      const target = made[2]!;
      await store.initiatives.update({ ...target, status: 'withdrawn' });
      facts = await store.queries.stats(all());
      expect(Object.fromEntries(facts.byStatus)).toEqual({ submitted: 1, in_preparation: 1, withdrawn: 1 });
    });

    it('finds similar candidates by whole words among the given statuses', async () => {
      const found = await store.queries.similarCandidates(['trygghet', 'munhälsa'], ['submitted'], 10);
      expect(found.map((i) => i.form.title)).toEqual(['Ökad trygghet vid utskrivning']);
      expect(await store.queries.similarCandidates(['trygg'], ['submitted'], 10)).toHaveLength(0);
    });

    if (opts.openSecond) {
      const openSecond = opts.openSecond;
      it('shows the writer its change at once and another instance after it catches up', async () => {
        const other = await openSecond(store);
        try {
          const { initiative } = await store.initiatives.create(
            newInitiative({ status: 'submitted', form: validForm({ title: 'Nytt om munvård' }) }),
          );
          expect(titles(await store.queries.rows(all({ text: 'munvård' })))).toEqual(['Nytt om munvård']);
          await opts.catchUp?.(other);
          expect(titles(await other.queries.rows(all({ text: 'munvård' })))).toEqual(['Nytt om munvård']);
          // Counts are remembered between writes; another instance's write must still show.
          expect((await store.queries.stats(all())).byStatus.get('withdrawn')).toBeUndefined();
          const total = (await store.queries.page(all(), { by: 'updated', desc: true }, 0, 1)).total;
          await other.initiatives.update({ ...initiative, status: 'withdrawn' });
          await opts.catchUp?.(store);
          expect(await store.queries.rows(all({ statuses: ['withdrawn'] }))).toHaveLength(1);
          expect((await store.queries.stats(all())).byStatus.get('withdrawn')).toBe(1);
          expect(
            (await store.queries.page(all({ statuses: ['withdrawn'] }), { by: 'updated', desc: true }, 0, 1))
              .total,
          ).toBe(1);
          expect((await store.queries.page(all(), { by: 'updated', desc: true }, 0, 1)).total).toBe(total);
        } finally {
          await other.close();
        }
      });
    }
  });
}
