import type { Stance } from '../../domain/approval/approval';
import type { Initiative } from '../../domain/initiative/initiative.types';
import { fitRecord } from '../../domain/initiative/record-size';
import { hasRecords, mergeRecords, withoutRecords } from '../../domain/records/pending';
import type { AppDeps } from '../deps';
import type { NewStance } from '../ports/stance-repository.port';
import { ConflictError } from '../ports/store.errors';
import { type ChangeRecords, writeRecords } from './change-records';
import { updateWithRetry } from './support';
import { type Action, transition } from '../../domain/initiative/lifecycle';
import type { Viewer } from '../../domain/policy/policy';

/** A change to one initiative and the records it leaves: `null` when there is nothing left to do. */
export type InitiativeChange = (
  current: Initiative,
) => { next: Initiative; records: ChangeRecords; sizeLimit?: number } | null;

/**
 * The one way a use case changes an initiative: the new state and its records (audit events,
 * notifications) go to the store in one write — the records held in the initiative as pending — and
 * are then written out. If writing them out fails, the change still stands and the user is not
 * troubled: the records stay pending in the initiative, and the next replay of the action, the next
 * change of the initiative or the dispatcher's sweep writes them (once: every record has its id).
 */
export async function commit(
  deps: AppDeps,
  id: string,
  change: InitiativeChange,
  known?: Initiative,
): Promise<{ before: Initiative; after: Initiative } | null> {
  const result = await updateWithRetry(
    deps,
    id,
    (current) => {
      const r = change(current);
      if (!r) return null;
      // Checked before anything is written: a record that could not be stored is refused clearly.
      const next = fitRecord(r.next, r.sizeLimit);
      return { ...next, pendingRecords: mergeRecords(current.pendingRecords, r.records.pending) };
    },
    8,
    known,
  );
  if (!result) return null;
  return { before: result.before, after: await drain(deps, result.after) };
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
 * Writes an initiative's pending records and removes them from it. Never throws: what cannot be
 * written now stays pending for a later drain. Returns the initiative as last read or written.
 */
export async function drain(deps: AppDeps, initiative: Initiative): Promise<Initiative> {
  const pending = initiative.pendingRecords;
  if (!hasRecords(pending)) return initiative;
  try {
    await writeRecords(deps, pending);
    const cleared = await updateWithRetry(
      deps,
      initiative.id,
      (current) => {
        const left = withoutRecords(current.pendingRecords, pending);
        const before = current.pendingRecords;
        if (
          !before ||
          left.events.length + left.notifications.length ===
            before.events.length + before.notifications.length
        )
          return null;
        return { ...current, pendingRecords: left };
      },
      3,
      initiative,
    );
    return cleared?.after ?? initiative;
  } catch (err) {
    deps.log.warn('records of a change left pending; a later drain writes them', {
      initiativeId: initiative.id,
      err,
    });
    return initiative;
  }
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
  const saved = await deps.store.stances.put(
    { ...stance, pendingRecords: mergeRecords(previous?.pendingRecords, changes.pending) },
    expectedVersion,
  );
  return drainStance(deps, saved);
}

/** Writes a stance's pending records and removes them from it; never throws (see `drain`). */
export async function drainStance(deps: AppDeps, stance: Stance): Promise<Stance> {
  const pending = stance.pendingRecords;
  if (!hasRecords(pending)) return stance;
  try {
    await writeRecords(deps, pending);
    const { version, ...rest } = stance;
    return await deps.store.stances.put(
      { ...rest, pendingRecords: withoutRecords(pending, pending) },
      version,
    );
  } catch (err) {
    if (!(err instanceof ConflictError)) {
      deps.log.warn('records of a stance left pending; a later drain writes them', {
        initiativeId: stance.initiativeId,
        err,
      });
    }
    return stance;
  }
}

/**
 * The sweep: writes the records every initiative still holds as pending (after a fault, a crash or
 * a slow store). Run by the dispatcher before it delivers; one bad item never stops the rest.
 */
export async function drainAll(deps: AppDeps): Promise<number> {
  let drained = 0;
  let cursor: string | null = null;
  do {
    const page = await deps.store.initiatives.list({ by: 'pending' }, { cursor, limit: 100 });
    for (const initiative of page.items) {
      const after = await drain(deps, initiative);
      if (!hasRecords(after.pendingRecords)) drained++;
    }
    cursor = page.nextCursor;
  } while (cursor);
  // Stances hold the records of a vote whose writing-out failed (jäv declarations among them).
  for (const stance of await deps.store.stances.listPending(200)) {
    const after = await drainStance(deps, stance);
    if (!hasRecords(after.pendingRecords)) drained++;
  }
  return drained;
}
