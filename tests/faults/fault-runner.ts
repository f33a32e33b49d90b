import type { AppDeps } from '../../src/app/deps';
import type { Store } from '../../src/app/ports/store.port';
import { drainAll } from '../../src/app/use-cases/commit';
import { hasRecords } from '../../src/domain/records/pending';
import { FakeClock, FakeDirectory, silentLogger } from '../support/app-deps';
import { type FaultMode, FaultyStore } from '../support/faulty-store';
import { catalogue } from '../../src/domain/catalogue/catalogue';
import { LiveConfiguration } from '../../src/app/configuration/live-configuration';
import { DEFAULT_SETTINGS } from '../../src/domain/settings/process-settings';
import { giveRoles, type Scenario } from './fault-scenarios';

export interface Run {
  readonly deps: AppDeps;
  readonly faulty: FaultyStore;
  readonly inner: Store;
}

/** A fresh store and deps, the store behind a fault injector; ids count up so runs compare. */
export async function freshRun(open: () => Promise<Store>): Promise<Run> {
  const inner = await open();
  const faulty = new FaultyStore(inner);
  const directory = new FakeDirectory();
  giveRoles(directory);
  let n = 0;
  const deps: AppDeps = {
    store: faulty.store,
    directory,
    clock: new FakeClock(),
    ids: { newId: () => `00000000-0000-4000-9000-${String(++n).padStart(12, '0')}` },
    catalogue,
    settings: DEFAULT_SETTINGS,
    configuration: LiveConfiguration.unsaved(
      faulty.store.configuration,
      { catalogue, settings: DEFAULT_SETTINGS },
      silentLogger,
    ),
    log: silentLogger,
  };
  return { deps, faulty, inner };
}

/**
 * What a person, an auditor or RUG would notice of a run: each initiative's state, every audit
 * event (kind and actor), every queued notification (kind and recipient), every stance, the
 * registered channel — with the store's ids and times left out, so a faulty run compares to a clean one.
 */
export async function snapshot(store: Store) {
  const initiatives = (await store.initiatives.list({ by: 'all' }, { limit: 1000 })).items;
  const name = new Map(initiatives.map((i, n) => [i.id, `#${n + 1}`]));
  const of = (id: string) => name.get(id) ?? id;
  const audit: string[] = [];
  const stances: string[] = [];
  for (const id of [...initiatives.map((i) => i.id), 'system:channels']) {
    for (const e of (await store.audit.list(id, { limit: 1000 })).items)
      audit.push(`${of(e.initiativeId)} ${e.kind} by ${e.actor.name}`);
    for (const s of await store.stances.listFor(id))
      stances.push(`${of(id)} ${s.memberName} ${s.stance} pending=${hasRecords(s.pendingRecords)}`);
  }
  const notifications = (await store.outbox.due(new Date('2100-01-01'), 10_000)).map((e) => {
    const n = e.notification;
    const to = n.recipient.type === 'user' ? `user ${n.recipient.objectId}` : `channel ${n.recipient.key}`;
    return `${of(n.initiativeId)} ${n.kind} to ${to}`;
  });
  return {
    initiatives: initiatives.map((i) => ({
      status: i.status,
      hasRef: i.ref !== null,
      title: i.form.title,
      preparer: i.preparer?.name ?? null,
      proposal: i.proposal?.recommendation ?? null,
      decisions: i.decisions.map((d) => d.outcome),
      followUps: i.followUps.length,
      pending: hasRecords(i.pendingRecords),
    })),
    audit: audit.sort(),
    notifications: notifications.sort(),
    stances: stances.sort(),
    channel: (await store.conversations.get('channel:rug'))?.conversationId ?? null,
  };
}

/** The clean run: its snapshot and how many writes the action made. */
export async function cleanRun(open: () => Promise<Store>, sc: Scenario) {
  const run = await freshRun(open);
  const id = await sc.setup(run.deps);
  run.faulty.count();
  await sc.act(run.deps, id);
  const writes = [...run.faulty.writes];
  // A second press of a successful action (a double click) changes nothing either.
  await sc.act(run.deps, id);
  await drainAll(run.deps);
  return { expected: await snapshot(run.inner), writes, run };
}

/**
 * The action with its `at`-th write failing as `mode`; then the user presses again (whether or not
 * they saw the error) and the dispatcher makes its next pass. Answers the final snapshot.
 */
export async function faultyRun(open: () => Promise<Store>, sc: Scenario, at: number, mode: FaultMode) {
  const run = await freshRun(open);
  const id = await sc.setup(run.deps);
  run.faulty.arm(at, mode);
  const failed = await sc.act(run.deps, id).then(
    () => false,
    () => true,
  );
  run.faulty.disarm();
  await sc.act(run.deps, id);
  await drainAll(run.deps);
  return { failed, state: await snapshot(run.inner), run };
}

/** Fails each write of the scenario's action in turn, before and after it lands; every run must end as the clean one. */
export async function expectEveryStepRecovers(open: () => Promise<Store>, sc: Scenario): Promise<number> {
  const { expected, writes } = await cleanRun(open, sc);
  // A clean run leaves nothing pending: its records are all written.
  expect(expected.initiatives.filter((i) => i.pending)).toEqual([]);
  for (let at = 1; at <= writes.length; at++) {
    for (const mode of ['before', 'after'] as const) {
      const { state } = await faultyRun(open, sc, at, mode);
      const step = `${writes[at - 1]} fails ${mode}`;
      expect([step, state]).toEqual([step, expected]);
    }
  }
  return writes.length;
}
