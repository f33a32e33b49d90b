/**
 * Nothing lost, nothing twice (SQLite): every user action with each of its writes failing in turn —
 * before it reaches the store, or after it was applied (a crash or a 504 between two writes) — then
 * retried as the user and the dispatcher would, ends in exactly the records of a clean run: one
 * initiative, one audit event per change, one notification per recipient.
 */
import { openSqliteStore } from '../../src/adapters/sqlite/sqlite-store';
import { expectEveryStepRecovers } from './fault-runner';
import { SCENARIOS } from './fault-scenarios';

const open = async () => openSqliteStore(':memory:');

describe.each(SCENARIOS.map((s) => [s.name, s] as const))('%s', (_name, scenario) => {
  it('ends in the clean run’s records whichever write fails, before or after it lands', async () => {
    expect(await expectEveryStepRecovers(open, scenario)).toBeGreaterThan(0);
  });
});
