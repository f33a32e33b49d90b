/**
 * Every user action, as a scenario: the state it starts from (reached without faults) and the
 * action itself, which a test runs once cleanly and then with each of its writes failing in turn.
 */
import type { AppDeps } from '../../src/app/deps';
import { recordDecision } from '../../src/app/use-cases/decision';
import { addFollowUp, closeInitiative } from '../../src/app/use-cases/implementation';
import {
  assignPreparer,
  proposeDecision,
  returnForCompletion,
  reviseProposal,
} from '../../src/app/use-cases/preparation';
import { registerChannel } from '../../src/app/use-cases/register-channel';
import { setStance } from '../../src/app/use-cases/set-stance';
import { saveDraft, submitInitiative, withdrawInitiative } from '../../src/app/use-cases/submit-initiative';
import type { Person } from '../../src/domain/initiative/initiative.types';
import { validForm } from '../support/fixtures';
import type { FakeDirectory } from '../support/app-deps';

const who = (n: number, name: string): Person => ({
  objectId: `00000000-0000-4000-8000-00000000000${n}`,
  tenantId: 'tenant',
  name,
});
export const PEOPLE = {
  anna: who(1, 'Anna Andersson'),
  karin: who(2, 'Karin Lund'),
  per: who(3, 'Per Nilsson'),
  sara: who(4, 'Sara Holm'),
  johan: who(5, 'Johan Berg'),
};

export function giveRoles(directory: FakeDirectory): void {
  directory.roles.set(PEOPLE.karin.objectId, ['rug_member', 'rug_chair']);
  directory.roles.set(PEOPLE.per.objectId, ['rug_member']);
  directory.roles.set(PEOPLE.sara.objectId, ['beredning']);
  directory.roles.set(PEOPLE.johan.objectId, ['rug_member', 'rug_secretary', 'admin']);
}

type Step = (deps: AppDeps, id: string) => Promise<unknown>;
const { anna, karin, per, sara, johan } = PEOPLE;

const submit = async (deps: AppDeps) =>
  (await submitInitiative(deps, anna, { form: validForm(), clientKey: 'key-submit' })).initiative.id;
const approve: Step = (deps, id) => setStance(deps, per, id, 'approve');
const assign: Step = (deps, id) => assignPreparer(deps, sara, id);
const propose: Step = (deps, id) =>
  proposeDecision(deps, sara, id, { recommendation: 'bifall', rationale: 'Uppfyller skallkraven.' });
const decide: Step = (deps, id) =>
  recordDecision(deps, karin, id, { outcome: 'bifall', meetingDate: '2026-03-10', rationale: 'Bra.' });

export interface Scenario {
  readonly name: string;
  /** Reaches the starting state without faults; answers the initiative's id ('' when none). */
  readonly setup: (deps: AppDeps) => Promise<string>;
  /** The action under test; run again as the user would after a failure. */
  readonly act: Step;
}

const after =
  (...steps: Step[]) =>
  async (deps: AppDeps) => {
    const id = await submit(deps);
    for (const step of steps) await step(deps, id);
    return id;
  };

export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'submit a new initiative',
    setup: async () => '',
    act: (deps) => submitInitiative(deps, anna, { form: validForm(), clientKey: 'key-new' }),
  },
  {
    name: 'send a saved draft',
    setup: async (deps) =>
      (await saveDraft(deps, anna, { form: validForm(), clientKey: 'key-draft' })).initiative.id,
    act: (deps, id) =>
      submitInitiative(deps, anna, { form: validForm(), clientKey: 'key-draft', initiativeId: id }),
  },
  {
    name: 'save a draft',
    setup: async () => '',
    act: (deps) => saveDraft(deps, anna, { form: validForm({ title: 'Utkast' }), clientKey: 'key-d' }),
  },
  {
    name: 'edit a sent initiative',
    setup: after(),
    act: (deps, id) =>
      submitInitiative(deps, anna, {
        form: validForm({ title: 'Ny rubrik' }),
        clientKey: 'key-edit',
        initiativeId: id,
      }),
  },
  { name: 'withdraw', setup: after(), act: (deps, id) => withdrawInitiative(deps, anna, id) },
  { name: 'first approval (skallkrav 4)', setup: after(), act: approve },
  { name: 'a changed vote', setup: after(approve), act: (deps, id) => setStance(deps, per, id, 'decline') },
  { name: 'jäv', setup: after(approve), act: (deps, id) => setStance(deps, johan, id, 'jav') },
  { name: 'assign the preparer', setup: after(approve), act: assign },
  {
    name: 'return for completion',
    setup: after(approve, assign),
    act: (deps, id) => returnForCompletion(deps, sara, id, 'Vem bemannar mottagningen?'),
  },
  {
    name: 'complete a returned initiative',
    setup: after(approve, assign, (deps, id) => returnForCompletion(deps, sara, id, 'Vem?')),
    act: (deps, id) =>
      submitInitiative(deps, anna, {
        form: validForm({ resources: 'Två sjuksköterskor.' }),
        clientKey: 'key-complete',
        initiativeId: id,
      }),
  },
  { name: 'propose a decision', setup: after(approve, assign), act: propose },
  {
    name: 'revise the proposal',
    setup: after(approve, assign, propose),
    act: (d, id) => reviseProposal(d, sara, id),
  },
  { name: 'record the decision', setup: after(approve, assign, propose), act: decide },
  {
    name: 'supersede a decision',
    setup: after(approve, assign, propose, decide),
    act: (deps, id) =>
      recordDecision(deps, johan, id, {
        outcome: 'avslag',
        meetingDate: '2026-04-10',
        rationale: 'Omprövat.',
        supersedeReason: 'Ny information om finansieringen.',
      }),
  },
  {
    name: 'first follow-up (starts the implementation)',
    setup: after(approve, assign, propose, decide),
    act: (deps, id) =>
      addFollowUp(deps, anna, id, {
        state: 'on_track',
        whatWasDone: 'Första enheten i gång.',
        effects: '',
        shareAsStory: true,
      }),
  },
  {
    name: 'close',
    setup: after(approve, assign, propose, decide, (deps, id) =>
      addFollowUp(deps, anna, id, { state: 'done', whatWasDone: 'Klart.', effects: '', final: true }),
    ),
    act: (deps, id) => closeInitiative(deps, karin, id),
  },
  {
    name: 'register the RUG channel',
    setup: async () => '',
    act: (deps) =>
      registerChannel(deps, johan, {
        target: 'rug',
        conversationId: '19:rug@thread.tacv2',
        channelId: '19:rug@thread.tacv2',
        teamId: '19:team@thread.tacv2',
        serviceUrl: 'https://smba.trafficmanager.net/emea/',
        tenantId: 'tenant',
        locale: 'sv',
      }),
  },
];
