/**
 * The writes of a change and their records, in as few round trips as the store allows: the
 * store's own `writeTogether` where it has one (one `$batch` on SharePoint), else the same steps
 * made with single writes (SQLite, where a write is no round trip). Then, for every write whose
 * records are confirmed, its pending mark is cleared — all of them in one more round trip.
 */
import { hasRecords, type PendingRecords, withoutRecords } from '../../domain/records/pending';
import type { AppDeps } from '../deps';
import type { Store } from '../ports/store.port';
import type { StepResult, WriteStep, Written } from '../ports/write-together.port';
import { ConflictError } from '../ports/store.errors';

async function writeOne(store: Store, step: WriteStep): Promise<Written> {
  const w = step.write;
  switch (w.kind) {
    case 'new-initiative': {
      const { initiative, created } = await store.initiatives.create(w.initiative);
      return { kind: 'initiative', initiative, created };
    }
    case 'initiative':
      return { kind: 'initiative', initiative: await store.initiatives.update(w.initiative), created: false };
    case 'stance':
      return { kind: 'stance', stance: await store.stances.put(w.stance, w.expectedVersion) };
  }
}

/** The same rules as a store's `writeTogether`, made of single writes. */
async function oneByOne(store: Store, steps: readonly WriteStep[]): Promise<StepResult[]> {
  const results: StepResult[] = [];
  let go = true;
  for (const step of steps) {
    if (!go) {
      results.push({ status: 'skipped' });
      continue;
    }
    let saved: Written;
    try {
      saved = await writeOne(store, step);
    } catch (error) {
      results.push({ status: 'refused', error: error instanceof Error ? error : new Error(String(error)) });
      go = false;
      continue;
    }
    // A client key already taken: this step's records belong to a change that did not happen.
    let recordsWritten = saved.kind !== 'initiative' || saved.created || step.write.kind !== 'new-initiative';
    if (recordsWritten && hasRecords(step.records)) {
      recordsWritten = await store.recordTogether(step.records.events, step.records.notifications).then(
        () => true,
        () => false,
      );
    }
    results.push({ status: 'landed', saved, recordsWritten });
    go = recordsWritten;
  }
  return results;
}

export function writeSteps(store: Store, steps: readonly WriteStep[]): Promise<StepResult[]> {
  return store.writeTogether ? store.writeTogether(steps) : oneByOne(store, steps);
}

/** Throws a step's refusal; a skipped step is reported as a conflict (the caller re-reads and retries). */
export function throwRefusal(r: StepResult): never {
  if (r.status === 'refused') throw r.error;
  throw new ConflictError('an earlier write of the same change did not land', 'stale');
}

/** A landed write and the records it was to write out. */
export interface LandedWrite {
  readonly saved: Written;
  readonly records: PendingRecords;
  readonly recordsWritten: boolean;
}

/**
 * Clears the pending marks of the records now confirmed written, for all the writes in one round
 * trip. A clear refused (someone wrote the item meanwhile) goes to `fallback` (the drain of
 * src/app/use-cases/commit.ts, which re-reads). A write whose records are not confirmed keeps its
 * mark: the store has just failed, so the user is not kept waiting on it again; the next replay,
 * the next change or the dispatcher's sweep writes them. Never throws: a mark left standing only
 * means the records are written again later, harmlessly. Answers the records as last written.
 */
export async function clearWritten(
  deps: AppDeps,
  landed: readonly LandedWrite[],
  fallback: (saved: Written) => Promise<Written>,
): Promise<Written[]> {
  const out: Written[] = landed.map((l) => l.saved);
  if (landed.some((l) => !l.recordsWritten))
    deps.log.warn('records of a change left pending; a later drain writes them', {
      ids: landed.filter((l) => !l.recordsWritten).map((l) => idOf(l.saved)),
    });
  const clearing = landed
    .map((l, index) => ({ ...l, index }))
    .filter((l) => l.recordsWritten && hasRecords(l.records) && hasRecords(pendingOf(l.saved)));
  if (clearing.length === 0) return out;
  let results: StepResult[] = [];
  try {
    results = await writeSteps(
      deps.store,
      clearing.map((l) => ({ write: clearOf(deps, l.saved, l.records), records: NONE })),
    );
  } catch (err) {
    deps.log.warn('pending marks not cleared; a later drain clears them', { err });
  }
  for (const [k, l] of clearing.entries()) {
    const r = results[k];
    out[l.index] = r?.status === 'landed' ? r.saved : await fallback(l.saved);
  }
  return out;
}

const NONE: PendingRecords = { events: [], notifications: [] };

const idOf = (w: Written): string => (w.kind === 'initiative' ? w.initiative.id : w.stance.initiativeId);

function pendingOf(w: Written): PendingRecords | undefined {
  return w.kind === 'initiative' ? w.initiative.pendingRecords : w.stance.pendingRecords;
}

function clearOf(deps: AppDeps, w: Written, written: PendingRecords): WriteStep['write'] {
  if (w.kind === 'initiative') {
    const i = w.initiative;
    return {
      kind: 'initiative',
      initiative: {
        ...i,
        pendingRecords: withoutRecords(i.pendingRecords, written),
        updatedAt: deps.clock.now().toISOString(),
      },
    };
  }
  const { version, ...stance } = w.stance;
  return {
    kind: 'stance',
    stance: { ...stance, pendingRecords: withoutRecords(stance.pendingRecords, written) },
    expectedVersion: version,
  };
}
