import type { Stance } from '../../domain/approval/approval';
import type { Initiative } from '../../domain/initiative/initiative.types';
import type { PendingRecords } from '../../domain/records/pending';
import type { NewInitiative } from './initiative-repository.port';
import type { NewStance } from './stance-repository.port';

/** One write of a change, as the repositories take it (an update is refused if the version is stale). */
export type RecordWrite =
  | { readonly kind: 'new-initiative'; readonly initiative: NewInitiative }
  | { readonly kind: 'initiative'; readonly initiative: Initiative }
  | { readonly kind: 'stance'; readonly stance: NewStance; readonly expectedVersion: string | null };

/**
 * A write and the records it holds as pending (its audit events and notifications), to be
 * written out once the write has landed. `records` may be empty (a write that clears a mark).
 */
export interface WriteStep {
  readonly write: RecordWrite;
  readonly records: PendingRecords;
}

export type Written =
  | { readonly kind: 'initiative'; readonly initiative: Initiative; readonly created: boolean }
  | { readonly kind: 'stance'; readonly stance: Stance };

/**
 * What became of one step. `landed`: the write is stored (`created: false` for a new initiative
 * whose client key was taken: `initiative` is then the stored one, and none of the step's records
 * were written); `recordsWritten` says whether all the step's records are confirmed stored.
 * `refused`: the write did not land — a ConflictError when stale or taken; any other error means
 * the store could not say (treat it as a failure: a replay finds out). `skipped`: not tried,
 * because an earlier step did not fully succeed.
 */
export type StepResult =
  | { readonly status: 'landed'; readonly saved: Written; readonly recordsWritten: boolean }
  | { readonly status: 'refused'; readonly error: Error }
  | { readonly status: 'skipped' };

/**
 * Writes the steps in order, each followed by its records; a step goes out only if every step
 * before it landed with all its records. A store whose every write is a round trip (SharePoint)
 * sends them as one `$batch` in which each request depends on the one before, so records are
 * never written for a write that did not land. Throws (a store error) only when the answer itself
 * was lost: then any of it may have landed, and a replay or the sweep finishes it.
 */
export type WriteTogether = (steps: readonly WriteStep[]) => Promise<StepResult[]>;
