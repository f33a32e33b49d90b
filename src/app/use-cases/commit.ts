import type { Stance } from '../../domain/approval/approval';
import type { Initiative } from '../../domain/initiative/initiative.types';
import { fitRecord } from '../../domain/initiative/record-size';
import { mergeRecords, NO_RECORDS } from '../../domain/records/pending';
import type { AppDeps } from '../deps';
import type { NewInitiative } from '../ports/initiative-repository.port';
import type { NewStance } from '../ports/stance-repository.port';
import { ConflictError } from '../ports/store.errors';
import type { WriteStep, Written } from '../ports/write-together.port';
import type { ChangeRecords } from './change-records';
import { drain, drainStance } from './drain';
import { loadInitiative, updateWithRetry } from './support';

// The drains and the sweep live in drain.ts; callers keep importing them from here.
export { drain, drainAll, drainStance } from './drain';
import { type Action, transition } from '../../domain/initiative/lifecycle';
import type { Viewer } from '../../domain/policy/policy';
import { clearWritten, type LandedWrite, throwRefusal, writeSteps } from './write-steps';

/** A change to one initiative and the records it leaves: `null` when there is nothing left to do. */
export type InitiativeChange = (
  current: Initiative,
) => { next: Initiative; records: ChangeRecords; sizeLimit?: number } | null;

/** The change applied to a copy: the next state, its records added to those still pending. */
function planned(current: Initiative, change: InitiativeChange): Initiative | null {
  const r = change(current);
  if (!r) return null;
  // Checked before anything is written: a record that could not be stored is refused clearly.
  const next = fitRecord(r.next, r.sizeLimit);
  return { ...next, pendingRecords: mergeRecords(current.pendingRecords, r.records.pending) };
}

const initiativeStep = (deps: AppDeps, next: Initiative): WriteStep => ({
  write: { kind: 'initiative', initiative: { ...next, updatedAt: deps.clock.now().toISOString() } },
  records: next.pendingRecords ?? NO_RECORDS,
});

const initiativeOf = (w: Written): Initiative => {
  if (w.kind !== 'initiative') throw new TypeError('not an initiative');
  return w.initiative;
};

/** After the writes landed: their pending marks cleared together, or each drained on its own. */
const finish = (deps: AppDeps, landed: readonly LandedWrite[]): Promise<Written[]> =>
  clearWritten(deps, landed, async (w) =>
    w.kind === 'initiative'
      ? { ...w, initiative: await drain(deps, w.initiative) }
      : { kind: 'stance', stance: await drainStance(deps, w.stance) },
  );

/**
 * The one way a use case changes an initiative: the new state and its records (audit events,
 * notifications) go to the store in one write — the records held in the initiative as pending — and
 * are then written out, and the pending mark cleared (on SharePoint the first two are one `$batch`,
 * the records depending on the write). If writing them out fails, the change still stands and the
 * user is not troubled: the records stay pending in the initiative, and the next replay of the
 * action, the next change of the initiative or the dispatcher's sweep writes them (once: every
 * record has its id).
 */
export async function commit(
  deps: AppDeps,
  id: string,
  change: InitiativeChange,
  known?: Initiative,
): Promise<{ before: Initiative; after: Initiative } | null> {
  const before = known?.id === id ? known : await loadInitiative(deps, id);
  const next = planned(before, change);
  if (!next) return null;
  const [r] = await writeSteps(deps.store, [initiativeStep(deps, next)]);
  if (r?.status === 'landed') {
    const landed = {
      saved: r.saved,
      records: next.pendingRecords ?? NO_RECORDS,
      recordsWritten: r.recordsWritten,
    };
    return { before, after: initiativeOf((await finish(deps, [landed]))[0]!) };
  }
  if (r?.status === 'refused' && !(r.error instanceof ConflictError)) throw r.error;
  // Another writer won: re-read and apply the change again, as long as it takes.
  const result = await updateWithRetry(deps, id, (current) => planned(current, change), 7);
  if (!result) return null;
  return { before: result.before, after: await drain(deps, result.after) };
}

/**
 * Creates an initiative with its first records held in it, writes them out and clears the mark.
 * A client key already taken answers the stored initiative (`created: false`), untouched.
 */
