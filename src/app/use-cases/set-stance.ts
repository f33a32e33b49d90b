import { type Stance, type StanceKind, type Tally, tally } from '../../domain/approval/approval';
import type { Initiative, Person } from '../../domain/initiative/initiative.types';
import { transition } from '../../domain/initiative/lifecycle';
import { containsIdentityNumber } from '../../domain/initiative/personnummer';
import { type Activity, assertMay } from '../../domain/policy/policy';
import { ValidationError } from '../../domain/shared/domain.errors';
import type { AppDeps } from '../deps';
import { ConflictError } from '../ports/store.errors';
import { records } from './change-records';
import { loadInitiative, updateWithRetry, viewerFor } from './support';

export const STANCE_COMMENT_MAX = 1000;

/** The policy's name for taking each stance. */
const STANCE_ACTIVITY: Readonly<Record<StanceKind, Activity>> = {
  approve: 'approve',
  decline: 'decline',
  jav: 'declare_jav',
};

export interface StanceResult {
  readonly initiative: Initiative;
  readonly stances: readonly Stance[];
  readonly tally: Tally;
  /** False when the member repeated the stance they already had. */
  readonly changed: boolean;
}

/**
 * Records a RUG member's stance (approve, decline, jäv). One stance per member, changeable until the
 * decision; the first approval meets skallkrav 4 and moves the initiative into preparation.
 */
export async function setStance(
  deps: AppDeps,
  person: Person,
  initiativeId: string,
  kind: StanceKind,
  comment = '',
): Promise<StanceResult> {
  const viewer = await viewerFor(deps, person);
  // Membership is checked before anything is read, so an outsider learns nothing of the initiative.
  assertMay(STANCE_ACTIVITY[kind], null, viewer);

  const text = comment.trim();
  if (text.length > STANCE_COMMENT_MAX || containsIdentityNumber(text)) {
    throw new ValidationError([
      {
        field: 'comment',
        code: text.length > STANCE_COMMENT_MAX ? 'FIELD.TOO_LONG' : 'FIELD.PERSONAL_IDENTITY_NUMBER',
        message:
          text.length > STANCE_COMMENT_MAX
            ? { sv: `Högst ${STANCE_COMMENT_MAX} tecken.`, en: `At most ${STANCE_COMMENT_MAX} characters.` }
            : {
                sv: 'Kommentaren innehåller något som ser ut som ett personnummer. Ta bort det.',
                en: 'The comment contains what looks like a personal identity number. Remove it.',
              },
      },
    ]);
  }
  let initiative = await loadInitiative(deps, initiativeId);
  assertMay(STANCE_ACTIVITY[kind], initiative, viewer);

  const next = {
    initiativeId,
    memberId: person.objectId,
    memberName: person.name,
    stance: kind,
    comment: text,
    at: deps.clock.now().toISOString(),
  };
  let previous: Stance | null = null;
  let changed = true;
  for (let attempt = 1; ; attempt++) {
    previous = await deps.store.stances.get(initiativeId, person.objectId);
    if (previous && previous.stance === kind && previous.comment === text) {
      changed = false;
      break;
    }
    try {
      await deps.store.stances.put(next, previous?.version ?? null);
      break;
    } catch (err) {
      // The same member acting twice at once: re-read and apply again.
      if (!(err instanceof ConflictError) || attempt >= 5) throw err;
    }
  }

  if (changed) {
    // Everything this vote records goes out together at the end: one round trip on SharePoint.
    const changes = records(deps).audit(initiativeId, previous ? 'stance_changed' : 'stance_set', person, {
      ...(previous ? { before: { stance: previous.stance } } : {}),
      after: { stance: kind },
    });
    if (kind === 'approve') {
      const endorsed = await updateWithRetry(
        deps,
        initiativeId,
        (current) =>
          current.status === 'submitted'
            ? { ...current, status: transition('endorse', current, viewer) }
            : null,
        8,
        initiative, // read a moment ago: a stale copy only costs one conflict and a re-read
      );
      if (endorsed) {
        initiative = endorsed.after;
        changes
          .audit(initiativeId, 'endorsed', person, {
            before: { status: 'submitted' },
            after: { status: initiative.status },
          })
          .notify({
            kind: 'endorsed',
            initiativeId,
            recipient: { type: 'user', objectId: initiative.initiator.objectId },
            data: { memberName: person.name },
          })
          .notify({
            kind: 'preparation_started',
            initiativeId,
            recipient: { type: 'channel', key: 'beredning' },
            data: {},
          });
      }
    }
    await changes.refreshCards(initiativeId).write();
  }
  const stances = await deps.store.stances.listFor(initiativeId);
  // A stance never changes the initiative itself (only the endorsement above does), so the copy read
  // at the start is current enough for the answer card.
  return { initiative, stances, tally: tally(stances), changed };
}
