import { approveMinutes, commentOnMinutes } from '../app/use-cases/meetings/justering';
import { minutesOf } from '../app/use-cases/meetings/minutes-query';
import { messageCard } from '../cards/initiative-cards';
import { justeringCard } from '../cards/meeting-cards';
import type { AdaptiveCardJson } from '../cards/templates';
import type { Person } from '../domain/initiative/initiative.types';
import type { Locale } from '../domain/shared/label';
import { meetingStrings } from '../i18n/meeting-strings';
import type { BotContext } from './bot-context';
import { codeOf, messageText } from './error-cards';

/** The justering card's verbs; card-verbs.ts lists them with the others. */
export const MEETING_VERBS = ['meeting.approveMinutes', 'meeting.commentMinutes'] as const;
export type MeetingVerb = (typeof MEETING_VERBS)[number];

export function isMeetingVerb(value: unknown): value is MeetingVerb {
  return typeof value === 'string' && (MEETING_VERBS as readonly string[]).includes(value);
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * A signer's action on their justering card. The card sends only the meeting id (and a typed
 * comment); who may sign is decided from the stored meeting, never from card data.
 */
export async function answerMeetingAction(
  bc: BotContext,
  person: Person,
  locale: Locale,
  verb: MeetingVerb,
  data: Readonly<Record<string, unknown>>,
): Promise<AdaptiveCardJson> {
  const t = meetingStrings(locale);
  const meetingId = str(data.meetingId);
  const comment = str(data.comment);
  const link = bc.meetingLinkFor?.(meetingId) ?? '';
  let notice: { text: string; tone?: 'good' | 'attention' };
  try {
    if (verb === 'meeting.approveMinutes') {
      const shown = data.shown === undefined ? undefined : str(data.shown);
      const after = await approveMinutes(bc.deps, person, meetingId, shown);
      notice = { text: after.status === 'justered' ? t.justeredNotice : t.approvedNotice };
    } else {
      await commentOnMinutes(bc.deps, person, meetingId, comment);
      notice = { text: t.commentedNotice };
    }
  } catch (err) {
    bc.deps.log.info('meeting card action refused', { verb, code: codeOf(err) });
    notice = { text: messageText(err, locale), tone: 'attention' };
    // The meeting may not exist at all (a forged id): answer with the message only.
    const found = await bc.deps.store.meetings.get(meetingId).catch(() => null);
    if (!found) return messageCard(locale, notice.text, { tone: 'attention' });
    const { meeting, minutes } = await minutesOf(bc.deps, meetingId);
    return justeringCard(locale, meeting, minutes, link, { viewerId: person.objectId, notice, comment });
  }
  const { meeting, minutes } = await minutesOf(bc.deps, meetingId);
  return justeringCard(locale, meeting, minutes, link, { viewerId: person.objectId, notice });
}