export async function createCommitted(
  deps: AppDeps,
  draft: NewInitiative,
): Promise<{ initiative: Initiative; created: boolean; settle: () => Promise<Initiative> }> {
  const records = draft.pendingRecords ?? NO_RECORDS;
  const [r] = await writeSteps(deps.store, [
    { write: { kind: 'new-initiative', initiative: draft }, records },
  ]);
  if (r?.status !== 'landed' || r.saved.kind !== 'initiative') throwRefusal(r ?? { status: 'skipped' });
  const saved = r.saved;
  return {
    initiative: saved.initiative,
    created: saved.created,
    settle: async () => {
      // Taken by an earlier send of the same card: finish what that one left pending.
      if (!saved.created) return drain(deps, saved.initiative);
      const landed = { saved, records, recordsWritten: r.recordsWritten };
      return initiativeOf((await finish(deps, [landed]))[0]!);
    },
  };
}

/**
 * Changes an initiative through one lifecycle action, the policy deciding on the current copy; the
 * change and its records are committed together (src/app/use-cases/commit.ts).
 */
export async function act(
  deps: AppDeps,
  viewer: Viewer,
  initiativeId: string,
  action: Action,
  records: (before: Initiative, after: Initiative) => ChangeRecords,
  change: (current: Initiative) => Partial<Initiative> = () => ({}),
  known?: Initiative,
): Promise<{ before: Initiative; after: Initiative }> {
  const result = await commit(
    deps,
    initiativeId,
    (current) => {
      const status = transition(action, current, viewer);
      const next = { ...current, ...change(current), status };
      return { next, records: records(current, next) };
    },
    known,
  );
  return result!;
}

/**
 * Saves a member's stance with its records held in it, then writes them out (as `commit` does for an
 * initiative). ConflictError when another write of the same stance won.
 */
export async function commitStance(
  deps: AppDeps,
  stance: NewStance,
  expectedVersion: string | null,
  changes: ChangeRecords,
  previous: Stance | null,
): Promise<Stance> {
  return (await commitStanceWith(deps, stance, expectedVersion, changes, previous)).stance;
}

/**
 * `commitStance`, and with it a change of the initiative that follows from the stance (the first
 * approval's endorsement), planned on `follow.known`: written after the stance and only if the
 * stance landed (one `$batch` on SharePoint). `initiative` is null when that change was not made
 * (nothing to do, or refused, or not tried): the caller then commits it on its own, re-reading.
 */
export async function commitStanceWith(
  deps: AppDeps,
  stance: NewStance,
  expectedVersion: string | null,
  changes: ChangeRecords,
  previous: Stance | null,
  follow?: { readonly known: Initiative; readonly change: InitiativeChange },
): Promise<{
  stance: Stance;
  initiative: { before: Initiative; after: Initiative } | null;
  /** The follow-up was sent and did not land: `follow.known` is no longer to be trusted. */
  stale: boolean;
}> {
  const held = { ...stance, pendingRecords: mergeRecords(previous?.pendingRecords, changes.pending) };
  const steps: WriteStep[] = [
    { write: { kind: 'stance', stance: held, expectedVersion }, records: held.pendingRecords },
  ];
  let next: Initiative | null = null;
  try {
    next = follow ? planned(follow.known, follow.change) : null;
  } catch {
    // The policy refuses the follow-up on this copy: the caller's own commit says why, after the stance.
    next = null;
  }
  if (next) steps.push(initiativeStep(deps, next));
  const [s, i] = await writeSteps(deps.store, steps);
  if (s?.status !== 'landed' || s.saved.kind !== 'stance') throwRefusal(s ?? { status: 'skipped' });
  const landed: LandedWrite[] = [
    { saved: s.saved, records: held.pendingRecords, recordsWritten: s.recordsWritten },
  ];
  const endorsed = next && i?.status === 'landed' ? i : null;
  if (endorsed && next)
    landed.push({
      saved: endorsed.saved,
      records: next.pendingRecords ?? NO_RECORDS,
      recordsWritten: endorsed.recordsWritten,
    });
  const [savedStance, savedInitiative] = await finish(deps, landed);
  const after = savedInitiative ? initiativeOf(savedInitiative) : null;
  if (savedStance?.kind !== 'stance') throw new TypeError('not a stance');
  return {
    stance: savedStance.stance,
    initiative: after && follow ? { before: follow.known, after } : null,
    stale: !!next && !endorsed,
  };
}
