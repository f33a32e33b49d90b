import { signerRoles, minutesVersion } from '../domain/meeting/justering';
import type { Minutes, MinutesParagraph } from '../domain/meeting/minutes';
import type { Meeting, MeetingStatus } from '../domain/meeting/meeting.types';
import { paragraphLabel } from '../domain/meeting/paragraph';
import type { Locale } from '../domain/shared/label';
import { fill } from '../i18n/strings';
import { meetingStrings } from '../i18n/meeting-strings';
import { type AdaptiveCardJson, renderCard } from './templates';
import { clip } from './view-models';

/** A link to a meeting's page in the tab (a Teams deep link in production). */
export type MeetingLinkFor = (meetingId: string) => string;

const STATUS_KEY: Readonly<
  Record<MeetingStatus, 'statusPlanned' | 'statusHeld' | 'statusJustering' | 'statusJustered'>
> = {
  planned: 'statusPlanned',
  held: 'statusHeld',
  justering: 'statusJustering',
  justered: 'statusJustered',
};

export function meetingStatusText(locale: Locale, status: MeetingStatus): string {
  return meetingStrings(locale)[STATUS_KEY[status]];
}

/** The agenda card in the RUG channel: items in order, with § and justering state once decided. */
export function meetingAgendaCard(locale: Locale, meeting: Meeting, link: string): AdaptiveCardJson {
  const t = meetingStrings(locale);
  const justered = meeting.status === 'justered';
  const items = meeting.agenda.map((item, n) => {
    const number = item.decision ? paragraphLabel(item.decision.paragraph) : `${n + 1}.`;
    const state = item.decision ? ` (${justered ? t.justerat : t.ejJusterat})` : '';
    const jav = item.jav.length ? fill(t.jav, { names: item.jav.map((j) => j.member.name).join(', ') }) : '';
    return {
      line: clip(`${number} ${item.ref ?? ''} ${item.title}${state}`.replace(/\s+/g, ' '), 300),
      note: jav,
    };
  });
  return renderCard('meeting-agenda', {
    t,
    heading: fill(t.meetingHeading, { date: meeting.date, time: meeting.time }),
    place: meeting.place,
    status: meetingStatusText(locale, meeting.status),
    items,
    onlineLink: meeting.onlineLink ?? '',
    link,
  });
}

const paragraphView = (p: MinutesParagraph) => ({
  heading: clip(`${paragraphLabel(p.number)} ${p.heading}`, 300),
  beslut: clip(p.beslut.slice(0, 2).join(' '), 800),
  jav: p.jav.join(' '),
});

export interface JusteringCardOptions {
  readonly viewerId: string;
  readonly notice?: { readonly text: string; readonly tone?: 'good' | 'attention' };
  /** A comment typed before a refused action, so nothing typed is lost. */
  readonly comment?: string;
}

/**
 * The card the chair and the adjuster get: the paragraphs and Justera / Skicka kommentar while the
 * minutes are out for justering. It carries only the meeting id; the bot reloads everything.
 */
export function justeringCard(
  locale: Locale,
  meeting: Meeting,
  minutes: Minutes,
  link: string,
  opts: JusteringCardOptions,
): AdaptiveCardJson {
  const t = meetingStrings(locale);
  const roles = signerRoles(meeting, opts.viewerId);
  const role = roles.includes('chair') ? t.roleChair : t.roleAdjuster;
  const signedByViewer = roles.some((r) => meeting.signatures[r]?.by.objectId === opts.viewerId);
  const signed = [meeting.signatures.chair, meeting.signatures.adjuster].flatMap((s) =>
    s ? [s.by.name] : [],
  );
  return renderCard('justering', {
    t,
    heading: fill(t.justeringHeading, { date: meeting.date }),
    body: fill(t.justeringBody, { role }),
    notice: opts.notice?.text ?? '',
    noticeColor: opts.notice?.tone === 'attention' ? 'Attention' : 'Good',
    paragraphs: minutes.paragraphs.map(paragraphView),
    signed: signed.length ? fill(t.signedBy, { names: [...new Set(signed)].join(', ') }) : '',
    open: meeting.status === 'justering' && !signedByViewer,
    meetingId: meeting.id,
    shown: minutesVersion(meeting),
    comment: opts.comment ?? '',
    pdf: link,
  });
}

/** The initiator's protokollsutdrag in chat once the minutes are justered. */
export function extractCard(
  locale: Locale,
  meeting: Meeting,
  paragraph: MinutesParagraph,
  link: string,
): AdaptiveCardJson {
  const t = meetingStrings(locale);
  return renderCard('protokollsutdrag', {
    t,
    heading: fill(t.extractHeading, { paragraph: paragraphLabel(paragraph.number), date: meeting.date }),
    intro: t.extractIntro,
    title: clip(paragraph.heading, 300),
    beslut: paragraph.beslut.map((line) => clip(line, 1200)),
    justerad: paragraph.justerad ? t.paragrafJusterad : t.ejJusterat,
    pdf: link,
  });
}
