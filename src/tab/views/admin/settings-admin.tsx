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
import { useEffect, useState, type FormEvent } from 'react';
import type { SettingsAdminView } from '../../../contracts/admin-api';
import { ErrorState, Loading } from '../../components/states';
import { Problem, useWrite } from '../../components/text-form';
import { useTab } from '../../context';
import { useResource } from '../../use-resource';
import { useChangeIds } from './change-ids';
import { catalogueStrings } from './catalogue.strings';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '32rem' },
});

/** The process settings: reminder delay, the digest's weekday, the reference prefix. */
export function SettingsAdmin() {
  const { api, t, locale } = useTab();
  const a = catalogueStrings(locale);
  const s = useStyles();
  const loaded = useResource('admin-settings', () => api.get<SettingsAdminView>('/api/admin/settings'));
  const [view, setView] = useState<SettingsAdminView | null>(null);
  const data = view ?? (loaded.state === 'ready' ? loaded.data : null);
  const [days, setDays] = useState('');
  const [weekday, setWeekday] = useState('1');
  const [prefix, setPrefix] = useState('');
  const [saved, setSaved] = useState(false);
  const changeIds = useChangeIds();
  useEffect(() => {
    if (!data) return;
    setDays(String(data.settings.reminderAfterDays));
    setWeekday(String(data.settings.digestWeekday));
    setPrefix(data.settings.referencePrefix);
  }, [data]);
  const w = useWrite(async (_action, body) => {
    setView(await api.send<SettingsAdminView>('PUT', '/api/admin/settings', body));
  });
  if (!data) {
    return loaded.state === 'error' ? (
      <ErrorState error={loaded.error} onRetry={loaded.reload} t={t} locale={locale} />
    ) : (
      <Loading label={t.loading} />
    );
  }
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const settings = { reminderAfterDays: days, digestWeekday: weekday, referencePrefix: prefix };
    const ok = await w.run('save', { changeId: changeIds.idFor(settings), basedOn: data.revision, settings });
    if (ok) changeIds.done(settings);
    setSaved(ok);
  };
  return (
    <section aria-labelledby="admin-settings">
      <h2 id="admin-settings">{a.settingsHeading}</h2>
      <p>{a.settingsIntro}</p>
      <div aria-live="polite">
        {saved ? (
          <MessageBar intent="success">
            <MessageBarBody>{a.settingsSaved}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      <form className={s.form} aria-labelledby="admin-settings" onSubmit={(e) => void save(e)}>
        <Field
          label={a.reminderAfterDays}
          hint={a.reminderHint}
          required
          validationMessage={w.issue('save', 'reminderAfterDays', locale)}
        >
          <Input inputMode="numeric" value={days} onChange={(_e, d) => setDays(d.value)} maxLength={2} />
        </Field>
        <Field label={a.digestWeekday} required validationMessage={w.issue('save', 'digestWeekday', locale)}>
          <Select value={weekday} onChange={(_e, d) => setWeekday(d.value)}>
            {a.weekdays.map((name, i) => (
              <option key={name} value={String(i + 1)}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          label={a.referencePrefix}
          hint={a.prefixHint}
          required
          validationMessage={
            w.issue('save', 'referencePrefix', locale) ?? w.issue('save', 'settings', locale)
          }
        >
          <Input value={prefix} onChange={(_e, d) => setPrefix(d.value.toUpperCase())} maxLength={6} />
        </Field>
        <div>
          <Button appearance="primary" type="submit" disabled={w.busy}>
            {a.saveSettings}
          </Button>
        </div>
        <Problem error={w.errorOf('save')} t={t} locale={locale} />
      </form>
    </section>
  );
}
