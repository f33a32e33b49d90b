import { saveDraft, submitInitiative, withdrawInitiative } from '../../src/app/use-cases/submit-initiative';
import { findByReference, findSimilar, listMine } from '../../src/app/use-cases/queries';
import { DomainError, ValidationError } from '../../src/domain/shared/domain.errors';
import { validForm } from '../support/fixtures';
import { person, testDeps, type TestDeps } from '../support/app-deps';

describe('submitting an initiative', () => {
  let deps: TestDeps;
  const anna = person('Anna Andersson');
  beforeEach(() => {
    deps = testDeps();
  });
  afterEach(() => deps.store.close());

  it('stores a valid initiative as submitted with a reference number, an audit event and a RUG notification', async () => {
    const { initiative, created } = await submitInitiative(deps, anna, {
      form: validForm(),
      clientKey: 'k1',
    });
    expect(created).toBe(true);
    expect(initiative).toMatchObject({
      status: 'submitted',
      ref: 'OH-2026-0001',
      initiator: anna,
      submittedAt: '2026-03-02T09:00:00.000Z',
    });
    const events = await deps.store.audit.list(initiative.id);
    expect(events.items.map((e) => e.kind)).toEqual(['submitted']);
    const due = await deps.store.outbox.due(new Date('2030-01-01'), 10);
    expect(due.map((d) => [d.notification.kind, d.notification.recipient])).toEqual([
      ['review_requested', { type: 'channel', key: 'rug' }],
    ]);
    expect((await findByReference(deps, 'oh-2026-0001'))?.id).toBe(initiative.id);
  });

  it('creates exactly one initiative when the same key is sent twice, even at once', async () => {
    const [a, b] = await Promise.all([
      submitInitiative(deps, anna, { form: validForm(), clientKey: 'same' }),
      submitInitiative(deps, anna, { form: validForm(), clientKey: 'same' }),
    ]);
    expect(a.initiative.id).toBe(b.initiative.id);
    const again = await submitInitiative(deps, anna, { form: validForm(), clientKey: 'same' });
    expect(again).toMatchObject({ created: false, initiative: { id: a.initiative.id } });
    expect(await listMine(deps, anna)).toHaveLength(1);
  });

  it('refuses an invalid form with every issue and stores nothing', async () => {
    const form = validForm({ title: '', organisationIds: ['varberg'], description: 'Brukare 19121212-1212' });
    const err = await submitInitiative(deps, anna, { form, clientKey: 'bad' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).issues.map((i) => i.field).sort()).toEqual([
      'description',
      'organisationIds',
      'title',
    ]);
    expect(await listMine(deps, anna)).toHaveLength(0);
  });

  it('saves a draft, lets the initiator edit it and send it later', async () => {
    const draft = await saveDraft(deps, anna, { form: validForm({ background: '' }), clientKey: 'd1' });
    expect(draft.initiative).toMatchObject({ status: 'draft', ref: null });
    const edited = await saveDraft(deps, anna, {
      form: validForm({ title: 'Ny titel', background: '' }),
      clientKey: 'd1',
      initiativeId: draft.initiative.id,
    });
    expect(edited.initiative.form.title).toBe('Ny titel');
    const sent = await submitInitiative(deps, anna, {
      form: validForm(),
      clientKey: 'd1',
      initiativeId: draft.initiative.id,
    });
    expect(sent.initiative).toMatchObject({
      id: draft.initiative.id,
      status: 'submitted',
      ref: 'OH-2026-0001',
    });
    const kinds = (await deps.store.audit.list(draft.initiative.id)).items.map((e) => e.kind);
    expect(kinds).toEqual(['draft_saved', 'draft_saved', 'submitted']);
  });

  it('lets only the initiator edit, and only before RUG approval', async () => {
    const { initiative } = await submitInitiative(deps, anna, { form: validForm(), clientKey: 'e1' });
    const bo = person('Bo Ek');
    await expect(
      submitInitiative(deps, bo, {
        form: validForm({ title: 'Kapad' }),
        clientKey: 'x',
        initiativeId: initiative.id,
      }),
    ).rejects.toMatchObject({ code: 'INITIATIVE.NOT_ALLOWED' });
    const edited = await submitInitiative(deps, anna, {
      form: validForm({ title: 'Bättre titel' }),
      clientKey: 'edit-1',
      initiativeId: initiative.id,
    });
    expect(edited.initiative).toMatchObject({
      status: 'submitted',
      ref: 'OH-2026-0001',
      form: { title: 'Bättre titel' },
    });
    await deps.store.initiatives.update({ ...edited.initiative, status: 'in_preparation' });
    await expect(
      submitInitiative(deps, anna, { form: validForm(), clientKey: 'edit-2', initiativeId: initiative.id }),
    ).rejects.toMatchObject({ code: 'INITIATIVE.LOCKED' });
  });

  it('withdraws before a decision and refuses after', async () => {
    const { initiative } = await submitInitiative(deps, anna, { form: validForm(), clientKey: 'w1' });
    const withdrawn = await withdrawInitiative(deps, anna, initiative.id);
    expect(withdrawn.status).toBe('withdrawn');
    const { initiative: other } = await submitInitiative(deps, anna, { form: validForm(), clientKey: 'w2' });
    await deps.store.initiatives.update({ ...other, status: 'approved' });
    const err = await withdrawInitiative(deps, anna, other.id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('INITIATIVE.INVALID_TRANSITION');
  });

  it('numbers references per year', async () => {
    await submitInitiative(deps, anna, { form: validForm(), clientKey: 'y1' });
    deps.clock.advance(365 * 24 * 3600 * 1000);
    const next = await submitInitiative(deps, anna, { form: validForm(), clientKey: 'y2' });
    expect(next.initiative.ref).toBe('OH-2027-0001');
  });

  it('finds up to three similar active initiatives', async () => {
    const base = { background: 'Trygg hemgång efter sjukhusvistelse för äldre med hemsjukvård' };
    for (let n = 0; n < 4; n++) {
      await submitInitiative(deps, anna, {
        form: validForm({ ...base, title: `Trygg hemgång ${n}` }),
        clientKey: `s${n}`,
      });
    }
    await submitInitiative(deps, anna, {
      form: validForm({
        title: 'Digital fritidsgård',
        background: 'Unga vuxna når stöd via chatt',
        targetGroupIds: ['unga-vuxna-beroende'],
      }),
      clientKey: 'other',
    });
    const similar = await findSimilar(
      deps,
      validForm({ title: 'Hemgång för äldre', background: 'Trygg hemgång från sjukhus' }),
    );
    expect(similar).toHaveLength(3);
    expect(similar.every((s) => s.form.title.startsWith('Trygg hemgång'))).toBe(true);
    expect(
      await findSimilar(
        deps,
        validForm({
          title: 'Något helt annat',
          background: 'Läkemedelsgenomgång',
          targetGroupIds: ['okad-risk-ohalsa'],
        }),
      ),
    ).toEqual([]);
  });
});
