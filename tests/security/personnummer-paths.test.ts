/**
 * The personnummer guard sees what a person sees, on every write path: each variant of REFUSED is
 * refused with FIELD.PERSONAL_IDENTITY_NUMBER and leaves no trace; each of ACCEPTED is stored.
 * Driven through the use cases on the SQLite store in memory, a fresh arrangement per case.
 */
import { recordDecision } from '../../src/app/use-cases/decision';
import { addFollowUp } from '../../src/app/use-cases/implementation';
import { assignPreparer, proposeDecision, returnForCompletion } from '../../src/app/use-cases/preparation';
import { setStance } from '../../src/app/use-cases/set-stance';
import { saveDraft, submitInitiative } from '../../src/app/use-cases/submit-initiative';
import { findIdentityNumbers } from '../../src/domain/initiative/personnummer';
import { validateDraft } from '../../src/domain/initiative/validation';
import { catalogue } from '../../src/domain/catalogue/catalogue';
import { person, testDeps, type TestDeps } from '../support/app-deps';
import { validForm } from '../support/fixtures';
import { ACCEPTED, REFUSED } from './personnummer-variants';

const anna = person('Anna Andersson');
const karin = person('Karin Lund');
const sara = person('Sara Holm');
const per = person('Per Nilsson');
let n = 0;
const key = () => `pnr-path-${++n}`.padEnd(12, '0');
const decision = { outcome: 'bifall' as const, meetingDate: '2026-04-15', rationale: 'Enligt förslaget.' };

interface Arranged {
  readonly deps: TestDeps;
  readonly id: string;
}

async function arrange(upTo: 'none' | 'submitted' | 'preparing' | 'returned' | 'proposed' | 'decided') {
  const deps = testDeps();
  deps.directory.roles.set(karin.objectId, ['rug_member', 'rug_chair']);
  deps.directory.roles.set(per.objectId, ['rug_member']);
  deps.directory.roles.set(sara.objectId, ['beredning']);
  if (upTo === 'none') return { deps, id: '' };
  const { initiative } = await submitInitiative(deps, anna, { form: validForm(), clientKey: key() });
  const id = initiative.id;
  if (upTo !== 'submitted') await setStance(deps, per, id, 'approve');
  if (upTo !== 'submitted') await assignPreparer(deps, sara, id);
  if (upTo === 'returned') await returnForCompletion(deps, sara, id, 'Vilka kommuner deltar?');
  if (upTo === 'proposed' || upTo === 'decided')
    await proposeDecision(deps, sara, id, { recommendation: 'bifall', rationale: 'Bra förslag.' });
  if (upTo === 'decided') await recordDecision(deps, karin, id, decision);
  return { deps, id };
}

type Path = readonly [
  name: string,
  upTo: Parameters<typeof arrange>[0],
  write: (a: Arranged, text: string) => Promise<unknown>,
];

