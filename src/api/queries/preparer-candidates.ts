import type { AppDeps } from '../../app/deps';
import { preparerCandidates } from '../../app/use-cases/choose-preparer';
import type { PreparerCandidates } from '../../contracts/tab-api';
import type { Person } from '../../domain/initiative/initiative.types';
import { findVisible } from './detail';

const same = (a: string | undefined, b: string) => a?.toLowerCase() === b.toLowerCase();

/** The initiative page's preparer picker: whom the person may make this initiative's preparer. */
export async function preparerCandidatesView(
  deps: AppDeps,
  person: Person,
  key: string,
): Promise<PreparerCandidates> {
  const initiative = await findVisible(deps, person, key);
  const people = await preparerCandidates(deps, person, initiative);
  return {
    items: people.map((m) => ({
      objectId: m.objectId,
      name: m.name,
      isYou: same(m.objectId, person.objectId),
      current: same(initiative.preparer?.objectId, m.objectId),
    })),
  };
}
