import { refusedByTeams, UncertainPostError } from './channel-cards';
import type { ChatGateway } from '../app/ports/chat-gateway.port';
import type { MeetingNotificationKind, Notification } from '../app/ports/outbox.port';
import {
  abandonMeetingPost,
  beginMeetingPost,
  rememberMeetingCard,
} from '../app/use-cases/meetings/meeting-card';
import { minutesOf } from '../app/use-cases/meetings/minutes-query';
import { extractCard, justeringCard, meetingAgendaCard } from '../cards/meeting-cards';
import { channelNotice } from '../cards/rug-cards';
import { clip } from '../cards/view-models';
import { localeFrom } from '../i18n/locale';
import { meetingStrings } from '../i18n/meeting-strings';
import { fill } from '../i18n/strings';
import type { BotContext } from './bot-context';
import { fileJusteredMinutes } from './meeting-filing';
import type { Decision } from '../domain/initiative/initiative.types';
import { paragraphLabel } from '../domain/meeting/paragraph';
import type { Locale } from '../domain/shared/label';

const KINDS: readonly MeetingNotificationKind[] = [
  'meeting_agenda',
  'justering_requested',
  'minutes_commented',
  'extract_ready',
  'minutes_justered',
];

export function isMeetingNotification(
  n: Notification,
): n is Notification & { kind: MeetingNotificationKind } {
  return (KINDS as readonly string[]).includes(n.kind);
}

/** " (§ 12, ej justerat)": a decision taken in a meeting says where it stands until the minutes are signed. */
export function meetingSuffix(decision: Decision | undefined, locale: Locale): string {
  if (!decision?.meeting) return '';
  return ` (${paragraphLabel(decision.meeting.paragraph)}, ${meetingStrings(locale).ejJusterat})`;
}

async function userRef(bc: BotContext, n: Notification) {
  if (n.recipient.type !== 'user') throw new Error('a meeting message to a person has no user recipient');
  const ref = await bc.deps.store.conversations.get(`user:${n.recipient.objectId}`);
  if (!ref) throw new Error('the person has no chat with the app yet');
  return { ref, objectId: n.recipient.objectId };
}

/**
 * Delivers the meeting messages: the agenda card in the RUG channel (posted once, then updated in
 * place), the justering cards, the comment back to the secretary, and each initiator's extract.
 */
export async function deliverMeetingNotification(
  bc: BotContext,
  gateway: ChatGateway,
  n: Notification & { kind: MeetingNotificationKind },
): Promise<void> {
  const meetingId = n.data.meetingId ?? '';
  if (!(await bc.deps.store.meetings.get(meetingId))) return;
  const { meeting, minutes } = await minutesOf(bc.deps, meetingId);
  const link = bc.meetingLinkFor?.(meeting.id) ?? '';
  switch (n.kind) {
    case 'meeting_agenda': {
      const ref = await bc.deps.store.conversations.get('channel:rug');
      if (!ref) throw new Error('no RUG channel registered');
      const card = meetingAgendaCard(localeFrom(ref.locale), meeting, link);
      // Posted at most once: the intent is recorded first (two agenda notifications, a crash after
      // the send or a lost answer never post a second card).
      const begun = await beginMeetingPost(bc.deps, meeting.id, n.id);
      if (begun.outcome === 'posted') {
        await gateway.updateCard(
          { ...ref, conversationId: begun.card.conversationId },
          begun.card.activityId,
          card,
        );
        return;
      }
      if (begun.outcome === 'uncertain') throw new UncertainPostError('review');
      let activityId: string;
      try {
        ({ activityId } = await gateway.sendCard(ref, card, `RUG ${meeting.date}`));
      } catch (err) {
        // Teams answered "not taken" (a 4xx such as 429): withdraw the intent, so a retry posts it.
        if (refusedByTeams(err)) await abandonMeetingPost(bc.deps, meeting.id, n.id);
        throw err;
      }
      await rememberMeetingCard(bc.deps, meeting.id, { conversationId: ref.conversationId, activityId });
      return;
    }
    case 'justering_requested': {
      const { ref, objectId } = await userRef(bc, n);
      const locale = localeFrom(ref.locale);
      const card = justeringCard(locale, meeting, minutes, link, { viewerId: objectId });
      await gateway.sendCard(
        ref,
        card,
        fill(meetingStrings(locale).justeringHeading, { date: meeting.date }),
      );
      return;
    }
    case 'minutes_commented': {
      const { ref } = await userRef(bc, n);
      const t = meetingStrings(localeFrom(ref.locale));
      const last = meeting.comments[meeting.comments.length - 1];
      const heading = fill(t.commentedHeading, { date: meeting.date });
      const lines = last ? [fill(t.commentFrom, { name: last.by.name, text: clip(last.text, 2000) })] : [];
      await gateway.sendCard(ref, channelNotice(localeFrom(ref.locale), heading, lines, { link }), heading);
      return;
    }
    case 'minutes_justered': {
      // Filed first: the records' copy must not wait for the channel (a failed post is retried).
      await fileJusteredMinutes(bc.deps, meeting, minutes);
      const ref = await bc.deps.store.conversations.get('channel:rug');
      if (!ref) throw new Error('no RUG channel registered');
      const locale = localeFrom(ref.locale);
      const t = meetingStrings(locale);
      const heading = fill(t.justeredHeading, { date: meeting.date });
      const lines = [fill(t.justeredBody, { count: String(minutes.paragraphs.length) })];
      await gateway.sendCard(ref, channelNotice(locale, heading, lines, { link }), heading);
      return;
    }
    case 'extract_ready': {
      const { ref } = await userRef(bc, n);
      const paragraph = minutes.paragraphs.find((p) => String(p.number) === n.data.paragraph);
      if (!paragraph) return;
      const initiative = await bc.deps.store.initiatives.get(paragraph.initiativeId);
      const locale = localeFrom(ref.locale);
      const target = initiative?.ref ? bc.linkFor(initiative.ref) : link;
      const card = extractCard(locale, meeting, paragraph, target);
      await gateway.sendCard(ref, card, paragraph.heading);
      return;
    }
  }
}
