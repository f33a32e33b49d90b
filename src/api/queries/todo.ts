import type { AppDeps } from '../../app/deps';
import type { Person } from '../../domain/initiative/initiative.types';
import type { Status } from '../../domain/initiative/status';
import { may, type Viewer } from '../../domain/policy/policy';
import type { Todo } from '../../contracts/tab-api';
import { followUpsOf } from './follow-ups';
import { readVisible, toRows } from './visible';

const YEAR_MS = 365 * 86_400_000;
const byStatus = (deps: AppDeps, person: Person, statuses: readonly Status[]) =>
  readVisible(deps, person, { statuses });

/**
 * What needs the person's action, by role: RUG stances not yet given, initiatives to assign or
 * prepare, decisions to record, follow-ups due (none in the last year), completions asked of them.
 */
export async function todo(deps: AppDeps, person: Person): Promise<Todo> {
  const viewer: Viewer = { objectId: person.objectId, roles: await deps.directory.rolesOf(person.objectId) };
  const now = deps.clock.now().getTime();

  // "Not yet voted" is part of the query, so the list never reads stances row by row.
  const stances = may('decline', null, viewer)
    ? (await readVisible(deps, person, { statuses: ['submitted'], withoutStanceOf: person.objectId })).filter(
        ({ initiative: i }) => may('decline', i, viewer),
      )
    : [];
  const preparing = await byStatus(deps, person, ['in_preparation', 'awaiting_completion', 'proposal_ready']);
  const toAssign = preparing.filter(
    ({ initiative: i }) => i.status === 'in_preparation' && !i.preparer && may('assign_preparer', i, viewer),
  );
  const preparations = preparing.filter(
    ({ initiative: i }) => i.preparer?.objectId === person.objectId && i.status !== 'proposal_ready',
  );
  // Jäv is asked again when the decision is recorded; the list does not read every stance for it.
  const decisions = preparing.filter(
    ({ initiative: i }) => i.status === 'proposal_ready' && may('decide_approve', i, viewer),
  );
  const running = await byStatus(deps, person, ['approved', 'in_implementation']);
  const followUps = running.filter(({ initiative: i }) => {
    const last = followUpsOf(i).pop()?.at ?? i.decidedAt ?? i.updatedAt;
    return may('add_follow_up', i, viewer) && now - Date.parse(last) > YEAR_MS;
  });
  const completions = (
    await readVisible(deps, person, { initiatorId: person.objectId, includeDrafts: true })
  ).filter(({ initiative: i }) => may('complete', i, viewer));
  const [a, b, c, d, e, f] = [stances, toAssign, preparations, decisions, followUps, completions].map(
    (list) => toRows(deps, list),
  );
  return { stances: a!, toAssign: b!, preparations: c!, decisions: d!, followUps: e!, completions: f! };
}
