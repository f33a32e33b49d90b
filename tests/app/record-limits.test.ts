/**
 * Records stay writable: an initiative's stored text never outgrows what SharePoint's multi-line
 * column holds, and one at its limits can still be decided, reported on finally and closed.
 */
import { recordDecision } from '../../src/app/use-cases/decision';
import { addFollowUp, closeInitiative } from '../../src/app/use-cases/implementation';
import { assignPreparer, proposeDecision } from '../../src/app/use-cases/preparation';
import { setStance } from '../../src/app/use-cases/set-stance';
import { submitInitiative } from '../../src/app/use-cases/submit-initiative';
import { RECORD_HARD_MAX, recordSize } from '../../src/domain/initiative/record-size';
import { validForm } from '../support/fixtures';
import { person, testDeps, type TestDeps } from '../support/app-deps';

let deps: TestDeps;
const anna = person('Anna Andersson');
const karin = person('Karin Lund');
const per = person('Per Nilsson');
const sara = person('Sara Holm');
const long = (n: number, word: string) => `${word} `.repeat(Math.ceil(n / (word.length + 1))).slice(0, n);

async function decided(): Promise<string> {
  const { initiative } = await submitInitiative(deps, anna, { form: validForm(), clientKey: 'k-limits' });
  await setStance(deps, per, initiative.id, 'approve');
  await assignPreparer(deps, sara, initiative.id);
  await proposeDecision(deps, sara, initiative.id, { recommendation: 'bifall', rationale: 'Bra.' });
  await recordDecision(deps, karin, initiative.id, {
    outcome: 'bifall',
    meetingDate: '2026-03-10',
    rationale: long(4000, 'motivering'),
  });
  return initiative.id;
}

beforeEach(() => {
  deps = testDeps();
  deps.directory.roles.set(karin.objectId, ['rug_member', 'rug_chair']);
  deps.directory.roles.set(per.objectId, ['rug_member']);
  deps.directory.roles.set(sara.objectId, ['beredning']);
});

it('shortens old follow-ups (whole in the audit trail), refuses more at the limit, and still reports finally and closes', async () => {
  const id = await decided();
  let refused: unknown = null;
  let added = 0;
  for (let n = 0; n < 60 && !refused; n++) {
    await addFollowUp(deps, anna, id, {
      state: 'on_track',
      whatWasDone: `${n}: ${long(3990, 'gjort')}`,
      effects: long(4000, 'effekt'),
    }).then(
      () => (added += 1),
      (err: unknown) => (refused = err),
    );
  }
  expect(added).toBeGreaterThan(8); // compaction made room for far more than 48,000 / 8,000
  expect(refused).toMatchObject({ code: 'INITIATIVE.RECORD_FULL', kind: 'conflict' });
  expect((refused as { userMessage: { sv: string } }).userMessage.sv).toContain('avsluta initiativet');
  const atLimit = (await deps.store.initiatives.get(id))!;
  expect(atLimit.followUps).toHaveLength(added); // the refused report stored nothing
  expect(atLimit.followUps[0]).toMatchObject({ compacted: true });
  expect(atLimit.followUps[0]!.whatWasDone.length).toBeLessThan(300);
  const events = (await deps.store.audit.list(id, { limit: 500 })).items.filter(
    (e) => e.kind === 'follow_up_added',
  );
  expect(events[0]!.after).toMatchObject({ whatWasDone: expect.stringMatching(/^0: gjort/) });
  expect(events[0]!.after!.whatWasDone).toBe(`0: ${long(3990, 'gjort')}`.trim());

  // At its limit the initiative can still be reported on finally, and closed.
  const final = await addFollowUp(deps, anna, id, {
    state: 'done',
    whatWasDone: long(4000, 'slut'),
    effects: long(4000, 'effekt'),
    final: true,
  });
  expect(final.status).toBe('followed_up');
  const closed = await closeInitiative(deps, karin, id);
  expect(closed.status).toBe('closed');
  expect(recordSize(closed)).toBeLessThanOrEqual(RECORD_HARD_MAX);
});

it('can decide again and again: older superseded decisions are shortened, the standing one kept whole', async () => {
  const id = await decided();
  for (let n = 0; n < 12; n++) {
    const i = await recordDecision(deps, karin, id, {
      outcome: n % 2 === 0 ? 'avslag' : 'bifall',
      meetingDate: `2026-04-${String(n + 1).padStart(2, '0')}`,
      rationale: long(4000, `skäl${n}`),
      supersedeReason: long(2000, 'ändrat'),
    });
    expect(recordSize(i)).toBeLessThanOrEqual(RECORD_HARD_MAX);
  }
  const i = (await deps.store.initiatives.get(id))!;
  expect(i.decisions).toHaveLength(13);
  expect(i.decisions.at(-1)!.rationale).toHaveLength(4000);
  expect(i.decisions.at(-1)!.compacted).toBeUndefined();
  expect(i.decisions[0]!.compacted).toBe(true);
});

it('stores no control characters from what people paste', async () => {
  const { initiative } = await submitInitiative(deps, anna, {
    form: validForm({ title: 'Trygg\u0000 hemgång\u0007', background: 'Rad ett\r\nRad två\u001b[31m' }),
    clientKey: 'k-control',
  });
  expect(initiative.form.title).toBe('Trygg hemgång');
  expect(initiative.form.background).toBe('Rad ett\nRad två[31m');
});
