import type { AppDeps } from '../../app/deps';
import { actorsFor } from '../../domain/initiative/actors';
import type { Initiative, Person } from '../../domain/initiative/initiative.types';
import type { Status } from '../../domain/initiative/lifecycle';
import type { Todo } from '../../contracts/tab-api';
import { followUpsOf } from './follow-ups';
import { readVisible, toRows } from './visible';

const YEAR_MS = 365 * 86_400_000;
const byStatus = (deps: AppDeps, person: Person, statuses: readonly Status[]) =>
  Promise.all(statuses.map((value) => readVisible(deps, person, { by: 'status', value }))).then((x) =>
    x.flat(),
  );

/**
 * What needs the person's action, by role: RUG stances not yet given, initiatives to assign or
 * prepare, decisions to record, follow-ups due (none in the last year), completions asked of them.
 */
export async function todo(deps: AppDeps, person: Person): Promise<Todo> {
  const roles = await deps.directory.rolesOf(person.objectId);
  const actors = actorsFor(person, null, roles);
  const isChair = actors.includes('rug_chair') || actors.includes('rug_secretary');
  const isBeredning = roles.includes('beredning');
  const now = deps.clock.now().getTime();

  const stances: Initiative[] = [];
  if (actors.includes('rug_member')) {
    for (const i of await byStatus(deps, person, ['submitted']))
      if (!(await deps.store.stances.get(i.id, person.objectId))) stances.push(i);
  }
  const preparing = await byStatus(deps, person, ['in_preparation', 'awaiting_completion', 'proposal_ready']);
  const toAssign =
    isBeredning || isChair ? preparing.filter((i) => i.status === 'in_preparation' && !i.preparer) : [];
  const preparations = preparing.filter(
    (i) => i.preparer?.objectId === person.objectId && i.status !== 'proposal_ready',
  );
  const decisions = isChair ? preparing.filter((i) => i.status === 'proposal_ready') : [];
  const running = await byStatus(deps, person, ['approved', 'in_implementation']);
  const followUps = running.filter((i) => {
    const mine = isBeredning || isChair || i.preparer?.objectId === person.objectId;
    const last = followUpsOf(i).pop()?.at ?? i.decidedAt ?? i.updatedAt;
    return mine && now - Date.parse(last) > YEAR_MS;
  });
  const completions = (await readVisible(deps, person, { by: 'initiator', value: person.objectId })).filter(
    (i) => i.status === 'awaiting_completion',
  );
  const [a, b, c, d, e, f] = await Promise.all(
    [stances, toAssign, preparations, decisions, followUps, completions].map((list) => toRows(deps, list)),
  );
  return { stances: a!, toAssign: b!, preparations: c!, decisions: d!, followUps: e!, completions: f! };
}
