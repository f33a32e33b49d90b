import type { AppDeps } from '../../app/deps';
import { tally } from '../../domain/approval/approval';
import type { AuditEvent } from '../../domain/audit/audit-event';
import type { Initiative, Person } from '../../domain/initiative/initiative.types';
import { shownVersion } from '../../domain/initiative/shown-version';
import { STATUSES, type Status } from '../../domain/initiative/status';
import { allowedActivities } from '../../domain/policy/policy';
import { parseReference } from '../../domain/initiative/reference';
import { checkFormSkallkrav, SKALLKRAV_TEXT, skallkravStates } from '../../domain/initiative/skallkrav';
import { MissingError } from '../../domain/shared/domain.errors';
import type { InitiativeDetail, SkallkravItem, TimelineEvent } from '../../contracts/tab-api';
import { toPublic, visibleTo } from './visible';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function notFound(): MissingError {
  return new MissingError('INITIATIVE.NOT_FOUND', {
    sv: 'Initiativet finns inte, eller så har du inte tillgång till det.',
    en: 'The initiative does not exist, or you do not have access to it.',
  });
}

/** Finds an initiative by reference (OH-2026-0007) or, for drafts without one, by id. */
export async function findVisible(deps: AppDeps, person: Person, key: string): Promise<Initiative> {
  const parsed = parseReference(key);
  const found = parsed
    ? await deps.store.initiatives.getByRef(parsed.ref)
    : UUID.test(key)
      ? await deps.store.initiatives.get(key)
      : null;
  if (!found || !visibleTo(person, found)) throw notFound();
  return found;
}

/** Everything the initiative page shows, and what the person may do there. */
export async function initiativeDetail(
  deps: AppDeps,
  person: Person,
  key: string,
): Promise<InitiativeDetail> {
  const i = await findVisible(deps, person, key);
  const [stances, roles] = await Promise.all([
    deps.store.stances.listFor(i.id),
    deps.directory.rolesOf(person.objectId),
  ]);
  const t = tally(stances);
  const unmet = checkFormSkallkrav(i.form, deps.catalogue);
  const states = skallkravStates(i, deps.catalogue, t.approve);
  const skallkrav: SkallkravItem[] = ([1, 2, 3, 4] as const).map((rule) => {
    const miss = unmet.find((u) => u.rule === rule);
    const state = states[rule - 1]!;
    return {
      rule,
      state,
      met: state === 'met',
      message: miss ? miss.message : SKALLKRAV_TEXT[rule],
      ...(rule === 4 ? { approvedBy: t.approvedBy } : {}),
    };
  });
  return {
    initiative: toPublic(i, person),
    stances: stances.map((s) => ({
      memberName: s.memberName,
      stance: s.stance,
      comment: s.comment,
      at: s.at,
    })),
    skallkrav,
    shownForDecision: shownVersion(i, 'decision'),
    allowedActions: allowedActivities(i, {
      objectId: person.objectId,
      roles,
      javDeclared:
        stances.some((s) => s.memberId === person.objectId && (s.stance === 'jav' || !!s.javDeclaredAt)) ||
        i.javDeclaredBy?.includes(person.objectId) === true,
    }),
  };
}

const isStatus = (v: unknown): v is Status => (STATUSES as readonly unknown[]).includes(v);

function toEvent(e: AuditEvent): TimelineEvent {
  const before = e.before?.status;
  const after = e.after?.status;
  const stance = e.after?.stance;
  const preparer = e.kind === 'preparer_assigned' ? e.after?.preparer : undefined;
  return {
    id: e.id,
    kind: e.kind,
    at: e.at,
    actorName: e.actor.name,
    ...(isStatus(before) ? { statusBefore: before } : {}),
    ...(isStatus(after) ? { statusAfter: after } : {}),
    ...(stance === 'approve' || stance === 'decline' || stance === 'jav' ? { stance } : {}),
    ...(typeof e.after?.catalogueVersion === 'string' ? { catalogueVersion: e.after.catalogueVersion } : {}),
    ...(typeof preparer === 'string' ? { preparerName: preparer } : {}),
  };
}

/** The audit trail as a timeline, oldest first; only kinds, times, names and status changes. */
export async function timeline(deps: AppDeps, person: Person, key: string): Promise<TimelineEvent[]> {
  const i = await findVisible(deps, person, key);
  const events: TimelineEvent[] = [];
  let cursor: string | null = null;
  do {
    const page = await deps.store.audit.list(i.id, { cursor, limit: 500 });
    events.push(...page.items.map(toEvent));
    cursor = page.nextCursor;
  } while (cursor);
  // Sent before catalogue versions were recorded in the trail: the initiative still knows its own.
  return events.map((e) =>
    e.kind === 'submitted' && !e.catalogueVersion ? { ...e, catalogueVersion: i.catalogueVersion } : e,
  );
}
