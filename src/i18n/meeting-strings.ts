import type { Locale } from '../domain/shared/label';

/** UI copy for meeting cards and tab views. Swedish first; English mirrors every key (typed). */
const sv = {
  meetingHeading: 'RUG-möte {date} kl. {time}',
  place: 'Plats',
  onlineLink: 'Teams-möte',
  agenda: 'Föredragningslista',
  noItems: 'Inga ärenden på listan ännu.',
  status: 'Status',
  statusPlanned: 'Planerat',
  statusHeld: 'Pågår / hållet',
  statusJustering: 'Protokollet är ute på justering',
  statusJustered: 'Protokollet är justerat',
  ejJusterat: 'ej justerat',
  justerat: 'justerat',
  jav: 'Jäv: {names}',
  openMeeting: 'Öppna mötet',
  justeringHeading: 'Justera protokollet – RUG {date}',
  justeringBody:
    'Du är {role} för mötet. Läs protokollet och justera det, eller skicka en kommentar till sekreteraren.',
  roleChair: 'ordförande',
  roleAdjuster: 'justerare',
  approve: 'Justera',
  comment: 'Skicka kommentar',
  commentLabel: 'Kommentar till sekreteraren',
  downloadMinutes: 'Protokollet (PDF)',
  signedBy: 'Justerat av {names}',
  approvedNotice: 'Tack! Din justering är registrerad.',
  justeredNotice: 'Protokollet är justerat av båda och låst.',
  commentedNotice: 'Kommentaren är skickad till sekreteraren.',
  commentedHeading: 'Kommentar på protokollet – RUG {date}',
  commentFrom: '{name}: {text}',
  extractHeading: 'Protokollsutdrag {paragraph} – RUG {date}',
  extractIntro: 'Protokollet är justerat. Här är utdraget för ditt initiativ.',
  downloadExtract: 'Protokollsutdraget (PDF)',
  beslut: 'Beslut',
  paragrafJusterad: 'Paragrafen är justerad',
  justeredHeading: 'Protokollet från RUG-mötet {date} är justerat',
  justeredBody:
    'Ordföranden och justeraren har justerat protokollet ({count} paragrafer). Protokoll och utdrag är arkiverade.',
};

type MeetingStrings = typeof sv;

const en: MeetingStrings = {
  meetingHeading: 'RUG meeting {date} at {time}',
  place: 'Place',
  onlineLink: 'Teams meeting',
  agenda: 'Agenda',
  noItems: 'No items on the agenda yet.',
  status: 'Status',
  statusPlanned: 'Planned',
  statusHeld: 'In progress / held',
  statusJustering: 'Minutes out for approval',
  statusJustered: 'Minutes approved',
  ejJusterat: 'not yet approved',
  justerat: 'approved',
  jav: 'Conflict of interest: {names}',
  openMeeting: 'Open the meeting',
  justeringHeading: 'Approve the minutes – RUG {date}',
  justeringBody:
    'You are the {role} of the meeting. Read the minutes and approve them, or send a comment to the secretary.',
  roleChair: 'chair',
  roleAdjuster: 'adjuster',
  approve: 'Approve',
  comment: 'Send comment',
  commentLabel: 'Comment to the secretary',
  downloadMinutes: 'The minutes (PDF)',
  signedBy: 'Approved by {names}',
  approvedNotice: 'Thank you! Your approval is recorded.',
  justeredNotice: 'Both signers have approved the minutes; they are locked.',
  commentedNotice: 'Your comment was sent to the secretary.',
  commentedHeading: 'Comment on the minutes – RUG {date}',
  commentFrom: '{name}: {text}',
  extractHeading: 'Extract from the minutes {paragraph} – RUG {date}',
  extractIntro: 'The minutes are approved. Here is the extract for your initiative.',
  downloadExtract: 'The extract (PDF)',
  beslut: 'Decision',
  paragrafJusterad: 'The paragraph is approved',
  justeredHeading: 'The minutes of the RUG meeting {date} are approved',
  justeredBody:
    'The chair and the adjuster have approved the minutes ({count} paragraphs). The minutes and extracts are filed.',
};

export function meetingStrings(locale: Locale): MeetingStrings {
  return locale === 'en' ? en : sv;
}
