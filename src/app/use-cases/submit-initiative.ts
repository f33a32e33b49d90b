import type { Initiative, InitiativeForm, Person } from '../../domain/initiative/initiative.types';
import { isEditableByInitiator, transition } from '../../domain/initiative/lifecycle';
import { formatReference } from '../../domain/initiative/reference';
import { diff } from '../../domain/audit/audit-event';
import { DomainError, ValidationError } from '../../domain/shared/domain.errors';
import { normaliseForm, validateDraft, validateForSubmit } from '../../domain/initiative/validation';
import { actorsFor } from '../../domain/initiative/actors';
import type { AppDeps } from '../deps';
import { ConflictError } from '../ports/store.errors';
import { audit, ChangeRecords, loadInitiative, notify, updateWithRetry } from './support';

export interface SubmitInput {
  readonly form: InitiativeForm;
  /** The card's submission key: the same key twice means the same initiative. */
  readonly clientKey: string;
  /** Set when sending or editing an existing draft/initiative. */
  readonly initiativeId?: string;
}

export interface SubmitResult {
  readonly initiative: Initiative;
  /** False when this key was already sent (a double click or a Teams retry). */
  readonly created: boolean;
}

/** Finds an initiative by its client key among the person's own (one indexed filter, refined in memory). */
async function findByClientKey(
  deps: AppDeps,
  initiator: Person,
  clientKey: string,
): Promise<Initiative | null> {
  let cursor: string | null = null;
  do {
    const page = await deps.store.initiatives.list(
      { by: 'initiator', value: initiator.objectId },
      { cursor, limit: 500 },
    );
    const hit = page.items.find((i) => i.clientKey === clientKey);
    if (hit) return hit;
    cursor = page.nextCursor;
  } while (cursor);
  return null;
}

function assertInitiator(person: Person, initiative: Initiative): void {
  if (!actorsFor(person, initiative, []).includes('initiator')) {
    throw new DomainError('INITIATIVE.NOT_ALLOWED', {
      sv: 'Bara den som skickade in initiativet kan ändra det.',
      en: 'Only the person who submitted the initiative can change it.',
    });
  }
}

function assertEditable(initiative: Initiative): void {
  if (!isEditableByInitiator(initiative.status)) {
    throw new DomainError(
      'INITIATIVE.LOCKED',
      {
        sv: 'Initiativet har godkänts av RUG och kan inte längre ändras här. Ändringar sker genom komplettering på begäran av beredningsgruppen.',
        en: 'The initiative has been approved by RUG and can no longer be changed here. Changes go through completion at the preparation group’s request.',
      },
      { status: initiative.status },
    );
  }
}

function fresh(
  deps: AppDeps,
  person: Person,
  input: SubmitInput,
  form: InitiativeForm,
): Omit<Initiative, 'version'> {
  const now = deps.clock.now().toISOString();
  return {
    id: deps.ids.newId(),
    ref: null,
    clientKey: input.clientKey,
    status: 'draft',
    form,
    initiator: person,
    catalogueVersion: deps.catalogue.version,
    createdAt: now,
    updatedAt: now,
    submittedAt: null,
    decidedAt: null,
    preparer: null,
    proposal: null,
    decisions: [],
    completionRequest: null,
    followUps: [],
    channelCards: {},
  };
}

/** Saves a draft (new or existing); only the basics and a title are required. */
export async function saveDraft(deps: AppDeps, person: Person, input: SubmitInput): Promise<SubmitResult> {
  const form = normaliseForm(input.form);
  const issues = validateDraft(form, deps.catalogue);
  if (issues.length > 0) throw new ValidationError(issues);
  const id = input.initiativeId ?? (await findByClientKey(deps, person, input.clientKey))?.id;
  if (!id) {
    const { initiative, created } = await deps.store.initiatives.create(fresh(deps, person, input, form));
    if (created) await audit(deps, initiative.id, 'draft_saved', person);
    return { initiative, created };
  }
  const result = await updateWithRetry(deps, id, (current) => {
    assertInitiator(person, current);
    if (current.status !== 'draft') {
      // A sent initiative is changed with Skicka, which checks everything again (skallkrav 1–3).
      throw new DomainError('INITIATIVE.NOT_A_DRAFT', {
        sv: 'Initiativet är redan inskickat. Spara ändringarna med Skicka.',
        en: 'The initiative has already been submitted. Save your changes with Submit.',
      });
    }
    return { ...current, form };
  });
  const { before, after } = result!;
  await audit(deps, id, 'draft_saved', person, diff(before.form, after.form));
  return { initiative: after, created: false };
}

/**
 * Sends an initiative to RUG: validates everything (required fields, lengths, personnummer guard,
 * skallkrav 1–3), gives it a reference number and asks RUG for approval. Idempotent per client key.
 */
