import { Field } from '@fluentui/react-field';
import { FluentProvider } from '@fluentui/react-provider';
import { Select } from '@fluentui/react-select';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { detectHost, loadTeamsJs, type Host } from './host/host';
import { tabStrings } from './i18n';
import { VIEWS } from './router';
import { loadTheme } from './themes';
import type { Theme } from '@fluentui/react-theme';

/** The channel tab's configuration page: pick the start view; Teams saves the tab's URL. */
function ConfigPage({ host, theme }: { host: Host; theme: Theme }) {
  const t = tabStrings(host.locale);
  const [start, setStart] = useState('todo');
  useEffect(() => {
    // Added to a Teams meeting (side panel, chat or details tab): open on the meetings view.
    if (host.kind !== 'teams') return;
    void loadTeamsJs()
      .then((teams) => teams.app.getContext())
      .then((c) => c.meeting?.id && setStart('meetings'));
  }, [host]);
  useEffect(() => {
    if (host.kind !== 'teams') return;
    void loadTeamsJs().then((teams) => {
      teams.pages.config.registerOnSaveHandler((save) => {
        const contentUrl = `${location.origin}/tab/index.html?view=channel&locale={locale}&start=${start}`;
        teams.pages.config
          .setConfig({
            contentUrl,
            websiteUrl: contentUrl,
            entityId: `omtanke-${start}`,
            suggestedDisplayName: 'Initiativ',
          })
          .then(
            () => save.notifySuccess(),
            () => save.notifyFailure(),
          );
      });
      teams.pages.config.setValidityState(true);
    });
  }, [host, start]);
  return (
    <FluentProvider theme={theme} style={{ minHeight: '100vh', padding: '1rem' }}>
      <main>
        <h1>{t.configTitle}</h1>
        <p>{t.configBody}</p>
        <Field label={t.configStart} style={{ maxWidth: '20rem' }}>
          <Select value={start} onChange={(_, d) => setStart(d.value)}>
            {VIEWS.map((v) => (
              <option key={v} value={v}>
                {t[v]}
              </option>
            ))}
          </Select>
        </Field>
        <p>{t.configSaveHint}</p>
      </main>
    </FluentProvider>
  );
}

void detectHost().then(async (host) => {
  const theme = await loadTheme(host.theme);
  createRoot(document.getElementById('root')!).render(<ConfigPage host={host} theme={theme} />);
});
