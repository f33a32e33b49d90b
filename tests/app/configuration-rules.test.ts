/**
 * The rules around a catalogue and settings kept as revisions, on the use cases: a retired entry is
 * taken by no new initiative (not through a draft either) nor as a new responsible party; two admins
 * never silently undo each other; a retried change or import happens once; an import never loses the
 * wording older initiatives were sent with.
 */
import {
  changeCatalogue,
  importCatalogue,
  saveSettings,
  TRAILS,
} from '../../src/app/use-cases/manage-configuration';
import { assignPreparer, proposeDecision, reviseProposal } from '../../src/app/use-cases/preparation';
import { setStance } from '../../src/app/use-cases/set-stance';
import { saveDraft, submitInitiative } from '../../src/app/use-cases/submit-initiative';
import { catalogueIndex } from '../../src/domain/catalogue/catalogue';
import { labelAt } from '../../src/domain/catalogue/catalogue-version';
import type { Catalogue } from '../../src/domain/catalogue/catalogue.types';
import { DEFAULT_SETTINGS } from '../../src/domain/settings/process-settings';
import { validForm } from '../support/fixtures';
import { person, silentLogger, testDeps, type TestDeps } from '../support/app-deps';
import { LiveConfiguration } from '../../src/app/configuration/live-configuration';
import { catalogue } from '../../src/domain/catalogue/catalogue';

const OLD = 'trygg-effektiv-utskrivning-2022-2024';
const admin = person('Johan Berg');
const otherAdmin = person('Lena Persson');
const anna = person('Anna Andersson');
const per = person('Per Nilsson');
const sara = person('Sara Holm');
let deps: TestDeps;
let n = 0;
const id = () => `change-${String(++n).padStart(4, '0')}`;
const revision = () => deps.configuration.revision('catalogue').revision;

beforeEach(() => {
  deps = testDeps();
  for (const a of [admin, otherAdmin]) deps.directory.roles.set(a.objectId, ['admin']);
  deps.directory.roles.set(per.objectId, ['rug_member']);
  deps.directory.roles.set(sara.objectId, ['beredning']);
});
afterEach(() => deps.store.close());

const retire = (entry: string, basedOn = revision()) =>
  changeCatalogue(deps, admin, { changeId: id(), basedOn, change: { op: 'retire', id: entry } });

describe('a retired entry', () => {
  it('is taken by no new initiative, not by way of a draft saved before or after', async () => {
    const before = await saveDraft(deps, anna, {
      form: validForm({ agreementIds: [OLD] }),
      clientKey: 'k-draft-1',
    });
    await retire(OLD);
    await expect(
      saveDraft(deps, anna, { form: validForm({ agreementIds: [OLD] }), clientKey: 'k-draft-2' }),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ code: 'FIELD.RETIRED_CHOICE' })] });
    // The older draft keeps its choice while it is a draft, but cannot be sent with it.
    await saveDraft(deps, anna, {
      form: validForm({ agreementIds: [OLD], title: 'Ändrad' }),
      clientKey: 'k-draft-1',
      initiativeId: before.initiative.id,
    });
    await expect(
      submitInitiative(deps, anna, {
        form: validForm({ agreementIds: [OLD] }),
        clientKey: 'k-draft-1',
        initiativeId: before.initiative.id,
      }),
    ).rejects.toMatchObject({
      issues: [expect.objectContaining({ field: 'agreementIds', code: 'FIELD.RETIRED_CHOICE' })],
    });
  });

  it('is not a new responsible party, but stays one where the initiative already named it', async () => {
    const sent = (await submitInitiative(deps, anna, { form: validForm(), clientKey: 'k-resp-1' }))
      .initiative;
    await setStance(deps, per, sent.id, 'approve');
    await assignPreparer(deps, sara, sent.id);
    await proposeDecision(deps, sara, sent.id, {
      recommendation: 'bifall',
      rationale: 'Bra.',
      responsibleId: 'indikatorgruppen',
    });
    await retire('indikatorgruppen');
    // Back to preparation: proposing again with the responsible it already names is fine …
    await reviseProposal(deps, sara, sent.id);
    const again = {
      recommendation: 'bifall' as const,
      rationale: 'Bättre.',
      responsibleId: 'indikatorgruppen',
    };
    await expect(proposeDecision(deps, sara, sent.id, again)).resolves.toMatchObject({
      status: 'proposal_ready',
    });
    // … a retired one anew is not.
    await reviseProposal(deps, sara, sent.id);
    await retire('nutritionsnatverket');
    await expect(
      proposeDecision(deps, sara, sent.id, { ...again, responsibleId: 'nutritionsnatverket' }),
    ).rejects.toMatchObject({ code: 'DECISION.RETIRED_RESPONSIBLE' });
  });
});

