/**
 * A crash mid-burst: a process submitting initiatives and approving them on a SQLite file is killed
 * with SIGKILL part-way, then started again on the same file and does the same work (as the users'
 * retries would) → nothing lost, nothing twice, and every notification is delivered exactly once.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../src/adapters/sqlite/sqlite-store';

const CHILD = join(__dirname, 'burst-child.mjs');
const COUNT = 40;

function run(args: string[], killAfter?: number): Promise<{ lines: string[]; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    const lines: string[] = [];
    let killed = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      lines.push(...chunk.split('\n').filter(Boolean));
      if (killAfter !== undefined && !killed && lines.length >= killAfter) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (!killed && code !== 0) reject(new Error(`child failed: ${code ?? signal}`));
      else resolve({ lines, killed });
    });
  });
}

it('loses and doubles nothing when the process is killed mid-burst and started again', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'omtanke-restart-'));
  const db = join(dir, 'omtanke.db');
  const log = join(dir, 'sent.log');
  writeFileSync(log, '');
  const first = await run([db, String(COUNT), log], 15);
  expect(first.killed).toBe(true);
  expect(first.lines.length).toBeLessThan(COUNT);
  const second = await run([db, String(COUNT), log, '--deliver']);
  expect(second.lines.at(-1)).toBe('delivered');

  const store = openSqliteStore(db);
  try {
    const initiatives = (await store.initiatives.list({ by: 'all' }, { limit: 1000 })).items;
    expect(initiatives).toHaveLength(COUNT);
    expect(new Set(initiatives.map((i) => i.ref)).size).toBe(COUNT);
    expect(initiatives.every((i) => i.status === 'in_preparation')).toBe(true);
    expect((await store.initiatives.list({ by: 'pending' })).items).toEqual([]);
    for (const i of initiatives) {
      const kinds = (await store.audit.list(i.id)).items.map((e) => e.kind).sort();
      expect([i.form.title, kinds]).toEqual([i.form.title, ['endorsed', 'stance_set', 'submitted']]);
      expect((await store.stances.listFor(i.id)).map((s) => s.stance)).toEqual(['approve']);
    }
    // Every notification was delivered (none left due) and each kind once per initiative.
    expect(await store.outbox.due(new Date('2100-01-01'), 10)).toEqual([]);
    const sent = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { kind: string; to: string });
    const toUsers = sent.filter((s) => s.to.startsWith('user:'));
    expect(toUsers).toHaveLength(COUNT); // one "approved by Per" message per initiative
    const posts = sent.filter((s) => s.kind === 'send' && s.to === 'channel:rug');
    expect(posts).toHaveLength(COUNT); // one review card per initiative, never two
  } finally {
    await store.close();
  }
}, 120_000);
