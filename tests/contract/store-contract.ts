/**
 * The contract every store adapter must pass (SQLite now, SharePoint over the Graph fake later).
 * It pins down SharePoint semantics: versions (eTags), unique keys, idempotent create, cursor paging
 * past the 5,000-item threshold, and an append-only audit trail.
 */
import { randomUUID } from 'node:crypto';
import type { Store } from '../../src/app/ports/store.port';
import { ConflictError, NotFoundError } from '../../src/app/ports/store.errors';
import type { InitiativeIndex } from '../../src/app/ports/initiative-repository.port';
import type { Initiative } from '../../src/domain/initiative/initiative.types';
import type { AuditEvent } from '../../src/domain/audit/audit-event';
import { anna, newInitiative } from '../support/fixtures';
import { describeMeetingContract } from './meeting-contract';

export interface StoreContractOptions {
  /** A fresh, empty store. */
  open(): Promise<Store>;
  /** A second handle on the same data, as another instance of the app would have (optional). */
  openSecond?(first: Store): Promise<Store>;
  /** Creates many initiatives fast for the paging case (defaults to one create per item). */
  bulkCreate?(store: Store, items: ReturnType<typeof newInitiative>[]): Promise<void>;
}

async function listAll(store: Store, index: InitiativeIndex, limit: number): Promise<Initiative[]> {
  const all: Initiative[] = [];
  let cursor: string | null = null;
  do {
    const page = await store.initiatives.list(index, { cursor, limit });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

function event(initiativeId: string, kind: AuditEvent['kind'], n: number): AuditEvent {
  return {
    id: randomUUID(),
    initiativeId,
    kind,
    at: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
    actor: { objectId: anna.objectId, name: anna.name },
    after: { n },
  };
}

export function describeStoreContract(name: string, opts: StoreContractOptions): void {
  describe(`store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await opts.open();
    });
    afterEach(async () => {
      await store.close();
    });

    describe('initiatives', () => {
      it('stores and reads back an initiative by id and by reference', async () => {
        const input = newInitiative({ ref: 'OH-2026-0001', status: 'submitted' });
        const { initiative, created } = await store.initiatives.create(input);
        expect(created).toBe(true);
        expect(initiative.version).toEqual(expect.any(String));
        const byId = await store.initiatives.get(input.id);
        expect(byId).toEqual({ ...input, version: initiative.version });
        expect((await store.initiatives.getByRef('OH-2026-0001'))?.id).toBe(input.id);
        expect(await store.initiatives.get(randomUUID())).toBeNull();
        expect(await store.initiatives.getByRef('OH-2026-9999')).toBeNull();
      });

      it('creates idempotently: the same client key twice gives the same initiative', async () => {
        const first = newInitiative();
        const again = newInitiative({
          clientKey: first.clientKey,
          form: { ...first.form, title: 'Annan titel' },
        });
        const a = await store.initiatives.create(first);
        const b = await store.initiatives.create(again);
        expect(b.created).toBe(false);
        expect(b.initiative.id).toBe(a.initiative.id);
        expect(b.initiative.form.title).toBe(first.form.title);
        const all = await listAll(store, { by: 'all' }, 50);
        expect(all).toHaveLength(1);
      });

      it('creates idempotently under concurrent retries', async () => {
        const base = newInitiative();
        const results = await Promise.all(
          Array.from({ length: 5 }, () => store.initiatives.create({ ...base, id: randomUUID() })),
        );
        expect(new Set(results.map((r) => r.initiative.id)).size).toBe(1);
        expect(results.filter((r) => r.created)).toHaveLength(1);
        expect(await listAll(store, { by: 'all' }, 50)).toHaveLength(1);
      });

      it('refuses a reference number that is already taken', async () => {
        await store.initiatives.create(newInitiative({ ref: 'OH-2026-0002' }));
        await expect(store.initiatives.create(newInitiative({ ref: 'OH-2026-0002' }))).rejects.toBeInstanceOf(
          ConflictError,
        );
        expect(await listAll(store, { by: 'all' }, 50)).toHaveLength(1);
      });

      it('updates with the current version and gives a new version', async () => {
        const { initiative } = await store.initiatives.create(newInitiative());
        const saved = await store.initiatives.update({
          ...initiative,
          status: 'submitted',
          ref: 'OH-2026-0003',
        });
        expect(saved.version).not.toBe(initiative.version);
        const read = await store.initiatives.get(initiative.id);
        expect(read?.status).toBe('submitted');
        expect(read?.version).toBe(saved.version);
        expect((await store.initiatives.getByRef('OH-2026-0003'))?.id).toBe(initiative.id);
      });

      it('refuses a stale write with a Conflict and keeps the winner', async () => {
        const { initiative } = await store.initiatives.create(newInitiative());
        await store.initiatives.update({ ...initiative, form: { ...initiative.form, title: 'Vinnare' } });
        const stale = store.initiatives.update({
          ...initiative,
          form: { ...initiative.form, title: 'Förlorare' },
        });
        await expect(stale).rejects.toBeInstanceOf(ConflictError);
        expect((await store.initiatives.get(initiative.id))?.form.title).toBe('Vinnare');
      });

      it('lets exactly one of several concurrent conflicting writes win', async () => {
        const { initiative } = await store.initiatives.create(newInitiative());
        const writes = Array.from({ length: 6 }, (_, n) =>
          store.initiatives.update({ ...initiative, form: { ...initiative.form, title: `Skrivare ${n}` } }),
        );
        const settled = await Promise.allSettled(writes);
        const won = settled.filter((s) => s.status === 'fulfilled');
        const lost = settled.filter((s) => s.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(5);
        for (const l of lost) expect((l as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
        const winner = (won[0] as PromiseFulfilledResult<Initiative>).value;
        expect((await store.initiatives.get(initiative.id))?.form.title).toBe(winner.form.title);
      });

      it('says NotFound when updating an initiative that does not exist', async () => {
        const ghost = { ...newInitiative(), version: '1' };
        await expect(store.initiatives.update(ghost)).rejects.toBeInstanceOf(NotFoundError);
      });

      it('filters on one indexed value: status, initiator, year', async () => {
        const bob = { ...anna, objectId: randomUUID(), name: 'Bo Ek' };
        await store.initiatives.create(
          newInitiative({ status: 'submitted', submittedAt: '2025-05-05T10:00:00.000Z' }),
        );
        await store.initiatives.create(newInitiative({ status: 'draft', initiator: bob }));
        await store.initiatives.create(
          newInitiative({ status: 'submitted', initiator: bob, submittedAt: '2026-02-02T10:00:00.000Z' }),
        );
        expect(await listAll(store, { by: 'status', value: 'submitted' }, 10)).toHaveLength(2);
        expect(await listAll(store, { by: 'initiator', value: bob.objectId }, 10)).toHaveLength(2);
        const y2025 = await listAll(store, { by: 'year', value: 2025 }, 10);
        expect(y2025.map((i) => i.initiator.name)).toEqual([anna.name]);
        expect(await listAll(store, { by: 'status', value: 'closed' }, 10)).toHaveLength(0);
      });

      it('moves an initiative between index values when it is updated', async () => {
        const { initiative } = await store.initiatives.create(newInitiative({ status: 'draft' }));
        await store.initiatives.update({ ...initiative, status: 'submitted' });
        expect(await listAll(store, { by: 'status', value: 'draft' }, 10)).toHaveLength(0);
        expect(await listAll(store, { by: 'status', value: 'submitted' }, 10)).toHaveLength(1);
      });

      it('lists the initiatives that hold pending records, and drops them once cleared', async () => {
        const records = {
          events: [event('p1', 'submitted', 1)],
          notifications: [],
        };
        const { initiative } = await store.initiatives.create(newInitiative({ pendingRecords: records }));
        const plain = (await store.initiatives.create(newInitiative())).initiative;
        const pending = async () =>
          (await store.initiatives.list({ by: 'pending' }, { limit: 1000 })).items.map((i) => i.id);
        expect(await pending()).toContain(initiative.id);
        expect(await pending()).not.toContain(plain.id);
        const read = (await store.initiatives.get(initiative.id))!;
        expect(read.pendingRecords).toEqual(records);
        await store.initiatives.update({ ...read, pendingRecords: { events: [], notifications: [] } });
        expect(await pending()).not.toContain(initiative.id);
      });

      it('pages through 6,000 initiatives with cursors: none lost, none twice, oldest first', async () => {
        const items = Array.from({ length: 6000 }, (_, n) =>
          newInitiative({
            status: n % 3 === 0 ? 'submitted' : 'draft',
            form: { ...newInitiative().form, title: `Initiativ ${n}` },
          }),
        );
        if (opts.bulkCreate) await opts.bulkCreate(store, items);
        else for (const i of items) await store.initiatives.create(i);
        const all = await listAll(store, { by: 'all' }, 1000);
        expect(all).toHaveLength(6000);
        expect(new Set(all.map((i) => i.id)).size).toBe(6000);
        expect(all.map((i) => i.form.title)).toEqual(items.map((i) => i.form.title));
        const submitted = await listAll(store, { by: 'status', value: 'submitted' }, 700);
        expect(submitted).toHaveLength(2000);
        expect(submitted.every((i) => i.status === 'submitted')).toBe(true);
      }, 300_000);

      it('keeps a cursor valid while new initiatives arrive', async () => {
        for (let n = 0; n < 5; n++) await store.initiatives.create(newInitiative());
        const first = await store.initiatives.list({ by: 'all' }, { limit: 3 });
        await store.initiatives.create(newInitiative());
        const rest = await store.initiatives.list({ by: 'all' }, { cursor: first.nextCursor, limit: 10 });
        const ids = [...first.items, ...rest.items].map((i) => i.id);
        expect(ids).toHaveLength(6);
        expect(new Set(ids).size).toBe(6);
      });
    });

    describe('stances', () => {
      const stance = (
        initiativeId: string,
        memberId: string,
        kind: 'approve' | 'decline' | 'jav' = 'approve',
      ) => ({
        initiativeId,
        memberId,
        memberName: `Ledamot ${memberId.slice(0, 4)}`,
        stance: kind,
        comment: '',
        at: '2026-03-02T10:00:00.000Z',
      });

      it('keeps one stance per member per initiative', async () => {
        const first = await store.stances.put(stance('i1', 'm1'), null);
        await expect(store.stances.put(stance('i1', 'm1', 'decline'), null)).rejects.toBeInstanceOf(
          ConflictError,
        );
        await store.stances.put(stance('i2', 'm1'), null);
        expect(await store.stances.listFor('i1')).toEqual([first]);
      });

      it('changes a stance with the current version and refuses a stale one', async () => {
        const first = await store.stances.put(stance('i1', 'm1'), null);
        const changed = await store.stances.put(stance('i1', 'm1', 'jav'), first.version);
        expect(changed.stance).toBe('jav');
        await expect(store.stances.put(stance('i1', 'm1', 'decline'), first.version)).rejects.toBeInstanceOf(
          ConflictError,
        );
        expect((await store.stances.get('i1', 'm1'))?.stance).toBe('jav');
        expect(await store.stances.get('i1', 'nobody')).toBeNull();
      });

      it('records nine members acting at the same moment as nine stances', async () => {
        await Promise.all(
          Array.from({ length: 9 }, (_, n) => store.stances.put(stance('i9', `member-${n}`), null)),
        );
        const all = await store.stances.listFor('i9');
        expect(all).toHaveLength(9);
        expect(new Set(all.map((s) => s.memberId)).size).toBe(9);
      });
    });

    describe('reads a vote needs', () => {
      it('reads an initiative with all its stances together, and nothing for an unknown id', async () => {
        const { initiative } = await store.initiatives.create(newInitiative({ status: 'submitted' }));
        for (const memberId of ['m1', 'm2'])
          await store.stances.put(
            {
              initiativeId: initiative.id,
              memberId,
              memberName: memberId,
              stance: 'jav',
              comment: '',
              at: initiative.createdAt,
            },
            null,
          );
        const both = await store.readInitiativeWithStances(initiative.id);
        expect(both.initiative).toEqual(initiative);
        expect(both.stances.map((s) => s.memberId).sort()).toEqual(['m1', 'm2']);
        expect(await store.readInitiativeWithStances(randomUUID())).toEqual({
          initiative: null,
          stances: [],
        });
      });
    });

    describe('audit log', () => {
      it('appends and lists events of one initiative in order, with paging', async () => {
        const events = Array.from({ length: 7 }, (_, n) => event('a1', 'edited', n));
        for (const e of events) await store.audit.append(e);
        await store.audit.append(event('other', 'created', 99));
        const page1 = await store.audit.list('a1', { limit: 4 });
        const page2 = await store.audit.list('a1', { cursor: page1.nextCursor, limit: 4 });
        expect(page2.nextCursor).toBeNull();
        expect([...page1.items, ...page2.items]).toEqual(events);
      });

      it('is append-only: an event id can be written once and never replaced', async () => {
        const e = event('a2', 'submitted', 1);
        await store.audit.append(e);
        await expect(store.audit.append({ ...e, kind: 'withdrawn' })).rejects.toBeInstanceOf(ConflictError);
        const { items } = await store.audit.list('a2');
        expect(items).toEqual([e]);
      });
    });

    describe('reference counter', () => {
      it('hands out increasing numbers per year, never the same twice under concurrency', async () => {
        expect(await store.counters.next(2026)).toBe(1);
        expect(await store.counters.next(2026)).toBe(2);
        expect(await store.counters.next(2027)).toBe(1);
        const many = await Promise.all(Array.from({ length: 20 }, () => store.counters.next(2026)));
        expect(new Set(many).size).toBe(20);
        expect(Math.min(...many)).toBe(3);
        expect(Math.max(...many)).toBe(22);
      });
    });

    describe('conversation references', () => {
      it('saves, replaces and reads conversation references', async () => {
        const ref = {
          key: 'user:abc',
          conversationId: 'a:1',
          serviceUrl: 'https://smba.trafficmanager.net/emea/',
          tenantId: anna.tenantId,
          conversationType: 'personal' as const,
          updatedAt: '2026-01-01T00:00:00.000Z',
        };
        await store.conversations.save(ref);
        await store.conversations.save({ ...ref, conversationId: 'a:2' });
        expect(await store.conversations.get('user:abc')).toEqual({ ...ref, conversationId: 'a:2' });
        expect(await store.conversations.get('user:none')).toBeNull();
      });
    });

    describe('role assignments', () => {
      const grant = (role: 'rug_chair' | 'admin', objectId: string, from: string) => ({
        id: `${role}|${objectId}|${from}`,
        role,
        holder: { objectId, name: `Person ${objectId}` },
        from,
        grantedBy: { objectId: anna.objectId, name: anna.name },
        grantedAt: `${from}T08:00:00.000Z`,
        until: null,
        endedBy: null,
        endedAt: null,
      });

      it('keeps every assignment, current and ended, oldest grant first, one per id', async () => {
        const first = await store.roles.put(grant('rug_chair', 'p1', '2026-01-01'), null);
        await store.roles.put(grant('admin', 'p2', '2026-02-01'), null);
        await expect(store.roles.put(grant('rug_chair', 'p1', '2026-01-01'), null)).rejects.toMatchObject({
          reason: 'duplicate',
        });
        const ended = await store.roles.put(
          {
            ...grant('rug_chair', 'p1', '2026-01-01'),
            until: '2026-03-01',
            endedAt: '2026-03-01T08:00:00.000Z',
            endedBy: { objectId: anna.objectId, name: anna.name },
          },
          first.version,
        );
        expect(ended.version).not.toBe(first.version);
        const all = await store.roles.list();
        expect(all.map((a) => [a.id, a.until])).toEqual([
          ['rug_chair|p1|2026-01-01', '2026-03-01'],
          ['admin|p2|2026-02-01', null],
        ]);
        expect(await store.roles.get('rug_chair|p1|2026-01-01')).toEqual(ended);
        expect(await store.roles.get('rug_chair|nobody|2026-01-01')).toBeNull();
      });

      it('refuses ending an assignment with a stale version', async () => {
        const first = await store.roles.put(grant('admin', 'p3', '2026-01-01'), null);
        await store.roles.put({ ...grant('admin', 'p3', '2026-01-01'), until: '2026-02-01' }, first.version);
        await expect(
          store.roles.put({ ...grant('admin', 'p3', '2026-01-01'), until: '2026-05-01' }, first.version),
        ).rejects.toBeInstanceOf(ConflictError);
        expect((await store.roles.get('admin|p3|2026-01-01'))?.until).toBe('2026-02-01');
      });
    });

    describe('configuration revisions', () => {
      const rev = (kind: 'catalogue' | 'settings', revision: number, changeId = `c-${kind}-${revision}`) => ({
        kind,
        revision,
        data: { revision, text: 'Överenskommelse – 2022–2024' },
        changeId,
        savedAt: '2026-12-01T10:00:00.000Z',
        savedBy: { objectId: 'admin', name: 'Johan Berg' },
        events: [],
      });

      it('keeps each kind’s revisions in order, refuses a second revision n, and reads what came after one', async () => {
        await store.configuration.append(rev('catalogue', 1));
        await store.configuration.append(rev('settings', 1));
        await store.configuration.append(rev('catalogue', 2));
        await expect(store.configuration.append(rev('catalogue', 2, 'another change'))).rejects.toMatchObject(
          {
            name: 'ConflictError',
          },
        );
        expect(await store.configuration.after('catalogue', 0)).toEqual([
          rev('catalogue', 1),
          rev('catalogue', 2),
        ]);
        expect(await store.configuration.after('catalogue', 1)).toEqual([rev('catalogue', 2)]);
        expect(await store.configuration.after('catalogue', 2)).toEqual([]);
        expect(await store.configuration.after('settings', 0)).toEqual([rev('settings', 1)]);
        await store.configuration.append(rev('catalogue', 3));
        expect(await store.configuration.latest('catalogue', 2)).toEqual([
          rev('catalogue', 2),
          rev('catalogue', 3),
        ]);
        expect(await store.configuration.latest('settings', 5)).toEqual([rev('settings', 1)]);
      });
    });

    describe('outbox', () => {
      const note = (id: string, createdAt: string) => ({
        id,
        kind: 'endorsed' as const,
        initiativeId: 'i1',
        recipient: { type: 'user' as const, objectId: anna.objectId },
        data: { memberName: 'Ledamot' },
        createdAt,
      });

      it('keeps notifications until delivered, oldest first, once per id', async () => {
        await store.outbox.enqueue(note('n1', '2026-01-01T10:00:00.000Z'));
        await store.outbox.enqueue(note('n2', '2026-01-01T10:00:01.000Z'));
        await store.outbox.enqueue(note('n1', '2026-01-01T10:00:00.000Z'));
        const due = await store.outbox.due(new Date('2026-01-01T11:00:00.000Z'), 10);
        expect(due.map((e) => e.notification.id)).toEqual(['n1', 'n2']);
        expect(due[0]!.notification).toEqual(note('n1', '2026-01-01T10:00:00.000Z'));
        await store.outbox.markSent(due[0]!, new Date('2026-01-01T11:00:00.000Z'));
        const left = await store.outbox.due(new Date('2026-01-01T11:00:00.000Z'), 10);
        expect(left.map((e) => e.notification.id)).toEqual(['n2']);
      });

      it('retries a failed send later and lets only one instance handle an entry', async () => {
        await store.outbox.enqueue(note('n3', '2026-01-01T10:00:00.000Z'));
        const [entry] = await store.outbox.due(new Date('2026-01-01T10:00:00.000Z'), 10);
        const claimed = await store.outbox.claim(entry!, new Date('2026-01-01T10:02:00.000Z'));
        expect(claimed).toMatchObject({ attempts: 1, nextAttemptAt: '2026-01-01T10:02:00.000Z' });
        await expect(store.outbox.claim(entry!, new Date('2026-01-01T10:03:00.000Z'))).rejects.toBeInstanceOf(
          ConflictError,
        );
        expect(await store.outbox.due(new Date('2026-01-01T10:01:00.000Z'), 10)).toEqual([]);
        await store.outbox.markFailed(claimed, 'connector 502', new Date('2026-01-01T10:05:00.000Z'));
        expect(await store.outbox.due(new Date('2026-01-01T10:04:59.000Z'), 10)).toEqual([]);
        const [again] = await store.outbox.due(new Date('2026-01-01T10:05:00.000Z'), 10);
        expect(again).toMatchObject({ attempts: 1, lastError: 'connector 502', sentAt: null });
        await expect(store.outbox.markSent(claimed, new Date())).rejects.toBeInstanceOf(ConflictError);
        await store.outbox.markSent(again!, new Date('2026-01-01T10:05:01.000Z'));
        expect(await store.outbox.due(new Date('2026-01-02T00:00:00.000Z'), 10)).toEqual([]);
      });
    });

    describe('records written together', () => {
      it('appends the audit events and queues the notifications of one change', async () => {
        const events = [event('t1', 'stance_set', 1), event('t1', 'endorsed', 2)];
        const notes = ['endorsed', 'refresh_cards'].map((kind, n) => ({
          id: `together-${n}`,
          kind: kind as 'endorsed' | 'refresh_cards',
          initiativeId: 't1',
          recipient: { type: 'user' as const, objectId: anna.objectId },
          data: {},
          createdAt: `2026-01-01T10:00:0${n}.000Z`,
        }));
        await store.recordTogether(events, notes);
        await store.recordTogether([], []);
        expect((await store.audit.list('t1')).items).toEqual(events);
        const due = await store.outbox.due(new Date('2026-01-02T00:00:00.000Z'), 10);
        expect(due.map((d) => d.notification)).toEqual(notes);
        // Written again (a replay after a fault): one record per id, and the first one is never
        // replaced — even by a different text under the same id (append-only).
        await store.recordTogether([{ ...events[0]!, kind: 'closed' }], [{ ...notes[0]!, kind: 'decided' }]);
        expect((await store.audit.list('t1')).items).toEqual(events);
        const again = await store.outbox.due(new Date('2026-01-02T00:00:00.000Z'), 10);
        expect(again.map((d) => d.notification)).toEqual(notes);
        // A single append of a taken id is still refused.
        await expect(store.audit.append({ ...events[0]!, kind: 'closed' })).rejects.toBeInstanceOf(
          ConflictError,
        );
      });
    });

    describe('health', () => {
      it('answers ping and names a schema version', async () => {
        await expect(store.ping()).resolves.toBeUndefined();
        expect(await store.schemaVersion()).toMatch(/\S/);
      });
    });

    describeMeetingContract(() => store, opts.openSecond);

    if (opts.openSecond) {
      const openSecond = opts.openSecond;
      describe('two instances on the same data', () => {
        it('sees the other instance’s writes and loses stale writes to it', async () => {
          const other = await openSecond(store);
          try {
            const { initiative } = await store.initiatives.create(newInitiative());
            const seen = await other.initiatives.get(initiative.id);
            expect(seen?.id).toBe(initiative.id);
            await other.initiatives.update({ ...seen!, status: 'submitted' });
            await expect(
              store.initiatives.update({ ...initiative, status: 'withdrawn' }),
            ).rejects.toBeInstanceOf(ConflictError);
            const again = await other.initiatives.create({
              ...newInitiative(),
              clientKey: initiative.clientKey,
            });
            expect(again).toMatchObject({ created: false, initiative: { id: initiative.id } });
            // Unique across instances; SharePoint reserves numbers in blocks per instance, so they
            // need not be consecutive (README, "Reference numbers").
            const numbers = await Promise.all([store.counters.next(2030), other.counters.next(2030)]);
            expect(new Set(numbers).size).toBe(2);
            expect(Math.min(...numbers)).toBe(1);
          } finally {
            await other.close();
          }
        });
      });
    }
  });
}