const PATHS: readonly Path[] = [
  [
    'bot form: send',
    'none',
    ({ deps }, text) =>
      submitInitiative(deps, anna, { form: validForm({ background: text }), clientKey: key() }),
  ],
  [
    'bot form: draft',
    'none',
    ({ deps }, text) =>
      saveDraft(deps, anna, { form: validForm({ title: 'Utkast', timePlan: text }), clientKey: key() }),
  ],
  [
    'edit before approval',
    'submitted',
    ({ deps, id }, text) =>
      submitInitiative(deps, anna, {
        form: validForm({ description: text }),
        clientKey: key(),
        initiativeId: id,
      }),
  ],
  [
    'completion',
    'returned',
    ({ deps, id }, text) =>
      submitInitiative(deps, anna, {
        form: validForm({ resources: text }),
        clientKey: key(),
        initiativeId: id,
      }),
  ],
  ['stance comment', 'submitted', ({ deps, id }, text) => setStance(deps, karin, id, 'decline', text)],
  ['question for completion', 'preparing', ({ deps, id }, text) => returnForCompletion(deps, sara, id, text)],
  [
    'decision proposal',
    'preparing',
    ({ deps, id }, text) => proposeDecision(deps, sara, id, { recommendation: 'bifall', rationale: text }),
  ],
  [
    'decision rationale',
    'proposed',
    ({ deps, id }, text) => recordDecision(deps, karin, id, { ...decision, rationale: text }),
  ],
  [
    'diarienummer',
    'proposed',
    ({ deps, id }, text) => recordDecision(deps, karin, id, { ...decision, diarienummer: text }),
  ],
  [
    'supersede reason',
    'decided',
    ({ deps, id }, text) =>
      recordDecision(deps, karin, id, { ...decision, outcome: 'avslag', supersedeReason: text }),
  ],
  [
    'follow-up: what was done',
    'decided',
    ({ deps, id }, text) =>
      addFollowUp(deps, anna, id, { state: 'on_track', whatWasDone: text, effects: '' }),
  ],
  [
    'follow-up: effects',
    'decided',
    ({ deps, id }, text) =>
      addFollowUp(deps, anna, id, { state: 'on_track', whatWasDone: 'Start', effects: text }),
  ],
];

/** Everything a write could have left behind. */
async function trace({ deps, id }: Arranged): Promise<string> {
  const all = await deps.store.initiatives.list(
    { by: 'initiator', value: anna.objectId },
    { cursor: null, limit: 50 },
  );
  const stances = id ? await deps.store.stances.listFor(id) : [];
  const events = id ? (await deps.store.audit.list(id, { cursor: null, limit: 500 })).items.length : 0;
  return JSON.stringify({ all: all.items, stances, events });
}

describe('the scanner itself', () => {
  it('has at least 40 variants', () => {
    expect(REFUSED.length + ACCEPTED.length).toBeGreaterThanOrEqual(40);
  });
  it.each(REFUSED)('finds %s', (_what, text) => {
    expect(findIdentityNumbers(`Text ${text} text`)).toHaveLength(1);
  });
  it.each(ACCEPTED)('accepts %s', (_what, text) => {
    expect(findIdentityNumbers(text)).toEqual([]);
  });
});

describe.each(PATHS)('%s', (_name, upTo, write) => {
  it.each(REFUSED)('refuses %s and stores nothing', async (_what, text) => {
    const arranged = await arrange(upTo);
    const before = await trace(arranged);
    await expect(write(arranged, `Se ${text}.`)).rejects.toMatchObject({
      issues: [expect.objectContaining({ code: 'FIELD.PERSONAL_IDENTITY_NUMBER' })],
    });
    expect(await trace(arranged)).toBe(before);
    await arranged.deps.store.close();
  });

  it.each(ACCEPTED)('accepts %s', async (_what, text) => {
    const arranged = await arrange(upTo);
    await expect(write(arranged, text)).resolves.toBeDefined();
    await arranged.deps.store.close();
  });
});

describe('the phone field is a phone number', () => {
  const issuesFor = (contactPhone: string) =>
    validateDraft(validForm({ contactPhone }), catalogue)
      .filter((i) => i.field === 'contactPhone')
      .map((i) => i.code);
  it.each(['0701010035', '070-101 00 35', '+46 70 101 00 35', '035-13 10 00', '(035) 13 10 00', ''])(
    'accepts %s even when it reads like a date with a check digit',
    (phone) => {
      expect(issuesFor(phone)).toEqual([]);
    },
  );
  it.each(['811218-9876', '19811218-9876', '198112189876', '81 12 18-9876', '811218\u20139876'])(
    'refuses the identity number %s',
    (phone) => {
      expect(issuesFor(phone)).toEqual(['FIELD.PERSONAL_IDENTITY_NUMBER']);
    },
  );
  it.each(['ring mig', '12', 'anna@varberg.se'])('refuses %s as not a phone number', (phone) => {
    expect(issuesFor(phone)).toEqual(['FIELD.PHONE']);
  });
});
