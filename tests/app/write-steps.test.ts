/**
 * The rules of writing a change's steps together, the same on both stores (SharePoint's own
 * `$batch` chain, SQLite's single writes): in order, each write followed by its records; records
 * only for a write that landed; nothing after a step that did not fully succeed.
 */
import { randomUUID } from 'node:crypto';
import { openSqliteStore } from '../../src/adapters/sqlite/sqlite-store';
import type { Store } from '../../src/app/ports/store.port';
import { ConflictError } from '../../src/app/ports/store.errors';
import type { WriteStep } from '../../src/app/ports/write-together.port';
import { writeSteps } from '../../src/app/use-cases/write-steps';
import type { AuditEvent } from '../../src/domain/audit/audit-event';
import type { PendingRecords } from '../../src/domain/records/pending';
import { openOnFake, provisionedSite } from '../adapters/sharepoint/sharepoint-test-kit';
import { newInitiative } from '../support/fixtures';
import { type GraphFake, startGraphFake } from '../support/graph-fake/graph-fake';

let fake: GraphFake;
beforeAll(async () => {
  fake = await startGraphFake();
});
afterAll(() => fake.close());

const event = (initiativeId: string, kind: AuditEvent['kind']): AuditEvent => ({
  id: randomUUID(),
  initiativeId,
  kind,
  at: '2026-03-01T09:00:00.000Z',
  actor: { objectId: 'x', name: 'Anna Andersson' },
});
const records = (...events: AuditEvent[]): PendingRecords => ({ events, notifications: [] });
const kinds = async (store: Store, id: string) =>
  (await store.audit.list(id)).items.map((e) => e.kind).sort();

describe.each([
  ['SQLite', async (): Promise<Store> => openSqliteStore(':memory:')],
  ['SharePoint (Graph fake)', async (): Promise<Store> => openOnFake(fake, await provisionedSite(fake))],
])('%s', (_name, open) => {
  it('writes the steps in order, each with its records', async () => {
    const store = await open();
    const draft = newInitiative();
    const created = records(event(draft.id, 'draft_saved'));
    const [a] = await writeSteps(store, [
      {
        write: { kind: 'new-initiative', initiative: { ...draft, pendingRecords: created } },
        records: created,
      },
    ]);
    expect(a).toMatchObject({
      status: 'landed',
      recordsWritten: true,
      saved: { kind: 'initiative', created: true },
    });
    const saved = a!.status === 'landed' && a!.saved.kind === 'initiative' ? a!.saved.initiative : null;
    const submitted = records(event(draft.id, 'submitted'));
    const stance = records(event(draft.id, 'stance_set'));
    const [s, i] = await writeSteps(store, [
      {
        write: {
          kind: 'stance',
          stance: {
            initiativeId: draft.id,
            memberId: 'm1',
            memberName: 'Per Nilsson',
            stance: 'approve',
            comment: '',
            at: '2026-03-01T10:00:00.000Z',
            pendingRecords: stance,
          },
          expectedVersion: null,
        },
        records: stance,
      },
      { write: { kind: 'initiative', initiative: { ...saved!, status: 'submitted' } }, records: submitted },
    ]);
    expect([s?.status, i?.status]).toEqual(['landed', 'landed']);
    expect((await store.initiatives.get(draft.id))?.status).toBe('submitted');
    expect(await kinds(store, draft.id)).toEqual(['draft_saved', 'stance_set', 'submitted']);
  });

  it('writes a change with more records than one $batch holds (20), all of them', async () => {
    const store = await open();
    const draft = newInitiative();
    const many = records(...Array.from({ length: 30 }, () => event(draft.id, 'edited')));
    const [r] = await writeSteps(store, [
      { write: { kind: 'new-initiative', initiative: { ...draft, pendingRecords: many } }, records: many },
    ]);
    expect(r).toMatchObject({ status: 'landed', recordsWritten: true });
    expect((await store.audit.list(draft.id, { limit: 100 })).items).toHaveLength(30);
  });

  it('writes no records for a write that is refused, and nothing after it', async () => {
    const store = await open();
    const { initiative } = await store.initiatives.create(newInitiative());
    await store.initiatives.update({ ...initiative, status: 'submitted' }); // `initiative` is now stale
    const stale: WriteStep = {
      write: { kind: 'initiative', initiative: { ...initiative, status: 'withdrawn' } },
      records: records(event(initiative.id, 'withdrawn')),
    };
    const other = newInitiative();
    const after: WriteStep = {
      write: { kind: 'new-initiative', initiative: other },
      records: records(event(other.id, 'draft_saved')),
    };
    const [r, next] = await writeSteps(store, [stale, after]);
    expect(r?.status === 'refused' && r.error instanceof ConflictError).toBe(true);
    expect(next?.status).toBe('skipped');
    expect((await store.initiatives.get(initiative.id))?.status).toBe('submitted');
    expect(await store.initiatives.get(other.id)).toBeNull();
    expect([await kinds(store, initiative.id), await kinds(store, other.id)]).toEqual([[], []]);
  });

  it('answers the stored initiative for a client key already taken, without its own records', async () => {
    const store = await open();
    const first = newInitiative();
    await store.initiatives.create(first);
    const again = { ...newInitiative(), clientKey: first.clientKey };
    const [r] = await writeSteps(store, [
      {
        write: { kind: 'new-initiative', initiative: again },
        records: records(event(again.id, 'submitted')),
      },
    ]);
    expect(r).toMatchObject({ status: 'landed', recordsWritten: false, saved: { created: false } });
    expect(r?.status === 'landed' && r.saved.kind === 'initiative' && r.saved.initiative.id).toBe(first.id);
    expect(await kinds(store, again.id)).toEqual([]);
  });
});
