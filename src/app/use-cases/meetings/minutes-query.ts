import type { Initiative } from '../../../domain/initiative/initiative.types';
import { type Minutes, buildMinutes } from '../../../domain/meeting/minutes';
import type { Meeting } from '../../../domain/meeting/meeting.types';
import type { AppDeps } from '../../deps';
import { loadMeeting } from './meeting-support';

/** A meeting with its minutes as they stand (draft until justered), for documents and the tab. */
export async function minutesOf(
  deps: AppDeps,
  meetingId: string,
): Promise<{ meeting: Meeting; minutes: Minutes }> {
  const meeting = await loadMeeting(deps, meetingId);
  const initiatives = new Map<string, Initiative>();
  for (const item of meeting.agenda) {
    const initiative = await deps.store.initiatives.get(item.initiativeId);
    if (initiative) initiatives.set(initiative.id, initiative);
  }
  return { meeting, minutes: buildMinutes(deps.catalogue, meeting, initiatives) };
}

/** The meeting paragraphs of one initiative's decisions, for links from the initiative page. */
export function meetingLinksOf(initiative: Initiative) {
  return initiative.decisions.flatMap((d) => (d.meeting ? [{ decisionId: d.id, ...d.meeting }] : []));
}
