import type { Initiative } from '../../domain/initiative/initiative.types';
import type { FollowUpView } from '../../contracts/tab-api';

/** Follow-ups oldest first; records stored before follow-ups existed have none. */
export function followUpsOf(i: Initiative): FollowUpView[] {
  return [...(i.followUps ?? [])]
    .map((f) => ({
      at: f.at,
      state: f.state,
      final: f.final,
      whatWasDone: f.whatWasDone,
      effects: f.effects,
      byName: f.by.name,
    }))
    .sort((a, b) => a.at.localeCompare(b.at));
}

export function latestFollowUp(i: Initiative): FollowUpView | null {
  const all = followUpsOf(i);
  return all[all.length - 1] ?? null;
}

/** The responsible party: set on the initiative, else on the latest decision or the proposal. */
export function responsibleOf(i: Initiative): string | null {
  const own = (i as { readonly responsibleId?: string | null }).responsibleId;
  const decision = i.decisions[i.decisions.length - 1];
  return own ?? decision?.responsibleId ?? i.proposal?.responsibleId ?? null;
}
