import { createRoot } from 'react-dom/client';
import { createApi } from './api/client';
import { App } from './app';
import { tokenGetter, type ClientConfig } from './host/auth';
import { detectHost } from './host/host';
import { loadTheme } from './themes';

/** Starts the tab: find the host (Teams or a browser), learn how to sign in, render. */
async function boot(): Promise<void> {
  const el = document.getElementById('root')!;
  try {
    const [host, config] = await Promise.all([
      detectHost(),
      fetch('/api/client-config').then((r) => {
        if (!r.ok) throw new Error(String(r.status));
        return r.json() as Promise<ClientConfig>;
      }),
    ]);
    const theme = await loadTheme(host.theme);
    createRoot(el).render(
      <App host={host} api={createApi(tokenGetter(host, config))} initialTheme={theme} />,
    );
  } catch {
    el.textContent =
      'Omtanke Halland kunde inte starta. Ladda om sidan om en stund. / Omtanke Halland could not start. Reload the page in a moment.';
  }
}

void boot();
