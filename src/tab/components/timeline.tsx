import { makeStyles, tokens } from '@fluentui/react-components';
import type { TimelineEvent } from '../../contracts/tab-api';
import { STANCE_LABELS } from '../../domain/approval/approval';
import { AUDIT_KIND_LABELS } from '../../domain/audit/audit-event';
import { text } from '../../domain/shared/label';
import { useTab } from '../context';
import { statusLabel } from '../labels';
import { fmt } from '../i18n';
import { Empty, ErrorState, Loading } from './states';

const useStyles = makeStyles({
  timeline: { listStyle: 'none', paddingInlineStart: 0, '& li': { marginBlockEnd: tokens.spacingVerticalS } },
});

/** The audit trail of an initiative, oldest first: what happened, who did it, where it led. */
export function Timeline({ events, error }: { events: readonly TimelineEvent[] | null; error: unknown }) {
  const { t, locale } = useTab();
  const s = useStyles();
  const eventsError = error;
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t.timeline}</h2>
      {eventsError ? <ErrorState error={eventsError} t={t} locale={locale} /> : null}
      {events === null && !eventsError ? <Loading label={t.loading} /> : null}
      {events && events.length === 0 ? <Empty>{t.noData}</Empty> : null}
      {events && events.length > 0 ? (
        <ol className={s.timeline} aria-label={t.timeline}>
          {events.map((e) => (
            <li key={e.id}>
              <time dateTime={e.at}>{e.at.slice(0, 16).replace('T', ' ')}</time> –{' '}
              <strong>{text(AUDIT_KIND_LABELS[e.kind], locale)}</strong>
              {e.preparerName ? `: ${e.preparerName}` : ''}
              {e.stance ? ` (${text(STANCE_LABELS[e.stance], locale)})` : ''} · {e.actorName}
              {e.statusAfter ? ` → ${statusLabel(e.statusAfter, locale)}` : ''}
              {e.catalogueVersion ? ` · ${fmt(t.catalogueVersion, { version: e.catalogueVersion })}` : ''}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
