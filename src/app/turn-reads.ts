/**
 * A per-turn read cache over the store: within one bot turn (or one request), a record read
 * twice is fetched once, and the turn's own writes replace what it remembers. Made fresh for each
 * turn and dropped after it, so nothing outlives the turn (the process stays stateless). A write
 * refused as stale forgets the record, so the retry that follows reads the store again.
 */
import type { Stance } from '../domain/approval/approval';
import type { Initiative } from '../domain/initiative/initiative.types';
import type { ConversationReference, ConversationStore } from './ports/conversation-store.port';
import type { InitiativeRepository } from './ports/initiative-repository.port';
import type { StanceRepository } from './ports/stance-repository.port';
import { ConflictError } from './ports/store.errors';
import type { Store } from './ports/store.port';
import type { StepResult, WriteStep, WriteTogether } from './ports/write-together.port';

function remember<K, V>(map: Map<K, Promise<V>>, key: K, read: () => Promise<V>): Promise<V> {
  const hit = map.get(key);
  if (hit) return hit;
  const p = read();
  map.set(key, p);
  // A failed read is not remembered: the next ask tries again.
  p.catch(() => map.delete(key));
  return p;
}

export function withTurnCache(store: Store): Store {
  const byId = new Map<string, Promise<Initiative | null>>();
  const stanceLists = new Map<string, Promise<Stance[]>>();
  const refs = new Map<string, Promise<ConversationReference | null>>();
  const keep = (i: Initiative) => byId.set(i.id, Promise.resolve(i));
  /** The first read of an initiative or its stances fetches both (one round trip on SharePoint). */
  const together = (id: string) => {
    const read = store.readInitiativeWithStances(id);
    if (!byId.has(id)) remember(byId, id, () => read.then((r) => r.initiative));
    if (!stanceLists.has(id)) remember(stanceLists, id, () => read.then((r) => r.stances));
  };

  const initiatives: InitiativeRepository = {
    async create(i) {
      const result = await store.initiatives.create(i);
      keep(result.initiative);
      return result;
    },
    get: (id) => {
      if (!byId.has(id)) together(id);
      return remember(byId, id, () => store.initiatives.get(id));
    },
    getByRef: (ref) => store.initiatives.getByRef(ref),
    async update(i) {
      try {
        const saved = await store.initiatives.update(i);
        keep(saved);
        return saved;
      } catch (err) {
        if (err instanceof ConflictError) byId.delete(i.id);
        throw err;
      }
    },
    list: (index, page) => store.initiatives.list(index, page),
  };

  const stances: StanceRepository = {
    // The turn's own vote replaces the member's entry in the list it read; a refused write
    // forgets the list, so a retry reads the store.
    async put(stance, expectedVersion) {
      const list = stanceLists.get(stance.initiativeId);
      try {
        const saved = await store.stances.put(stance, expectedVersion);
        if (list) {
          const others = (await list).filter((s) => s.memberId !== saved.memberId);
          stanceLists.set(stance.initiativeId, Promise.resolve([...others, saved]));
        }
        return saved;
      } catch (err) {
        stanceLists.delete(stance.initiativeId);
        throw err;
      }
    },
    // One member's stance comes out of the initiative's list: one read serves both questions.
    async get(initiativeId, memberId) {
      return (await stances.listFor(initiativeId)).find((s) => s.memberId === memberId) ?? null;
    },
    listFor: (initiativeId) => {
      if (!stanceLists.has(initiativeId)) together(initiativeId);
      return remember(stanceLists, initiativeId, () => store.stances.listFor(initiativeId));
    },
    listPending: (limit) => store.stances.listPending(limit),
  };

  const conversations: ConversationStore = {
    async save(ref) {
      await store.conversations.save(ref);
      refs.set(ref.key, Promise.resolve(ref));
    },
    get: (key) => remember(refs, key, () => store.conversations.get(key)),
  };

  /** The turn's own writes replace what it remembers; a refused or unanswered one is forgotten. */
  const learn = (step: WriteStep, r: StepResult | undefined) => {
    const w = step.write;
    const id = w.kind === 'stance' ? w.stance.initiativeId : w.initiative.id;
    if (r?.status === 'landed' && r.saved.kind === 'initiative') keep(r.saved.initiative);
    else if (r?.status === 'landed' && r.saved.kind === 'stance') {
      const saved = r.saved.stance;
      const list = stanceLists.get(id);
      if (list)
        stanceLists.set(
          id,
          list.then((all) => [...all.filter((s) => s.memberId !== saved.memberId), saved]),
        );
    } else if (r?.status !== 'skipped') {
      if (w.kind === 'stance') stanceLists.delete(id);
      else byId.delete(id);
    }
  };
  const inner = store.writeTogether;
  const writeTogether: WriteTogether | undefined = inner
    ? async (steps) => {
        try {
          const results = await inner(steps);
          steps.forEach((step, n) => learn(step, results[n]));
          return results;
        } catch (err) {
          steps.forEach((step) => learn(step, undefined));
          throw err;
        }
      }
    : undefined;

  return {
    kind: store.kind,
    initiatives,
    stances,
    audit: store.audit,
    counters: store.counters,
    conversations,
    outbox: store.outbox,
    queries: store.queries,
    meetings: store.meetings,
    paragraphs: store.paragraphs,
    documents: store.documents,
    roles: store.roles,
    configuration: store.configuration,
    recordTogether: (events, notifications) => store.recordTogether(events, notifications),
    ...(writeTogether ? { writeTogether } : {}),
    readInitiativeWithStances: (id) => store.readInitiativeWithStances(id),
    schemaVersion: () => store.schemaVersion(),
    ping: () => store.ping(),
    close: () => store.close(),
  };
}
