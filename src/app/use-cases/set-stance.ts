import { type Stance, type StanceKind, type Tally, tally } from '../../domain/approval/approval';
import type { Initiative, Person } from '../../domain/initiative/initiative.types';
import { transition } from '../../domain/initiative/lifecycle';
import { containsIdentityNumber } from '../../domain/initiative/personnummer';
import { type Activity, assertMay, type Viewer } from '../../domain/policy/policy';
import { cleanText } from '../../domain/shared/clean-text';
import { ValidationError } from '../../domain/shared/domain.errors';
import type { AppDeps } from '../deps';
import { ConflictError } from '../ports/store.errors';
import { records } from './change-records';
import { commit, commitStanceWith, drain, drainStance, type InitiativeChange } from './commit';
import { assertShown, loadInitiative, viewerFor } from './support';

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
  /** The fingerprint of the text the member was shown (the card sends it). */
  shown?: string,
): Promise<StanceResult> {
  const viewer = await viewerFor(deps, person);
  // Membership is checked before anything is read, so an outsider learns nothing of the initiative.
  assertMay(STANCE_ACTIVITY[kind], null, viewer);

  const text = cleanText(comment).trim();
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
  assertShown(initiative, 'review', shown);

  const next = {
    initiativeId,
    memberId: person.objectId,
    memberName: person.name,
    stance: kind,
    comment: text,
    at: deps.clock.now().toISOString(),
  };
  let changed = true;
  let endorsed: Initiative | null = null;
  let stale = false;
  for (let attempt = 1; ; attempt++) {
    const previous = await deps.store.stances.get(initiativeId, person.objectId);
    if (previous && previous.stance === kind && previous.comment === text) {
      // The same stance again (a double click, a retry): finish what the first press left pending.
      changed = false;
      await drainStance(deps, previous);
      break;
    }
    const changes = records(deps)
      .audit(initiativeId, previous ? 'stance_changed' : 'stance_set', person, {
        ...(previous ? { before: { stance: previous.stance } } : {}),
        after: { stance: kind },
      })
      .refreshCards(initiativeId);
    const declared = previous?.javDeclaredAt ?? (kind === 'jav' ? next.at : undefined);
    // The first approval's endorsement goes with the stance (written only if the stance lands).
    const follow =
      kind === 'approve' && initiative.status === 'submitted'
        ? { known: initiative, change: endorsement(deps, person, viewer) }
        : undefined;
    try {
      const saved = await commitStanceWith(
        deps,
        { ...next, ...(declared ? { javDeclaredAt: declared } : {}) },
        previous?.version ?? null,
        changes,
        previous,
        follow,
      );
      endorsed = saved.initiative?.after ?? null;
      stale = saved.stale;
      break;
    } catch (err) {
      // The same member acting twice at once: re-read and apply again.
      if (!(err instanceof ConflictError) || attempt >= 5) throw err;
    }
  }
  // Skallkrav 4: an approval moves a submitted initiative into preparation. Asked on every press,
  // not only when the stance changed, so a retry after a failed endorsement still endorses.
  if (kind === 'approve') initiative = endorsed ?? (await endorse(deps, person, viewer, initiative, stale));
  const stances = await deps.store.stances.listFor(initiativeId);
  // A stance never changes the initiative itself (only the endorsement above does), so the copy read
  // at the start is current enough for the answer card.
  return { initiative, stances, tally: tally(stances), changed };
}

/** The first approval's endorsement: a submitted initiative moves into preparation. */
function endorsement(deps: AppDeps, person: Person, viewer: Viewer): InitiativeChange {
  return (current) =>
    current.status !== 'submitted'
      ? null
      : {
          next: { ...current, status: transition('endorse', current, viewer) },
          records: records(deps)
            .audit(current.id, 'endorsed', person, {
              before: { status: 'submitted' },
              after: { status: 'in_preparation' },
            })
            .notify({
              kind: 'endorsed',
              initiativeId: current.id,
              recipient: { type: 'user', objectId: current.initiator.objectId },
              data: { memberName: person.name },
            })
            .notify({
              kind: 'preparation_started',
              initiativeId: current.id,
              recipient: { type: 'channel', key: 'beredning' },
              data: {},
            }),
        };
}

/** The endorsement committed on its own, with its records; a replay finishes what it left. */
async function endorse(
  deps: AppDeps,
  person: Person,
  viewer: Viewer,
  known: Initiative,
  /** The endorsement sent with the stance was refused: `known` is out of date. */
  stale: boolean,
): Promise<Initiative> {
  const endorsed = await commit(
    deps,
    known.id,
    endorsement(deps, person, viewer),
    // Read a moment ago: a stale copy would only cost one conflict and a re-read.
    stale ? undefined : known,
  );
  if (endorsed) return endorsed.after;
  // Nothing to endorse (already done, by this press earlier or by another member): finish what
  // is pending on the current copy (the turn's cache holds it when commit has just read it).
  return drain(deps, stale ? await loadInitiative(deps, known.id) : known);
}