describe('two admins at once', () => {
  it('refuses settings saved on a page older than the last change, instead of undoing it', async () => {
    await saveSettings(deps, admin, {
      changeId: id(),
      basedOn: 1,
      settings: { ...DEFAULT_SETTINGS, reminderAfterDays: 3 },
    });
    await expect(
      saveSettings(deps, otherAdmin, {
        changeId: id(),
        basedOn: 1,
        settings: { ...DEFAULT_SETTINGS, digestWeekday: 4 },
      }),
    ).rejects.toMatchObject({ code: 'CONFIGURATION.STALE' });
    expect(deps.settings).toEqual({ ...DEFAULT_SETTINGS, reminderAfterDays: 3 });
  });

  it('refuses a second change of the same entry from an old page, and lets changes of others through', async () => {
    const label = (sv: string) => ({ sv, en: sv });
    await changeCatalogue(deps, admin, {
      changeId: id(),
      basedOn: 1,
      change: { op: 'reword', id: 'samverkan', label: label('Samverkan A') },
    });
    await expect(
      changeCatalogue(deps, otherAdmin, {
        changeId: id(),
        basedOn: 1,
        change: { op: 'reword', id: 'samverkan', label: label('Samverkan B') },
      }),
    ).rejects.toMatchObject({ code: 'CONFIGURATION.STALE' });
    await changeCatalogue(deps, otherAdmin, {
      changeId: id(),
      basedOn: 1,
      change: { op: 'retire', id: 'hjalpmedelsavtal-gnhh' },
    });
    // Two presses of "add" with the same text make one entry, whatever their change ids.
    const add = {
      op: 'add' as const,
      kind: 'targetGroup' as const,
      label: label('Personer med demenssjukdom'),
    };
    await changeCatalogue(deps, admin, { changeId: id(), basedOn: 1, change: add });
    await expect(
      changeCatalogue(deps, admin, { changeId: id(), basedOn: 1, change: add }),
    ).rejects.toMatchObject({
      issues: [expect.objectContaining({ code: 'CATALOGUE.DUPLICATE' })],
    });
    expect(
      deps.catalogue.targetGroups.filter((g) => g.label.sv === 'Personer med demenssjukdom'),
    ).toHaveLength(1);
    expect(catalogueIndex(deps.catalogue).get('samverkan')?.label.sv).toBe('Samverkan A');
  });
});

describe('an import', () => {
  const file = (c: Catalogue) => ({ catalogue: JSON.parse(JSON.stringify(c)) as Catalogue, settings: null });

  it('happens once when retried, and keeps the wording older initiatives were sent with', async () => {
    await changeCatalogue(deps, admin, {
      changeId: id(),
      basedOn: 1,
      change: { op: 'reword', id: 'hemsjukvard', label: { sv: 'Hemsjukvård', en: 'Home care' } },
    });
    await submitInitiative(deps, anna, { form: validForm(), clientKey: 'k-import-1' });
    // A region's hand-written file: no former labels, and the text reworded once more.
    const edited = file(deps.catalogue);
    const stripped = edited.catalogue.targetGroups.map((g) => {
      const { formerLabels: _former, ...rest } = g;
      return g.id === 'hemsjukvard' ? { ...rest, label: { sv: 'Ny formulering', en: 'New wording' } } : rest;
    });
    const changed = { ...edited, catalogue: { ...edited.catalogue, targetGroups: stripped } };
    const request = { changeId: 'import-0001', basedOn: revision() };
    const first = await importCatalogue(deps, admin, request, changed);
    const again = await importCatalogue(deps, admin, request, changed);
    expect(again.revision).toBe(first.revision);
    expect((await deps.store.audit.list(TRAILS.catalogue)).items.map((e) => e.kind)).toEqual([
      'catalogue_changed',
      'catalogue_imported',
    ]);
    const entry = catalogueIndex(deps.catalogue).get('hemsjukvard')!;
    expect([
      labelAt(entry, '2025.1').sv,
      labelAt(entry, first.events[0]!.before!.version as string).sv,
      entry.label.sv,
    ]).toEqual(['Äldre och övriga med behov av hemsjukvård', 'Hemsjukvård', 'Ny formulering']);
    // Exported and imported again, the former labels stay once each.
    const round = await importCatalogue(
      deps,
      admin,
      { changeId: 'import-0002', basedOn: revision() },
      file(deps.catalogue),
    );
    const after = catalogueIndex(round.data as Catalogue).get('hemsjukvard')!;
    expect(after.formerLabels).toEqual(entry.formerLabels);
  });

  it('saves the settings it carries only when they differ from those in force, read afresh', async () => {
    const moved = { ...DEFAULT_SETTINGS, referencePrefix: 'GNV' };
    await saveSettings(deps, admin, { changeId: id(), basedOn: 1, settings: moved });
    // Another instance on the same store that has not read the new settings yet imports the file.
    const behind = LiveConfiguration.unsaved(
      deps.store.configuration,
      { catalogue, settings: DEFAULT_SETTINGS },
      silentLogger,
    );
    const there = { ...deps, configuration: behind, catalogue: behind.catalogue, settings: behind.settings };
    await importCatalogue(
      there,
      admin,
      { changeId: 'import-0003', basedOn: 1 },
      { catalogue, settings: moved },
    );
    expect((await deps.store.configuration.after('settings', 0)).map((r) => r.changeId)).toEqual([
      expect.stringMatching(/^change-/),
    ]);
  });
});
