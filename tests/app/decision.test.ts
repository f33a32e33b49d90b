import { recordDecision } from '../../src/app/use-cases/decision';
import { addFollowUp, closeInitiative, startImplementation } from '../../src/app/use-cases/implementation';
import {
  assignPreparer,
  proposeDecision,
  returnForCompletion,
  reviseProposal,
} from '../../src/app/use-cases/preparation';
import { setStance } from '../../src/app/use-cases/set-stance';
import { submitInitiative } from '../../src/app/use-cases/submit-initiative';
import { validForm } from '../support/fixtures';
import { person, testDeps, type TestDeps } from '../support/app-deps';

describe('preparation, decision and follow-up', () => {
  let deps: TestDeps;
  const anna = person('Anna Andersson');
  const karin = person('Karin Lund');
  const sara = person('Sara Holm');
  const per = person('Per Nilsson');
  let id: string;

  beforeEach(async () => {
    deps = testDeps();
    deps.directory.roles.set(karin.objectId, ['rug_member', 'rug_chair']);
    deps.directory.roles.set(per.objectId, ['rug_member']);
    deps.directory.roles.set(sara.objectId, ['beredning']);
    id = (await submitInitiative(deps, anna, { form: validForm(), clientKey: 'dec-00001' })).initiative.id;
    await setStance(deps, per, id, 'approve');
  });
  afterEach(() => deps.store.close());

  const decision = {
    outcome: 'bifall' as const,
    meetingDate: '2026-04-15',
    rationale: 'Enligt förslaget.',
    responsibleId: 'varberg',
  };

  it('lets only Beredningsgruppen prepare and propose, and only the chair or secretary decide', async () => {
    await expect(assignPreparer(deps, per, id)).rejects.toMatchObject({ code: 'PREPARATION.NOT_ALLOWED' });
    expect((await assignPreparer(deps, sara, id)).preparer?.name).toBe('Sara Holm');
    await expect(
      proposeDecision(deps, anna, id, { recommendation: 'bifall', rationale: 'x' }),
    ).rejects.toMatchObject({
      code: 'INITIATIVE.NOT_ALLOWED',
    });
    await proposeDecision(deps, sara, id, {
      recommendation: 'bifall',
      rationale: 'Bra',
      responsibleId: 'nutritionsnatverket',
    });
    await expect(recordDecision(deps, per, id, decision)).rejects.toMatchObject({
      code: 'INITIATIVE.NOT_ALLOWED',
    });
    const decided = await recordDecision(deps, karin, id, decision);
    expect(decided).toMatchObject({
      status: 'approved',
      decisions: [{ outcome: 'bifall', decidedBy: { name: 'Karin Lund' } }],
    });
    const notes = (await deps.store.outbox.due(new Date('2030-01-01'), 50)).map((e) => e.notification);
    expect(
      notes.some(
        (n) => n.kind === 'decided' && n.recipient.type === 'user' && n.recipient.objectId === anna.objectId,
      ),
    ).toBe(true);
    expect(notes.some((n) => n.kind === 'proposal_ready')).toBe(true);
  });

  it('validates decisions: a real meeting date, a rationale, a known responsible party, no identity numbers', async () => {
    await proposeDecision(deps, sara, id, { recommendation: 'bifall', rationale: 'Bra' });
    await expect(
      recordDecision(deps, karin, id, { ...decision, meetingDate: '2026-02-30' }),
    ).rejects.toMatchObject({ code: 'INITIATIVE.VALIDATION' });
    await expect(recordDecision(deps, karin, id, { ...decision, rationale: ' ' })).rejects.toMatchObject({
      code: 'INITIATIVE.VALIDATION',
    });
    await expect(
      recordDecision(deps, karin, id, { ...decision, responsibleId: 'okand' }),
    ).rejects.toMatchObject({ code: 'DECISION.UNKNOWN_RESPONSIBLE' });
    await expect(
      recordDecision(deps, karin, id, { ...decision, rationale: 'Gäller 19121212-1212' }),
    ).rejects.toMatchObject({ code: 'INITIATIVE.VALIDATION' });
    expect((await deps.store.initiatives.get(id))?.decisions).toEqual([]);
  });

  it('never edits a decision: a new one supersedes it with a reason, and both are kept', async () => {
    await proposeDecision(deps, sara, id, { recommendation: 'bifall', rationale: 'Bra' });
    await recordDecision(deps, karin, id, decision);
    await expect(recordDecision(deps, karin, id, { ...decision, outcome: 'avslag' })).rejects.toMatchObject({
      code: 'INITIATIVE.VALIDATION',
    });
    const after = await recordDecision(deps, karin, id, {
      ...decision,
      outcome: 'avslag',
      supersedeReason: 'Finansieringen föll bort.',
    });
    expect(after.status).toBe('rejected');
    expect(after.decisions.map((d) => d.outcome)).toEqual(['bifall', 'avslag']);
    const kinds = (await deps.store.audit.list(id)).items.map((e) => e.kind);
    expect(kinds.filter((k) => k === 'decided' || k === 'decision_superseded')).toEqual([
      'decided',
      'decision_superseded',
    ]);
  });

  it('refers back to preparation (återremiss) and can return for completion with a question', async () => {
    await proposeDecision(deps, sara, id, { recommendation: 'avslag', rationale: 'Oklart' });
    expect((await recordDecision(deps, karin, id, { ...decision, outcome: 'aterremiss' })).status).toBe(
      'in_preparation',
    );
    const returned = await returnForCompletion(deps, sara, id, 'Vilka enheter deltar?');
    expect(returned).toMatchObject({
      status: 'awaiting_completion',
      completionRequest: 'Vilka enheter deltar?',
    });
    const completed = await submitInitiative(deps, anna, {
      form: validForm({ resources: 'Tre enheter.' }),
      clientKey: 'complete-1',
      initiativeId: id,
    });
    expect(completed.initiative).toMatchObject({
      status: 'in_preparation',
      form: { resources: 'Tre enheter.' },
    });
  });

  it('records follow-ups from the right people; a final report ends implementation; stories go to the channel', async () => {
    await proposeDecision(deps, sara, id, { recommendation: 'bifall', rationale: 'Bra' });
    await recordDecision(deps, karin, id, decision);
    await expect(
      addFollowUp(deps, per, id, { state: 'on_track', whatWasDone: 'x', effects: '' }),
    ).rejects.toMatchObject({
      code: 'FOLLOW_UP.NOT_ALLOWED',
    });
    const first = await addFollowUp(deps, anna, id, {
      state: 'on_track',
      whatWasDone: 'Rutin införd.',
      effects: 'Färre återinläggningar.',
      malbildIds: ['trygg', 'enkel'],
      shareAsStory: true,
    });
    expect(first.status).toBe('in_implementation');
    expect(first.followUps[0]).toMatchObject({
      malbildIds: ['trygg'],
      sharedAsStory: true,
      by: { name: 'Anna Andersson' },
    });
    const final = await addFollowUp(deps, karin, id, {
      state: 'done',
      whatWasDone: 'Införd i hela länet.',
      effects: '',
      final: true,
    });
    expect(final.status).toBe('followed_up');
    expect(final.followUps).toHaveLength(2);
    const notes = (await deps.store.outbox.due(new Date('2030-01-01'), 50)).map((e) => e.notification.kind);
    expect(notes.filter((k) => k === 'success_story')).toHaveLength(1);
    await expect(startImplementation(deps, karin, id)).rejects.toMatchObject({
      code: 'INITIATIVE.INVALID_TRANSITION',
    });
  });

  it('needs skallkrav 4 to still hold: no proposal or decision once the only approval is taken back', async () => {
    await setStance(deps, per, id, 'decline');
    await expect(
      proposeDecision(deps, sara, id, { recommendation: 'bifall', rationale: 'Bra' }),
    ).rejects.toMatchObject({
      code: 'SKALLKRAV.RUG_APPROVAL',
    });
    await setStance(deps, per, id, 'approve');
    await proposeDecision(deps, sara, id, { recommendation: 'bifall', rationale: 'Bra' });
    await setStance(deps, per, id, 'jav');
    await expect(recordDecision(deps, karin, id, decision)).rejects.toMatchObject({
      code: 'SKALLKRAV.RUG_APPROVAL',
    });
    // A referral back is still possible: it sends the initiative back to preparation.
    expect((await recordDecision(deps, karin, id, { ...decision, outcome: 'aterremiss' })).status).toBe(
      'in_preparation',
    );
  });

  it('treats a referral back as a step: the next decision does not supersede it', async () => {
    await proposeDecision(deps, sara, id, { recommendation: 'bifall', rationale: 'Bra' });
    await recordDecision(deps, karin, id, {
      ...decision,
      outcome: 'aterremiss',
      rationale: 'Mer underlag behövs.',
    });
    await proposeDecision(deps, sara, id, { recommendation: 'bifall', rationale: 'Nu med underlag' });
    const after = await recordDecision(deps, karin, id, decision);
    expect(after.status).toBe('approved');
    expect(after.decisions.map((d) => [d.outcome, d.supersedesId ?? null])).toEqual([
      ['aterremiss', null],
      ['bifall', null],
    ]);
  });

  it('answers a repeated decision or follow-up (a double click) without recording it twice', async () => {
    await proposeDecision(deps, sara, id, { recommendation: 'bifall', rationale: 'Bra' });
    await recordDecision(deps, karin, id, decision);
    const again = await recordDecision(deps, karin, id, decision);
    expect(again.decisions).toHaveLength(1);
    const report = {
      state: 'on_track' as const,
      whatWasDone: 'Rutin införd.',
      effects: '',
      shareAsStory: true,
    };
    await addFollowUp(deps, anna, id, report);
    const twice = await addFollowUp(deps, anna, id, report);
    expect(twice.followUps).toHaveLength(1);
    const stories = (await deps.store.outbox.due(new Date('2030-01-01'), 50)).filter(
      (e) => e.notification.kind === 'success_story',
    );
    expect(stories).toHaveLength(1);
  });

  it('lets the preparation group take a proposal back, and the chair close a finished initiative', async () => {
    await proposeDecision(deps, sara, id, { recommendation: 'avslag', rationale: 'Oklart' });
    expect((await reviseProposal(deps, sara, id)).status).toBe('in_preparation');
    await proposeDecision(deps, sara, id, { recommendation: 'avslag', rationale: 'Fortfarande oklart' });
    await recordDecision(deps, karin, id, { ...decision, outcome: 'avslag' });
    await expect(closeInitiative(deps, per, id)).rejects.toMatchObject({ code: 'INITIATIVE.NOT_ALLOWED' });
    expect((await closeInitiative(deps, karin, id)).status).toBe('closed');
    const kinds = (await deps.store.audit.list(id)).items.map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['proposal_revised', 'closed']));
  });
});