export async function submitInitiative(
  deps: AppDeps,
  person: Person,
  input: SubmitInput,
): Promise<SubmitResult> {
  const form = normaliseForm(input.form);
  const issues = validateForSubmit(form, deps.catalogue);
  if (issues.length > 0) throw new ValidationError(issues);

  const existing = input.initiativeId
    ? await loadInitiative(deps, input.initiativeId)
    : await findByClientKey(deps, person, input.clientKey);
  if (existing) assertInitiator(person, existing);

  if (existing && existing.status !== 'draft') {
    // Already sent: the same key again is a retry; an explicit edit of a sent initiative is an edit.
    if (!input.initiativeId || existing.clientKey === input.clientKey)
      return { initiative: existing, created: false };
    if (existing.status === 'awaiting_completion') return completeInitiative(deps, person, existing.id, form);
    // The same form again (a double click on an edit or completion card) changes nothing.
    if (JSON.stringify(existing.form) === JSON.stringify(form))
      return { initiative: existing, created: false };
    assertEditable(existing);
    const result = await updateWithRetry(deps, existing.id, (current) => {
      assertEditable(current);
      return { ...current, form };
    });
    const { before, after } = result!;
    await audit(deps, existing.id, 'edited', person, diff(before.form, after.form));
    // RUG members must see what they vote on: the review card shows the new text.
    await notify(deps, {
      kind: 'refresh_cards',
      initiativeId: existing.id,
      recipient: { type: 'channel', key: 'rug' },
      data: {},
    });
    return { initiative: after, created: false };
  }

  const now = deps.clock.now();
  const year = now.getUTCFullYear();
  const status = transition('draft', 'submit', ['initiator']);
  let initiative: Initiative;
  let created: boolean;
  if (existing) {
    const ref = formatReference(year, await deps.store.counters.next(year));
    const result = await updateWithRetry(deps, existing.id, (current) =>
      current.status === 'draft' ? { ...current, form, status, ref, submittedAt: now.toISOString() } : null,
    );
    if (!result) return { initiative: await loadInitiative(deps, existing.id), created: false };
    initiative = result.after;
    created = true;
  } else {
    const ref = formatReference(year, await deps.store.counters.next(year));
    const draft = fresh(deps, person, input, form);
    ({ initiative, created } = await deps.store.initiatives.create({
      ...draft,
      status,
      ref,
      submittedAt: now.toISOString(),
    }));
    if (!created) {
      // Client keys are random per card; a key that belongs to someone else is never theirs to see.
      if (initiative.initiator.objectId !== person.objectId) {
        throw new ConflictError('client key already used by another person', 'duplicate');
      }
      return { initiative, created };
    }
  }
  // The audit event and RUG's review request go out together: one round trip on SharePoint.
  await new ChangeRecords(deps)
    .audit(initiative.id, 'submitted', person, { after: { status, ref: initiative.ref } })
    .notify({
      kind: 'review_requested',
      initiativeId: initiative.id,
      recipient: { type: 'channel', key: 'rug' },
      data: {},
    })
    .write();
  return { initiative, created };
}

/** Withdraws an initiative before it is decided (initiator or admin). */
export async function withdrawInitiative(
  deps: AppDeps,
  person: Person,
  initiativeId: string,
): Promise<Initiative> {
  const roles = await deps.directory.rolesOf(person.objectId);
  const result = await updateWithRetry(deps, initiativeId, (current) => {
    if (current.status === 'withdrawn') return null;
    const status = transition(current.status, 'withdraw', actorsFor(person, current, roles));
    return { ...current, status };
  });
  if (!result) return loadInitiative(deps, initiativeId);
  await audit(deps, initiativeId, 'withdrawn', person, {
    before: { status: result.before.status },
    after: { status: 'withdrawn' },
  });
  if (result.before.status !== 'draft') {
    await notify(deps, {
      kind: 'withdrawn',
      initiativeId,
      recipient: { type: 'channel', key: 'rug' },
      data: {},
    });
  }
  if (result.before.initiator.objectId !== person.objectId) {
    // An admin withdrew it: the initiator must hear about it.
    await notify(deps, {
      kind: 'withdrawn',
      initiativeId,
      recipient: { type: 'user', objectId: result.before.initiator.objectId },
      data: {},
    });
  }
  return result.after;
}

/** The initiator completes an initiative the preparation group returned; it goes back to preparation. */
async function completeInitiative(
  deps: AppDeps,
  person: Person,
  id: string,
  form: InitiativeForm,
): Promise<SubmitResult> {
  const result = await updateWithRetry(deps, id, (current) => {
    if (current.status !== 'awaiting_completion') return null;
    return {
      ...current,
      form,
      status: transition(current.status, 'complete', actorsFor(person, current, [])),
    };
  });
  if (!result) return { initiative: await loadInitiative(deps, id), created: false };
  await audit(deps, id, 'completed', person, diff(result.before.form, result.after.form));
  await notify(deps, {
    kind: 'completed',
    initiativeId: id,
    recipient: { type: 'channel', key: 'beredning' },
    data: {},
  });
  await notify(deps, {
    kind: 'refresh_cards',
    initiativeId: id,
    recipient: { type: 'channel', key: 'rug' },
    data: {},
  });
  return { initiative: result.after, created: false };
}
