import { randomUUID } from 'node:crypto';
import type { NewInitiative } from '../../src/app/ports/initiative-repository.port';
import type { InitiativeForm, Person } from '../../src/domain/initiative/initiative.types';
import { emptyForm, newDraft } from '../../src/domain/initiative/initiative.types';

export const anna: Person = {
  objectId: '00000000-0000-0000-0000-0000000000a1',
  tenantId: '11111111-1111-1111-1111-111111111111',
  name: 'Anna Andersson',
  email: 'anna.andersson@varberg.se',
};

/** A complete, valid form that meets skallkrav 1–3. */
export function validForm(overrides: Partial<InitiativeForm> = {}): InitiativeForm {
  return {
    ...emptyForm(),
    title: 'Gemensam trygg hemgång för äldre',
    background: 'Äldre som skrivs ut från sjukhus upplever att planeringen brister mellan region och kommun.',
    description: 'Vi testar ett gemensamt arbetssätt för samordnad individuell plan inom 24 timmar.',
    expectedEffect: 'Färre återinläggningar och ökad trygghet för individen.',
    organisationIds: ['region-halland', 'varberg'],
    targetGroupIds: ['hemsjukvard'],
    goalWordIds: ['sammanhallen'],
    factorIds: ['trygg'],
    statementIds: [],
    prerequisiteIds: ['samverkan'],
    agreementIds: [],
    anchoringManagerName: 'Bertil Berg',
    anchoringConfirmed: true,
    resources: 'Två sjuksköterskor 20 % under sex månader.',
    timePlan: 'Start januari, utvärdering i juni.',
    followUpPlan: 'Antal återinläggningar inom 30 dagar följs månadsvis.',
    contactName: 'Anna Andersson',
    contactEmail: 'anna.andersson@varberg.se',
    contactPhone: '',
    ...overrides,
  };
}

/** A new initiative as a use case would hand it to a store. */
export function newInitiative(overrides: Partial<NewInitiative> = {}): NewInitiative {
  const draft = newDraft({
    id: randomUUID(),
    clientKey: randomUUID(),
    form: validForm(),
    initiator: anna,
    catalogueVersion: 'test',
    at: overrides.createdAt ?? '2026-03-01T09:00:00.000Z',
  });
  return { ...draft, ...overrides };
}

/** A form as Teams sends card inputs back: strings, multi-selects comma-separated, toggles "true"/"false". */
export function cardDataFor(
  form: InitiativeForm = validForm(),
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const { statementIds: _statements, ...rest } = form;
  return {
    ...rest,
    organisationIds: form.organisationIds.join(','),
    targetGroupIds: form.targetGroupIds.join(','),
    goalWordIds: form.goalWordIds.join(','),
    factorIds: form.factorIds.join(','),
    prerequisiteIds: form.prerequisiteIds.join(','),
    agreementIds: form.agreementIds.join(','),
    anchoringConfirmed: form.anchoringConfirmed ? 'true' : 'false',
    ...extra,
  };
}
