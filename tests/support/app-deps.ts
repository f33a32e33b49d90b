import { randomUUID } from 'node:crypto';
import { openSqliteStore } from '../../src/adapters/sqlite/sqlite-store';
import type { AppDeps } from '../../src/app/deps';
import type { Clock, Directory, Logger, Member } from '../../src/app/ports/system.port';
import type { Role } from '../../src/domain/initiative/actors';
import type { Person } from '../../src/domain/initiative/initiative.types';
import { catalogue } from '../../src/domain/catalogue/catalogue';
import { LiveConfiguration } from '../../src/app/configuration/live-configuration';
import { DEFAULT_SETTINGS } from '../../src/domain/settings/process-settings';

/** A clock tests can move. */
export class FakeClock implements Clock {
  constructor(private current = new Date('2026-03-02T09:00:00.000Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** Roles by object id, changeable during a test (e.g. a member leaving RUG). */
export class FakeDirectory implements Directory {
  readonly roles = new Map<string, Role[]>();
  readonly names = new Map<string, string>();
  async rolesOf(objectId: string): Promise<readonly Role[]> {
    return this.roles.get(objectId) ?? [];
  }
  async rugMembers(): Promise<readonly Member[]> {
    return [...this.roles.entries()]
      .filter(([, roles]) =>
        roles.some((r) => r === 'rug_member' || r === 'rug_chair' || r === 'rug_secretary'),
      )
      .map(([objectId]) => ({ objectId, name: this.names.get(objectId) ?? objectId }));
  }
  async channelMembers(): Promise<readonly Member[]> {
    return [...this.roles.keys()].map((objectId) => ({
      objectId,
      name: this.names.get(objectId) ?? objectId,
    }));
  }
  rolesChanged(): void {}
}

export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child() {
    return silentLogger;
  },
};

export interface TestDeps extends AppDeps {
  readonly clock: FakeClock;
  readonly directory: FakeDirectory;
}

/** Use-case tests run on the real SQLite store in memory rather than hand-written mocks. */
export function testDeps(): TestDeps {
  const store = openSqliteStore(':memory:');
  const configuration = LiveConfiguration.unsaved(
    store.configuration,
    { catalogue, settings: DEFAULT_SETTINGS },
    silentLogger,
  );
  return {
    store,
    directory: new FakeDirectory(),
    clock: new FakeClock(),
    ids: { newId: () => randomUUID() },
    // As in main.ts: what the configuration has in force (a catalogue change takes effect at once).
    get catalogue() {
      return configuration.catalogue;
    },
    get settings() {
      return configuration.settings;
    },
    configuration,
    log: silentLogger,
  };
}

export function person(name: string, objectId = randomUUID()): Person {
  return {
    objectId,
    tenantId: '11111111-1111-1111-1111-111111111111',
    name,
    email: `${name.split(' ')[0]!.toLowerCase()}@example.se`,
  };
}
