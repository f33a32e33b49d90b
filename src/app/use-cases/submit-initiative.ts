import {
  type Initiative,
  type InitiativeForm,
  newDraft,
  type Person,
} from '../../domain/initiative/initiative.types';
import { transition } from '../../domain/initiative/lifecycle';
import { formatReference } from '../../domain/initiative/reference';
import { diff } from '../../domain/audit/audit-event';
import { ValidationError } from '../../domain/shared/domain.errors';
import {
  normaliseForm,
  retiredChoices,
  validateDraft,
  validateForSubmit,
} from '../../domain/initiative/validation';
import { assertMay, type Viewer } from '../../domain/policy/policy';
import type { AppDeps } from '../deps';
import { ConflictError } from '../ports/store.errors';
import { records } from './change-records';
import { commit, createCommitted, drain } from './commit';
import { loadInitiative, viewerFor } from './support';

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

/**
 * Finds an initiative by its client key among the person's own, from the query model (no store
 * round trip). If another instance created it a moment ago and the query model has not caught up,
 * the create that follows meets the unique client key and returns that initiative instead.
 */
async function findByClientKey(
  deps: AppDeps,
  initiator: Person,
  clientKey: string,
): Promise<Initiative | null> {
  const mine = await deps.store.queries.rows({
    viewerId: initiator.objectId,
    initiatorId: initiator.objectId,
    includeDrafts: true,
    clientKey,
  });
  return mine.find((r) => r.initiative.clientKey === clientKey)?.initiative ?? null;
}

/** The initiator acting on their own initiative: no roles are needed for that. */
const asInitiator = (person: Person): Viewer => ({ objectId: person.objectId, roles: [] });

function fresh(
  deps: AppDeps,
  person: Person,
  input: SubmitInput,
  form: InitiativeForm,
): Omit<Initiative, 'version'> {
  return newDraft({
    id: deps.ids.newId(),
    clientKey: input.clientKey,
    form,
    initiator: person,
    catalogueVersion: deps.catalogue.version,
    at: deps.clock.now().toISOString(),
  });
}

/**
 * Creates an initiative with its first records held in it, then writes them out. A retry whose
 * creation already happened (the client key is taken) finishes the records instead.
 */
async function createWithRecords(deps: AppDeps, person: Person, draft: Omit<Initiative, 'version'>) {
  const { initiative, created, settle } = await createCommitted(deps, draft);
  // Client keys are random per card; a key that belongs to someone else is never theirs to see.
  if (!created && initiative.initiator.objectId !== person.objectId) {
    throw new ConflictError('client key already used by another person', 'duplicate');
  }
  return { initiative: await settle(), created };
}

