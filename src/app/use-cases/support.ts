import { tally } from '../../domain/approval/approval';
import type { Initiative, Person } from '../../domain/initiative/initiative.types';
import { shownVersion } from '../../domain/initiative/shown-version';
import { checkApprovalSkallkrav } from '../../domain/initiative/skallkrav';
import type { Viewer } from '../../domain/policy/policy';
import { MissingError, StateConflictError } from '../../domain/shared/domain.errors';
import type { AppDeps } from '../deps';
import { ConflictError } from '../ports/store.errors';

/** Loads an initiative or fails with a stable, user-presentable error. */
export async function loadInitiative(deps: AppDeps, id: string): Promise<Initiative> {
  const initiative = await deps.store.initiatives.get(id);
  if (!initiative) {
    throw new MissingError('INITIATIVE.NOT_FOUND', {
      sv: 'Initiativet finns inte (längre).',
      en: 'The initiative does not exist (any more).',
    });
  }
  return initiative;
}

/**
 * The person as the policy sees them: their roles, and — when an initiative is named — whether they
 * declared jäv on it (which bars them from deciding it).
 */
export async function viewerFor(deps: AppDeps, person: Person, initiativeId?: string): Promise<Viewer> {
  const [roles, own] = await Promise.all([
    deps.directory.rolesOf(person.objectId),
    initiativeId ? deps.store.stances.get(initiativeId, person.objectId) : Promise.resolve(null),
  ]);
  // Jäv, once declared, stays declared (the stance keeps when it was, whatever it says now).
  return { objectId: person.objectId, roles, javDeclared: own?.stance === 'jav' || !!own?.javDeclaredAt };
}

/**
 * Optimistic concurrency: re-reads and re-applies the change when another writer won, a few times.
 * `change` returns null when, after re-reading, there is nothing left to do.
 */
export async function updateWithRetry(
  deps: AppDeps,
  id: string,
  change: (current: Initiative) => Initiative | null,
  attempts = 8,
  /** A copy the caller just read: the first attempt uses it instead of reading again. */
  known?: Initiative,
): Promise<{ before: Initiative; after: Initiative } | null> {
  for (let n = 1; ; n++) {
    const before = n === 1 && known?.id === id ? known : await loadInitiative(deps, id);
    const next = change(before);
    if (!next) return null;
    try {
      const after = await deps.store.initiatives.update({
        ...next,
        updatedAt: deps.clock.now().toISOString(),
      });
      return { before, after };
    } catch (err) {
      if (!(err instanceof ConflictError) || n >= attempts) throw err;
    }
  }
}

/**
 * A responsible party must be an organisation or network of the catalogue in use: a retired one
 * only where the initiative already names it (its proposal or an earlier decision).
 */
export function assertResponsible(
  deps: AppDeps,
  responsibleId: string | undefined,
  initiative: Initiative | null,
): void {
  if (!responsibleId) return;
  const entry = [...deps.catalogue.organisations, ...deps.catalogue.networks].find(
    (x) => x.id === responsibleId,
  );
  const held =
    initiative?.proposal?.responsibleId === responsibleId ||
    !!initiative?.decisions.some((d) => d.responsibleId === responsibleId);
  if (entry && entry.retiredIn !== undefined && !held) {
    throw new StateConflictError('DECISION.RETIRED_RESPONSIBLE', {
      sv: 'Den ansvariga organisationen eller nätverket har gått ut ur katalogen. Välj en som är i bruk.',
      en: 'The responsible organisation or network has been retired from the catalogue. Choose one in use.',
    });
  }
  if (!entry) {
    throw new StateConflictError('DECISION.UNKNOWN_RESPONSIBLE', {
      sv: 'Ansvarig organisation eller nätverk finns inte i katalogen.',
      en: 'The responsible organisation or network is not in the catalogue.',
    });
  }
}

/**
 * Skallkrav 4 must still hold when the process moves on: if the only approval was changed, no
 * proposal or decision (other than a referral back) can be made until a RUG member approves again.
 */
export async function assertApproved(deps: AppDeps, initiativeId: string): Promise<void> {
  const unmet = checkApprovalSkallkrav(tally(await deps.store.stances.listFor(initiativeId)));
  if (unmet.length > 0) throw new StateConflictError('SKALLKRAV.RUG_APPROVAL', unmet[0]!.message);
}

/**
 * A stance or a decision applies to what the person saw: refused when the text behind the card or
 * form (its fingerprint, `shown`) has changed since. Callers that show nothing pass no fingerprint.
 */
export function assertShown(i: Initiative, what: 'review' | 'decision', shown: string | undefined): void {
  if (shown === undefined || shown === shownVersion(i, what)) return;
  throw new StateConflictError(
    'INITIATIVE.CHANGED_SINCE_SHOWN',
    {
      sv: 'Initiativet har ändrats sedan du fick se det. Läs den uppdaterade texten och försök igen.',
      en: 'The initiative has changed since it was shown to you. Read the updated text and try again.',
    },
    { what },
  );
}
