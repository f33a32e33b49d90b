import { setStance } from '../../src/app/use-cases/set-stance';
import { submitInitiative } from '../../src/app/use-cases/submit-initiative';
import { validForm } from '../support/fixtures';
import { person, testDeps, type TestDeps } from '../support/app-deps';

describe('RUG stances (skallkrav 4)', () => {
  let deps: TestDeps;
  const anna = person('Anna Andersson');
  const members = Array.from({ length: 9 }, (_, n) => person(`Ledamot ${n + 1}`));
  let initiativeId: string;
  beforeEach(async () => {
    deps = testDeps();
    for (const m of members) deps.directory.roles.set(m.objectId, ['rug_member']);
    initiativeId = (await submitInitiative(deps, anna, { form: validForm(), clientKey: 'k' })).initiative.id;
  });
  afterEach(() => deps.store.close());

  it('refuses someone who is not a RUG member and changes nothing', async () => {
    await expect(setStance(deps, anna, initiativeId, 'approve')).rejects.toMatchObject({
      code: 'RUG.NOT_MEMBER',
    });
    expect(await deps.store.stances.listFor(initiativeId)).toEqual([]);
    expect((await deps.store.initiatives.get(initiativeId))?.status).toBe('submitted');
  });

  it('moves the initiative into preparation on the first approval and notifies initiator and Beredningsgruppen', async () => {
    const r = await setStance(deps, members[0]!, initiativeId, 'approve', 'Bra idé');
    expect(r.initiative.status).toBe('in_preparation');
    expect(r.tally).toMatchObject({ approve: 1, approvedBy: ['Ledamot 1'] });
    const kinds = (await deps.store.audit.list(initiativeId)).items.map((e) => e.kind);
    expect(kinds).toEqual(['submitted', 'stance_set', 'endorsed']);
    const notes = (await deps.store.outbox.due(new Date('2030-01-01'), 10)).map((e) => e.notification);
    expect(notes.map((n) => [n.kind, n.recipient])).toEqual([
      ['review_requested', { type: 'channel', key: 'rug' }],
      ['refresh_cards', { type: 'channel', key: 'rug' }],
      ['endorsed', { type: 'user', objectId: anna.objectId }],
      ['preparation_started', { type: 'channel', key: 'beredning' }],
    ]);
    expect(notes[2]!.data).toEqual({ memberName: 'Ledamot 1' });
  });

  it('does not move the initiative on decline or jäv, and excludes jäv from the tally', async () => {
    await setStance(deps, members[0]!, initiativeId, 'jav');
    const r = await setStance(deps, members[1]!, initiativeId, 'decline');
    expect(r.initiative.status).toBe('submitted');
    expect(r.tally).toMatchObject({ approve: 0, decline: 1, jav: 1 });
  });

  it('keeps one stance per member, changeable, with every change audited', async () => {
    await setStance(deps, members[0]!, initiativeId, 'decline');
    await setStance(deps, members[0]!, initiativeId, 'approve');
    const same = await setStance(deps, members[0]!, initiativeId, 'approve');
    expect(same.changed).toBe(false);
    expect(same.stances).toHaveLength(1);
    const events = (await deps.store.audit.list(initiativeId)).items;
    expect(events.map((e) => e.kind)).toEqual(['submitted', 'stance_set', 'stance_changed', 'endorsed']);
    expect(events[2]).toMatchObject({ before: { stance: 'decline' }, after: { stance: 'approve' } });
  });

  it('gives nine stances and a correct tally when nine members press at the same moment', async () => {
    const results = await Promise.all(members.map((m) => setStance(deps, m, initiativeId, 'approve')));
    expect(results.every((r) => r.changed)).toBe(true);
    const stances = await deps.store.stances.listFor(initiativeId);
    expect(stances).toHaveLength(9);
    const kinds = (await deps.store.audit.list(initiativeId)).items.map((e) => e.kind);
    expect(kinds.filter((k) => k === 'endorsed')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'stance_set')).toHaveLength(9);
  });

  it('refuses stances once decided, and identity numbers in comments', async () => {
    await expect(
      setStance(deps, members[0]!, initiativeId, 'approve', 'Gäller 19121212-1212'),
    ).rejects.toMatchObject({
      code: 'INITIATIVE.VALIDATION',
    });
    const current = (await deps.store.initiatives.get(initiativeId))!;
    await deps.store.initiatives.update({ ...current, status: 'approved' });
    await expect(setStance(deps, members[0]!, initiativeId, 'approve')).rejects.toMatchObject({
      code: 'RUG.STANCE_CLOSED',
    });
  });

  it('takes the vote away from a member who has left', async () => {
    deps.directory.roles.delete(members[8]!.objectId);
    await expect(setStance(deps, members[8]!, initiativeId, 'approve')).rejects.toMatchObject({
      code: 'RUG.NOT_MEMBER',
    });
  });

  it('refuses an initiator’s approval of their own initiative (jäv in all but name)', async () => {
    deps.directory.roles.set(anna.objectId, ['rug_member', 'rug_chair']);
    await expect(setStance(deps, anna, initiativeId, 'approve')).rejects.toMatchObject({
      code: 'RUG.OWN_INITIATIVE',
    });
    const jav = await setStance(deps, anna, initiativeId, 'jav');
    expect(jav.tally).toMatchObject({ approve: 0, jav: 1 });
    expect(jav.initiative.status).toBe('submitted');
  });
});
