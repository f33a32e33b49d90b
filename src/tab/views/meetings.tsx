import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { MeetingList, MeetingPage } from '../../contracts/meeting-api';
import { may } from '../../domain/policy/policy';
import { errorMessage, ErrorState, Loading, Empty } from '../components/states';
import { useTab } from '../context';
import { meetingTabStrings } from '../meeting-i18n';
import { hrefOf, navigate } from '../router';
import { useResource } from '../use-resource';

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    maxWidth: '32rem',
    marginTop: tokens.spacingVerticalL,
  },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    '& th, & td': { textAlign: 'left', padding: '0.4rem' },
  },
});

const newKey = () => `meeting-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** The RUG meetings of a year, and (for the secretary and the chair) a form to call a new one. */
export function MeetingsView() {
  const { api, locale, t, me } = useTab();
  const m = meetingTabStrings(locale);
  const s = useStyles();
  const [year, setYear] = useState(new Date().getFullYear());
  const list = useResource(`meetings-${year}`, () => api.get<MeetingList>(`/api/meetings?year=${year}`));
  // The form is offered as the policy allows; the server asks the same policy again.
  const officer = may('manage_meeting', null, { objectId: me.objectId, roles: me.roles });
  const [form, setForm] = useState({ date: '', time: '09:00', place: '', onlineLink: '' });
  const [key] = useState(newKey);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const page = await api.post<MeetingPage>('/api/meetings', { ...form, clientKey: key });
      navigate({ name: 'meeting', id: page.meeting.id });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const years = [year + 1, year, year - 1, year - 2];
  return (
    <section aria-labelledby="meetings-title">
      <h1 id="meetings-title">{m.meetingsTitle}</h1>
      <Field label={m.year} style={{ maxWidth: '10rem' }}>
        <Select value={String(year)} onChange={(_, d) => setYear(Number(d.value))}>
          {years.map((y) => (
            <option key={y}>{y}</option>
          ))}
        </Select>
      </Field>
      {list.state === 'loading' ? <Loading label={t.loading} /> : null}
      {list.state === 'error' ? (
        <ErrorState error={list.error} onRetry={list.reload} t={t} locale={locale} />
      ) : null}
      {list.state === 'ready' && list.data.items.length === 0 ? <Empty>{m.noMeetings}</Empty> : null}
      {list.state === 'ready' && list.data.items.length > 0 ? (
        <table className={s.table}>
          <thead>
            <tr>
              <th scope="col">{m.colDate}</th>
              <th scope="col">{m.colPlace}</th>
              <th scope="col">{m.colStatus}</th>
              <th scope="col">{m.colItems}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((row) => (
              <tr key={row.id}>
                <td>
                  <a href={hrefOf({ name: 'meeting', id: row.id })}>{`${row.date} ${row.time}`}</a>
                </td>
                <td>{row.place}</td>
                <td>{m[`status_${row.status}`]}</td>
                <td>{`${row.decided}/${row.items}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {officer ? (
        <form className={s.form} onSubmit={(e) => void submit(e)} aria-labelledby="new-meeting">
          <h2 id="new-meeting">{m.newMeeting}</h2>
          {(['date', 'time', 'place', 'onlineLink'] as const).map((f) => (
            <Field key={f} label={m[f]} required={f !== 'onlineLink'}>
              <Input value={form[f]} onChange={(_, d) => setForm({ ...form, [f]: d.value })} />
            </Field>
          ))}
          {error ? (
            <MessageBar intent="error" role="alert">
              <MessageBarBody>{errorMessage(error, t, locale)}</MessageBarBody>
            </MessageBar>
          ) : null}
          <Button appearance="primary" type="submit" disabled={busy}>
            {m.create}
          </Button>
        </form>
      ) : null}
    </section>
  );
}
