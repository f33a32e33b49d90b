import type { Actor } from './lifecycle';
import type { Initiative, Person } from './initiative.types';

/** Roles a person holds in the process, from configuration and the RUG channel roster. */
export type Role = 'rug_member' | 'rug_chair' | 'rug_secretary' | 'beredning' | 'admin';

/** Works out in which capacities a person acts on one initiative. */
export function actorsFor(
  person: Pick<Person, 'objectId'>,
  initiative: Initiative | null,
  roles: readonly Role[],
): Actor[] {
  const actors = new Set<Actor>();
  if (initiative && initiative.initiator.objectId === person.objectId) actors.add('initiator');
  for (const role of roles) {
    if (role === 'beredning') actors.add('preparer');
    else actors.add(role);
  }
  // The chair and secretary are RUG members too.
  if (actors.has('rug_chair') || actors.has('rug_secretary')) actors.add('rug_member');
  if (initiative?.preparer && initiative.preparer.objectId === person.objectId) actors.add('preparer');
  return [...actors];
}