/** Saves a draft (new or existing); only the basics and a title are required. */
export async function saveDraft(deps: AppDeps, person: Person, input: SubmitInput): Promise<SubmitResult> {
  const form = normaliseForm(input.form);
  const issues = validateDraft(form, deps.catalogue);
  if (issues.length > 0) throw new ValidationError(issues);
  const found = input.initiativeId
    ? await deps.store.initiatives.get(input.initiativeId)
    : await findByClientKey(deps, person, input.clientKey);
  // A draft may keep a choice it made before the entry was retired (sending it is refused), but
  // takes no retired entry anew.
  const own = found && found.initiator.objectId === person.objectId ? found : null;
  const retired = retiredChoices(form, deps.catalogue, own?.form ?? null);
  if (retired.length > 0) throw new ValidationError(retired);
  const id = input.initiativeId ?? found?.id;
  if (!id) {
    const draft = fresh(deps, person, input, form);
    return createWithRecords(deps, person, {
      ...draft,
      pendingRecords: records(deps).audit(draft.id, 'draft_saved', person).pending,
    });
  }
  const result = await commit(deps, id, (current) => {
    assertMay('save_draft', current, asInitiator(person));
    // The same draft again (a double click, a retry) is no new change: finish what it left pending.
    if (JSON.stringify(current.form) === JSON.stringify(form)) return null;
    return {
      next: { ...current, form },
      records: records(deps).audit(id, 'draft_saved', person, diff(current.form, form)),
    };
  });
  return { initiative: result?.after ?? (await drain(deps, await loadInitiative(deps, id))), created: false };
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
  // Someone else's initiative is refused before anything of it is looked at.
  if (existing && existing.initiator.objectId !== person.objectId)
    assertMay('edit', existing, asInitiator(person));
  // Only an initiative already sent keeps a retired choice through an edit; a draft is not sent yet.
  const retired = retiredChoices(
    form,
    deps.catalogue,
    existing && existing.status !== 'draft' ? existing.form : null,
  );
  if (retired.length > 0) throw new ValidationError(retired);

  if (existing && existing.status !== 'draft') {
    // Already sent: the same key again is a retry; an explicit edit of a sent initiative is an edit.
    if (!input.initiativeId || existing.clientKey === input.clientKey)
      return { initiative: await drain(deps, existing), created: false };
    if (existing.status === 'awaiting_completion') return completeInitiative(deps, person, existing.id, form);
    // The same form again (a double click on an edit or completion card) changes nothing.
    if (JSON.stringify(existing.form) === JSON.stringify(form))
      return { initiative: await drain(deps, existing), created: false };
    const result = await commit(deps, existing.id, (current) => {
      assertMay('edit', current, asInitiator(person));
      if (JSON.stringify(current.form) === JSON.stringify(form)) return null;
      // RUG members must see what they vote on: the review card shows the new text.
      return {
        next: { ...current, form, catalogueVersion: deps.catalogue.version },
        records: records(deps)
          .audit(existing.id, 'edited', person, {
            ...diff(current.form, form),
            after: { ...diff(current.form, form).after, catalogueVersion: deps.catalogue.version },
          })
          .refreshCards(existing.id),
      };
    });
    return { initiative: result?.after ?? existing, created: false };
  }

  const now = deps.clock.now();
  const year = now.getUTCFullYear();
  const status = transition(
    'submit',
    existing ?? { status: 'draft', initiator: person, preparer: null },
    asInitiator(person),
  );
  const ref = formatReference(year, await deps.store.counters.next(year), deps.settings.referencePrefix);
  // The audit event and RUG's review request are written with the initiative itself, then out.
  const sent = (id: string) =>
    records(deps)
      .audit(id, 'submitted', person, { after: { status, ref, catalogueVersion: deps.catalogue.version } })
      .notify({
        kind: 'review_requested',
        initiativeId: id,
        recipient: { type: 'channel', key: 'rug' },
        data: {},
      });
  if (existing) {
    const result = await commit(deps, existing.id, (current) =>
      current.status === 'draft'
        ? {
            next: {
              ...current,
              form,
              status,
              ref,
              submittedAt: now.toISOString(),
              // The labels it shows are those of the catalogue it was sent with.
              catalogueVersion: deps.catalogue.version,
            },
            records: sent(current.id),
          }
        : null,
    );
    if (!result)
      return { initiative: await drain(deps, await loadInitiative(deps, existing.id)), created: false };
    return { initiative: result.after, created: true };
  }
  const draft = fresh(deps, person, input, form);
  return createWithRecords(deps, person, {
    ...draft,
    status,
    ref,
    submittedAt: now.toISOString(),
    pendingRecords: sent(draft.id).pending,
  });
}

/** Withdraws an initiative before it is decided (initiator or admin). */
export async function withdrawInitiative(
  deps: AppDeps,
  person: Person,
  initiativeId: string,
): Promise<Initiative> {
  const viewer = await viewerFor(deps, person);
  const result = await commit(deps, initiativeId, (current) => {
    if (current.status === 'withdrawn') return null;
    const changes = records(deps).audit(initiativeId, 'withdrawn', person, {
      before: { status: current.status },
      after: { status: 'withdrawn' },
    });
    if (current.status !== 'draft') {
      changes.notify({
        kind: 'withdrawn',
        initiativeId,
        recipient: { type: 'channel', key: 'rug' },
        data: {},
      });
    }
    if (current.initiator.objectId !== person.objectId) {
      // An admin withdrew it: the initiator must hear about it.
      changes.notify({
        kind: 'withdrawn',
        initiativeId,
        recipient: { type: 'user', objectId: current.initiator.objectId },
        data: {},
      });
    }
    return { next: { ...current, status: transition('withdraw', current, viewer) }, records: changes };
  });
  return result?.after ?? drain(deps, await loadInitiative(deps, initiativeId));
}

/** The initiator completes an initiative the preparation group returned; it goes back to preparation. */
async function completeInitiative(
  deps: AppDeps,
  person: Person,
  id: string,
  form: InitiativeForm,
): Promise<SubmitResult> {
  const result = await commit(deps, id, (current) => {
    if (current.status !== 'awaiting_completion') return null;
    return {
      next: { ...current, form, status: transition('complete', current, asInitiator(person)) },
      records: records(deps)
        .audit(id, 'completed', person, diff(current.form, form))
        .notify({
          kind: 'completed',
          initiativeId: id,
          recipient: { type: 'channel', key: 'beredning' },
          data: {},
        })
        .refreshCards(id),
    };
  });
  if (!result) return { initiative: await drain(deps, await loadInitiative(deps, id)), created: false };
  return { initiative: result.after, created: false };
}
