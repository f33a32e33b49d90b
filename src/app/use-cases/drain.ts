/**
 * Writing out the records a change left pending in the item it wrote, and clearing the mark: after
 * a fault, on a replay, and in the dispatcher's sweep (src/app/use-cases/commit.ts writes changes).
 */
import type { Stance } from '../../domain/approval/approval';
import type { Initiative } from '../../domain/initiative/initiative.types';
import { hasRecords, withoutRecords } from '../../domain/records/pending';
import type { AppDeps } from '../deps';
import { ConflictError } from '../ports/store.errors';
import { writeRecords } from './change-records';
import { updateWithRetry } from './support';

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
