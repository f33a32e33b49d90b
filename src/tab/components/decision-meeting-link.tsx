import { Button } from '@fluentui/react-components';
import type { MeetingLink } from '../../domain/initiative/initiative.types';
import type { Api } from '../api/client';
import { fmt } from '../i18n';
import { meetingTabStrings } from '../meeting-i18n';
import type { Locale } from '../../domain/shared/label';
import { hrefOf } from '../router';

/** Under a decision taken in a meeting: its paragraph, a link to the meeting and the extract. */
export function DecisionMeetingLink({
  link,
  date,
  api,
  locale,
}: {
  link: MeetingLink | undefined;
  date: string;
  api: Api;
  locale: Locale;
}) {
  if (!link) return null;
  const m = meetingTabStrings(locale);
  const paragraph = `§ ${link.paragraph}`;
  const path = `/api/meetings/${encodeURIComponent(link.meetingId)}/paragraphs/${link.paragraph}/extract.pdf`;
  return (
    <p className="oh-buttons">
      <a href={hrefOf({ name: 'meeting', id: link.meetingId })}>{fmt(m.meetingLink, { date, paragraph })}</a>
      <Button
        size="small"
        onClick={() => void api.download(path, `protokollsutdrag-${date}-${link.paragraph}.pdf`)}
      >
        {fmt(m.extractPdf, { paragraph })}
      </Button>
    </p>
  );
}
