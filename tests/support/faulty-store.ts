import type { Store } from '../../src/app/ports/store.port';
import { UnavailableError } from '../../src/app/ports/store.errors';

/** Every call that writes to a store, as `part.method`. */
export const WRITES = [
  'initiatives.create',
  'initiatives.update',
  'stances.put',
  'audit.append',
  'outbox.enqueue',
  'counters.next',
  'conversations.save',
  'roles.put',
  'configuration.append',
  'recordTogether',
  'writeTogether',
] as const;

export type FaultMode = 'before' | 'after';

/**
 * Wraps a store so that one chosen write fails: `before` it reaches the store (a 503, throttling), or
 * `after` it was applied (a 504 after commit, a crash between two writes). Counts the writes, so a
 * test can fail each step of a use case in turn.
 */
export class FaultyStore {
  readonly store: Store;
  writes: string[] = [];
  private armed: { at: number; mode: FaultMode } | null = null;

  constructor(inner: Store) {
    const wrap =
      (name: string, fn: (...args: unknown[]) => Promise<unknown>) =>
      async (...args: unknown[]) => {
        this.writes.push(name);
        const fault = this.armed && this.writes.length === this.armed.at ? this.armed.mode : null;
        if (fault === 'before') throw new UnavailableError(`injected fault before ${name}`);
        const result = await fn(...args);
        if (fault === 'after') throw new UnavailableError(`injected fault after ${name}`);
        return result;
      };
    const part = <T extends object>(key: string, target: T): T =>
      new Proxy(target, {
        get: (t, prop, receiver) => {
          const value = Reflect.get(t, prop, receiver) as unknown;
          const name = `${key}.${String(prop)}`;
          return typeof value === 'function' && (WRITES as readonly string[]).includes(name)
            ? wrap(name, (value as (...a: unknown[]) => Promise<unknown>).bind(t))
            : typeof value === 'function'
              ? (value as (...a: unknown[]) => unknown).bind(t)
              : value;
        },
      });
    this.store = {
      ...inner,
      kind: inner.kind,
      initiatives: part('initiatives', inner.initiatives),
      stances: part('stances', inner.stances),
      audit: part('audit', inner.audit),
      counters: part('counters', inner.counters),
      conversations: part('conversations', inner.conversations),
      outbox: part('outbox', inner.outbox),
      roles: part('roles', inner.roles),
      configuration: part('configuration', inner.configuration),
      recordTogether: wrap('recordTogether', (e, n) =>
        inner.recordTogether(
          e as Parameters<Store['recordTogether']>[0],
          n as Parameters<Store['recordTogether']>[1],
        ),
      ) as Store['recordTogether'],
      // A store that writes a change in one round trip fails (or loses the answer) as a whole.
      ...(inner.writeTogether
        ? {
            writeTogether: wrap('writeTogether', (steps) =>
              inner.writeTogether!(steps as Parameters<NonNullable<Store['writeTogether']>>[0]),
            ) as NonNullable<Store['writeTogether']>,
          }
        : {}),
      schemaVersion: () => inner.schemaVersion(),
      ping: () => inner.ping(),
      close: () => inner.close(),
    };
  }

  /** From now on, the `at`-th write (counting from this call) fails as `mode`. */
  arm(at: number, mode: FaultMode): void {
    this.writes = [];
    this.armed = { at, mode };
  }

  disarm(): void {
    this.armed = null;
  }

  /** Starts counting writes afresh (without a fault). */
  count(): void {
    this.writes = [];
    this.armed = null;
  }
}
