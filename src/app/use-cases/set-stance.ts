import { type Stance, type StanceKind, type Tally, tally } from '../../domain/approval/approval';
import type { Initiative, Person } from '../../domain/initiative/initiative.types';
import { transition, type Status } from '../../domain/initiative/lifecycle';
import { actorsFor } from '../../domain/initiative/actors';
import { containsIdentityNumber } from '../../domain/initiative/personnummer';
import { DomainError, ValidationError } from '../../domain/shared/domain.errors';
import type { AppDeps } from '../deps';
import { ConflictError } from '../ports/store.errors';
import { ChangeRecords, loadInitiative, updateWithRetry } from './support';

/** Stances can be given and changed until RUG has decided. */
const OPEN_FOR_STANCES: readonly Status[] = [
  'submitted',
  'in_preparation',
  'awaiting_completion',
  'proposal_ready',
];
export const STANCE_COMMENT_MAX = 1000;

export interface StanceResult {
  readonly initiative: Initiative;
  readonly stances: readonly Stance[];
  readonly tally: Tally;
  /** False when the member repeated the stance they already had. */
  readonly changed: boolean;
}

/** Checks that the person is a current RUG member; everyone else is refused with a clear message. */
export async function assertRugMember(deps: AppDeps, person: Person): Promise<void> {
  const roles = await deps.directory.rolesOf(person.objectId);
  if (!actorsFor(person, null, roles).includes('rug_member')) {
    throw new DomainError('RUG.NOT_MEMBER', {
      sv: 'Bara ledamöter i RUG kan ta ställning till initiativ. Inget har ändrats.',
      en: 'Only RUG members can take a stance on initiatives. Nothing was changed.',
    });
  }
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
  await assertRugMember(deps, person);
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
  if (kind === 'approve' && initiative.initiator.objectId === person.objectId) {
    // Approving one's own initiative would meet skallkrav 4 alone: that is jäv in all but name.
    throw new DomainError('RUG.OWN_INITIATIVE', {
      sv: 'Du kan inte godkänna ditt eget initiativ. Anmäl jäv i stället.',
      en: 'You cannot approve your own initiative. Declare a conflict of interest instead.',
    });
  }
  if (!OPEN_FOR_STANCES.includes(initiative.status)) {
    throw new DomainError(
      'RUG.STANCE_CLOSED',
      {
        sv: 'Initiativet är inte längre öppet för ställningstaganden.',
        en: 'The initiative is no longer open for stances.',
      },
      { status: initiative.status },
    );
  }

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
    const records = new ChangeRecords(deps).audit(
      initiativeId,
      previous ? 'stance_changed' : 'stance_set',
      person,
      {
        ...(previous ? { before: { stance: previous.stance } } : {}),
        after: { stance: kind },
      },
    );
    if (kind === 'approve') {
      const endorsed = await updateWithRetry(
        deps,
        initiativeId,
        (current) =>
          current.status === 'submitted'
            ? { ...current, status: transition('submitted', 'endorse', ['rug_member']) }
            : null,
        8,
        initiative, // read a moment ago: a stale copy only costs one conflict and a re-read
      );
      if (endorsed) {
        initiative = endorsed.after;
        records
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
    await records
      .notify({ kind: 'refresh_cards', initiativeId, recipient: { type: 'channel', key: 'rug' }, data: {} })
      .write();
  }
  const stances = await deps.store.stances.listFor(initiativeId);
  // A stance never changes the initiative itself (only the endorsement above does), so the copy read
  // at the start is current enough for the answer card.
  return { initiative, stances, tally: tally(stances), changed };
}
