/** The per-turn read cache: a record read twice in a turn is fetched once; stale writes re-read. */
import { openSqliteStore } from '../../src/adapters/sqlite/sqlite-store';
import { ConflictError } from '../../src/app/ports/store.errors';
import type { Store } from '../../src/app/ports/store.port';
import { withTurnCache } from '../../src/app/turn-reads';
import { newInitiative } from '../support/fixtures';

let base: Store;
let reads: string[];
beforeEach(() => {
  base = openSqliteStore(':memory:');
  reads = [];
});
afterEach(() => base.close());

/** The store with every read it answers recorded. */
function counted(store: Store): Store {
  return {
    ...store,
    initiatives: {
      ...store.initiatives,
      get: (id) => (reads.push('get'), store.initiatives.get(id)),
      create: (i) => store.initiatives.create(i),
      update: (i) => store.initiatives.update(i),
      getByRef: (r) => store.initiatives.getByRef(r),
      list: (x, p) => store.initiatives.list(x, p),
    },
    stances: {
      put: (s, v) => store.stances.put(s, v),
      get: (a, b) => (reads.push('stance'), store.stances.get(a, b)),
      listFor: (id) => (reads.push('stances'), store.stances.listFor(id)),
      listPending: (n) => store.stances.listPending(n),
    },
    readInitiativeWithStances: (id) => (reads.push('together'), store.readInitiativeWithStances(id)),
  };
}

const stance = (initiativeId: string, memberId: string) => ({
  initiativeId,
  memberId,
  memberName: memberId,
  stance: 'approve' as const,
  comment: '',
  at: '2026-03-02T10:00:00.000Z',
});

it('reads an initiative and its stances once per turn, in one go, and keeps the turn’s own writes', async () => {
  const { initiative } = await base.initiatives.create(newInitiative({ status: 'submitted' }));
  await base.stances.put(stance(initiative.id, 'm1'), null);
  const turn = withTurnCache(counted(base));
  expect((await turn.initiatives.get(initiative.id))?.id).toBe(initiative.id);
  expect(await turn.stances.listFor(initiative.id)).toHaveLength(1);
  expect(await turn.stances.get(initiative.id, 'm1')).toMatchObject({ memberId: 'm1' });
  expect(reads).toEqual(['together']);
  await turn.stances.put(stance(initiative.id, 'm2'), null);
  const saved = await turn.initiatives.update({ ...initiative, status: 'in_preparation' });
  expect((await turn.stances.listFor(initiative.id)).map((s) => s.memberId).sort()).toEqual(['m1', 'm2']);
  expect(await turn.initiatives.get(initiative.id)).toEqual(saved);
  expect(reads).toEqual(['together']);
  // A new turn starts empty.
  await withTurnCache(counted(base)).initiatives.get(initiative.id);
  expect(reads).toEqual(['together', 'together']);
});

it('forgets a record whose write was refused as stale, so the retry reads the store', async () => {
  const { initiative } = await base.initiatives.create(newInitiative({ status: 'submitted' }));
  const turn = withTurnCache(counted(base));
  const seen = (await turn.initiatives.get(initiative.id))!;
  await base.initiatives.update({ ...seen, status: 'withdrawn' }); // another instance wins
  await expect(turn.initiatives.update({ ...seen, status: 'in_preparation' })).rejects.toBeInstanceOf(
    ConflictError,
  );
  expect((await turn.initiatives.get(initiative.id))?.status).toBe('withdrawn');
  // Read again from the store (with its stances, in one go).
  expect(reads).toEqual(['together', 'together']);
});
