// The shell imports Fluent's packages one by one (not the @fluentui/react-components barrel), and
// styles itself with plain CSS over Fluent's CSS variables (public/index.html): esbuild's code
// splitting would otherwise pull every component and the style runtime the lazy views use into the
// first load. Views import from the barrel, use makeStyles, and load on demand.
import { FluentProvider } from '@fluentui/react-provider';
import type { Theme } from '@fluentui/react-theme';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { Catalogue } from '../domain/catalogue/catalogue.types';
import type { Api } from './api/client';
import type { Me } from '../contracts/tab-api';
import { ErrorState, Loading } from './components/states';
import { TabContext, type TabContextValue } from './context';
import type { Host } from './host/host';
import type { ThemeName } from './host/theme';
import { fmt, tabStrings } from './i18n';
import { hrefOf, navigate, useRoute, VIEWS, type ViewName } from './router';
import { loadTheme } from './themes';
import { useResource } from './use-resource';

// Every view loads on first use, so the first paint needs only the shell; the charts of Översikt
// and the annual compilation are the heavy ones.
const OverviewView = lazy(() => import('./views/overview.js').then((m) => ({ default: m.OverviewView })));
const AnnualView = lazy(() => import('./views/annual.js').then((m) => ({ default: m.AnnualView })));
const InitiativeList = lazy(() =>
  import('./views/initiative-list.js').then((m) => ({ default: m.InitiativeList })),
);
const InitiativePage = lazy(() =>
  import('./views/initiative-page.js').then((m) => ({ default: m.InitiativePage })),
);
const TodoView = lazy(() => import('./views/todo.js').then((m) => ({ default: m.TodoView })));
const MeetingsView = lazy(() => import('./views/meetings.js').then((m) => ({ default: m.MeetingsView })));
const MeetingPage = lazy(() => import('./views/meeting-page.js').then((m) => ({ default: m.MeetingPage })));
const AdministrationView = lazy(() =>
  import('./views/administration.js').then((m) => ({ default: m.AdministrationView })),
);

/** The tab: theme and language from the host, a view chooser, and the view of the current route. */
export function App({ host, api, initialTheme }: { host: Host; api: Api; initialTheme: Theme }) {
  const [theme, setTheme] = useState<Theme>(initialTheme);
  useEffect(() => host.onThemeChange((name: ThemeName) => void loadTheme(name).then(setTheme)), [host]);
  const locale = host.locale;
  const t = tabStrings(locale);
  const fallback: ViewName = (VIEWS as readonly string[]).includes(host.startView ?? '')
    ? (host.startView as ViewName)
    : 'all';
  const route = useRoute(fallback);
  useEffect(() => {
    // A Teams deep link (from a bot card) opens the initiative or the meeting it names.
    const meeting = /^meeting:(.+)$/.exec(host.deepLinkRef ?? '');
    if (meeting && !location.hash) navigate({ name: 'meeting', id: meeting[1]! });
    else if (host.deepLinkRef && !location.hash) navigate({ name: 'initiative', key: host.deepLinkRef });
  }, [host]);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const boot = useResource('boot', () =>
    Promise.all([api.get<Me>('/api/me'), api.get<Catalogue>('/api/catalogue')]),
  );
  const ctx = useMemo<TabContextValue | null>(
    () => (boot.state === 'ready' ? { api, locale, t, me: boot.data[0], catalogue: boot.data[1] } : null),
    [boot, api, locale, t],
  );
  useEffect(() => {
    const view =
      route.name === 'initiative' ? route.key : route.name === 'meeting' ? t.meetings : t[route.name];
    document.title = `${view} – ${t.appName}`;
  }, [route, t]);
  const selected = route.name === 'initiative' ? 'all' : route.name === 'meeting' ? 'meetings' : route.name;
  return (
    <FluentProvider theme={theme} dir="ltr">
      {/* Not on the provider itself: Fluent copies its className onto portal providers (popovers). */}
      <div className="oh-root">
        <a
          href="#content"
          className="oh-skip"
          onClick={(e) => (e.preventDefault(), document.getElementById('content')?.focus())}
        >
          {t.skipToContent}
        </a>
        <header className="oh-header">
          <nav aria-label={t.navLabel} className="oh-nav">
            <ul className="oh-nav-list">
              {VIEWS.filter((v) => v !== 'administration' || ctx?.me.roles.includes('admin')).map((v) => (
                <li key={v}>
                  <a
                    href={hrefOf({ name: v })}
                    className="oh-nav-link"
                    aria-current={v === selected ? 'page' : undefined}
                  >
                    {t[v]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {ctx ? <span>{fmt(t.signedInAs, { name: ctx.me.name })}</span> : null}
        </header>
        <main id="content" tabIndex={-1} className="oh-main">
          {boot.state === 'loading' ? <Loading label={t.loading} /> : null}
          {boot.state === 'error' ? (
            <ErrorState error={boot.error} onRetry={boot.reload} t={t} locale={locale} />
          ) : null}
          {ctx ? (
            <TabContext.Provider value={ctx}>
              <Suspense fallback={<Loading label={t.loading} />}>
                {route.name === 'overview' ? <OverviewView /> : null}
                {route.name === 'all' ? <InitiativeList key="all" scope="all" title={t.all} /> : null}
                {route.name === 'mine' ? <InitiativeList key="mine" scope="mine" title={t.mine} /> : null}
                {route.name === 'todo' ? <TodoView /> : null}
                {route.name === 'annual' ? <AnnualView /> : null}
                {route.name === 'administration' ? <AdministrationView /> : null}
                {route.name === 'initiative' ? <InitiativePage key={route.key} refKey={route.key} /> : null}
                {route.name === 'meetings' ? <MeetingsView /> : null}
                {route.name === 'meeting' ? <MeetingPage key={route.id} meetingId={route.id} /> : null}
              </Suspense>
            </TabContext.Provider>
          ) : null}
        </main>
      </div>
    </FluentProvider>
  );
}
