/**
 * One bad item never blocks the rest: a stored record that cannot be read (a corrupt row, a list
 * item edited by hand in SharePoint) is skipped and reported by every reader, and a parked
 * notification leaves the outbox's pending state for good.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { openSqliteStore } from '../../src/adapters/sqlite/sqlite-store';
import { PARKED_UNTIL } from '../../src/app/ports/outbox.port';
import type { Logger } from '../../src/app/ports/system.port';
import { openOnFake, provisionedSite } from '../adapters/sharepoint/sharepoint-test-kit';
import { startGraphFake } from '../support/graph-fake/graph-fake';
import { newInitiative } from '../support/fixtures';

function recordingLog() {
  const errors: Record<string, unknown>[] = [];
  const log: Logger = {
    debug() {},
    info() {},
    warn() {},
    error: (_msg, fields) => void errors.push(fields ?? {}),
    child: () => log,
  };
  return { log, errors };
}

const note = (id: string) => ({
  id,
  kind: 'refresh_cards' as const,
  initiativeId: 'x',
  recipient: { type: 'channel' as const, key: 'rug' as const },
  data: {},
  createdAt: '2026-03-01T09:00:00.000Z',
});

it('SQLite: lists and the outbox read past a corrupt record, and report it without its content', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'omtanke-bad-')), 'omtanke.db');
  const { log, errors } = recordingLog();
  const store = openSqliteStore(path, { log });
  const good = (await store.initiatives.create(newInitiative({ status: 'submitted' }))).initiative;
  const bad = (await store.initiatives.create(newInitiative({ status: 'submitted' }))).initiative;
  await store.outbox.enqueue(note('n-bad'));
  await store.outbox.enqueue(note('n-good'));
  const raw = new DatabaseSync(path);
  raw.prepare("UPDATE initiatives SET data = '{not json' WHERE id = ?").run(bad.id);
  raw.prepare("UPDATE outbox SET data = '{not json' WHERE id = 'n-bad'").run();
  raw.close();

  const listed = (await store.initiatives.list({ by: 'status', value: 'submitted' })).items;
  expect(listed.map((i) => i.id)).toEqual([good.id]);
  const due = await store.outbox.due(new Date('2100-01-01'), 10);
  expect(due.map((e) => e.notification.id)).toEqual(['n-good']);
  expect(errors.map((e) => e.what)).toEqual(expect.arrayContaining(['initiative', 'notification']));
  expect(JSON.stringify(errors)).not.toContain('not json'); // the record itself is never logged
  await store.close();
});

it('SharePoint: a hand-edited list item does not stop the replica, the lists or the outbox', async () => {
  const fake = await startGraphFake();
  try {
    const site = await provisionedSite(fake);
    const { log, errors } = recordingLog();
    const first = await openOnFake(fake, site, { logger: log });
    const good = (await first.initiatives.create(newInitiative({ status: 'submitted' }))).initiative;
    await first.initiatives.create(newInitiative({ status: 'submitted' }));
    await first.outbox.enqueue(note('n-bad'));
    await first.outbox.enqueue(note('n-good'));
    await first.close();
    // Someone edits two items' Data in the SharePoint UI.
    const items = (name: string) => [...site.findList(name).items.values()];
    const initiative = items('OmtankeInitiativ').find((i) => !String(i.fields.Data).includes(good.id))!;
    initiative.fields.Data = '{not json';
    items('OmtankeUtskick').find((i) => i.fields.NotificationId === 'n-bad')!.fields.Data = '{not json';

    const store = await openOnFake(fake, site, { logger: log }); // builds its replica anew
    const listed = (await store.initiatives.list({ by: 'status', value: 'submitted' })).items;
    expect(listed.map((i) => i.id)).toEqual([good.id]);
    const due = await store.outbox.due(new Date('2100-01-01'), 10);
    expect(due.map((e) => e.notification.id)).toEqual(['n-good']);
    expect(errors.length).toBeGreaterThanOrEqual(2);

    // A parked entry leaves the pending state, so the dispatcher does not read it on every pass.
    const [entry] = due;
    const claimed = await store.outbox.claim(entry!, new Date('2026-03-01T10:00:00.000Z'));
    await store.outbox.markFailed(claimed, 'gave up', new Date(PARKED_UNTIL));
    const parked = items('OmtankeUtskick').find((i) => i.fields.NotificationId === 'n-good')!;
    expect(parked.fields.State).toBe('parked');
    await store.close();
  } finally {
    await fake.close();
  }
});
