import { Button, Field, MessageBar, MessageBarBody, Select, Textarea } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { MeetingPage as Page } from '../../contracts/meeting-api';
import { MeetingAttendance, type AttendanceInput } from '../components/meeting-attendance';
import { MeetingItem, type ItemActions } from '../components/meeting-item';
import { errorMessage, ErrorState, Loading } from '../components/states';
import { useTab } from '../context';
import { fmt } from '../i18n';
import { meetingTabStrings } from '../meeting-i18n';
import { hrefOf } from '../router';
import { useResource } from '../use-resource';

/**
 * A RUG meeting: agenda, attendance, deciding items, the minutes' justering and the documents.
 * Usable in the personal tab and in a Teams meeting's side panel; every write answers with the new page.
 */
export function MeetingPage({ meetingId }: { meetingId: string }) {
  const { api, locale, t, me } = useTab();
  const m = meetingTabStrings(locale);
  const base = `/api/meetings/${encodeURIComponent(meetingId)}`;
  const loaded = useResource(`meeting-${meetingId}`, () => api.get<Page>(base));
  const [page, setPage] = useState<Page | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [candidate, setCandidate] = useState('');
  const [comment, setComment] = useState('');
  // The loaded page is the starting point; every write answers with the newer page, kept here.
  const fresh = loaded.state === 'ready' ? loaded.data : null;
  useEffect(() => {
    if (fresh) setPage(fresh);
  }, [fresh]);
  if (loaded.state === 'loading' && !page) return <Loading label={t.loading} />;
  if (loaded.state === 'error')
    return <ErrorState error={loaded.error} onRetry={loaded.reload} t={t} locale={locale} />;
  if (!page) return <Loading label={t.loading} />;
  const write = (method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown) => {
    setError(null);
    api.send<Page>(method, `${base}${path}`, body).then(setPage, setError);
  };
  const actions: ItemActions = {
    move: (id, to) => write('POST', `/agenda/${id}/move`, { to }),
    remove: (id) => write('DELETE', `/agenda/${id}`),
    jav: (id) => write('POST', `/agenda/${id}/jav`, {}),
    decide: (id, outcome, rationale) => write('POST', `/agenda/${id}/decision`, { outcome, rationale }),
  };
  const { meeting, minutes } = page;
  const file = (path: string, name: string) => () =>
    void api.download(`${base}${path}`, name).catch(setError);
  const signed = [meeting.signatures.chair, meeting.signatures.adjuster].flatMap((s) =>
    s ? [s.by.name] : [],
  );
  return (
    <article aria-labelledby="meeting-title">
      <p>
        <a href={hrefOf({ name: 'meetings' })}>{m.backToMeetings}</a>
      </p>
      <h1 id="meeting-title">{fmt(m.meetingTitle, { date: meeting.date, time: meeting.time })}</h1>
      <p>
        {meeting.place} · <strong>{m[`status_${meeting.status}`]}</strong>
        {meeting.onlineLink ? (
          <>
            {' · '}
            <a href={meeting.onlineLink}>Teams</a>
          </>
        ) : null}
      </p>
      {error ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{errorMessage(error, t, locale)}</MessageBarBody>
        </MessageBar>
      ) : null}
      <section aria-labelledby="agenda-title">
        <h2 id="agenda-title">{m.agenda}</h2>
        {meeting.agenda.length === 0 ? <p>{m.emptyAgenda}</p> : null}
        <ol className="oh-agenda">
          {meeting.agenda.map((item, i) => (
            <MeetingItem
              key={item.id}
              item={item}
              index={i}
              count={meeting.agenda.length}
              page={page}
              m={m}
              meId={me.objectId}
              actions={actions}
            />
          ))}
        </ol>
        {page.can.edit && page.candidates.length > 0 ? (
          <form
            onSubmit={(e) => (
              e.preventDefault(),
              candidate && write('POST', '/agenda', { initiativeId: candidate })
            )}
          >
            <Field label={m.addItem}>
              <Select value={candidate} onChange={(_, d) => setCandidate(d.value)}>
                <option value="">{m.none}</option>
                {page.candidates.map((c) => (
                  <option key={c.id} value={c.id}>{`${c.ref ?? ''} ${c.title}`}</option>
                ))}
              </Select>
            </Field>
            <Button type="submit">{m.add}</Button>
          </form>
        ) : null}
      </section>
      {page.can.edit ? (
        <MeetingAttendance
          page={page}
          m={m}
          onSave={(a: AttendanceInput) => write('PUT', '/attendance', a)}
        />
      ) : null}
      <section aria-labelledby="minutes-title">
        <h2 id="minutes-title">{m.minutes}</h2>
        <p>{`${m.chair}: ${minutes.chair} · ${m.secretary}: ${minutes.secretary} · ${m.adjuster}: ${minutes.adjuster}`}</p>
        {signed.length > 0 ? <p>{fmt(m.signedBy, { names: signed.join(', ') })}</p> : null}
        <div className="oh-buttons">
          <Button onClick={file('/minutes.pdf', `protokoll-${meeting.date}.pdf`)}>{m.minutesPdf}</Button>
          <Button onClick={file('/minutes.docx', `protokoll-${meeting.date}.docx`)}>{m.minutesDocx}</Button>
          {minutes.paragraphs.map((p) => (
            <Button
              key={p.number}
              onClick={file(`/paragraphs/${p.number}/extract.pdf`, `protokollsutdrag-${p.number}.pdf`)}
            >
              {fmt(m.extractPdf, { paragraph: `§ ${p.number}` })}
            </Button>
          ))}
        </div>
        {page.can.edit && meeting.status === 'held' ? (
          <Button appearance="primary" onClick={() => write('POST', '/justering')}>
            {m.sendForJustering}
          </Button>
        ) : null}
        {page.can.sign ? (
          <div>
            <Button
              appearance="primary"
              onClick={() => write('POST', '/approval', { shown: page.shownMinutes })}
            >
              {m.approve}
            </Button>
            <Field label={m.comment}>
              <Textarea value={comment} onChange={(_, d) => setComment(d.value)} />
            </Field>
            <Button onClick={() => write('POST', '/comment', { comment })}>{m.sendComment}</Button>
          </div>
        ) : null}
        {meeting.comments.length > 0 ? (
          <>
            <h3>{m.comments}</h3>
            <ul>
              {meeting.comments.map((c) => (
                <li key={c.at}>{`${c.by.name} (${c.at.slice(0, 10)}): ${c.text}`}</li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </article>
  );
}
