/** The local sign-in page speaks one language per page: the browser's (or `?locale=`), Swedish by default. */
import { startApiServer, type ApiServer } from '../tab/support/api-server';
import { USERS } from '../tab/support/seed';

let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer();
});
afterAll(() => api.close());

const page = (query: string, language?: string) =>
  fetch(`${api.url}/local-auth/sign-in?return=/tab/${query}`, {
    headers: language ? { 'accept-language': language } : {},
  }).then((r) => r.text());

it('is all Swedish by default and for a Swedish browser', async () => {
  for (const html of [await page(''), await page('', 'sv-SE,sv;q=0.9,en;q=0.8')]) {
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('Logga in som en testanvändare');
    expect(html).toContain('ordförande i RUG');
    expect(html).not.toMatch(/Sign in|lang="en"|RUG chair|preparation group/);
  }
});

it('is all English for an English browser or ?locale=en', async () => {
  for (const html of [await page('', 'en-US,en;q=0.9'), await page('&locale=en', 'sv-SE')]) {
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Sign in as a test user');
    expect(html).toContain('RUG chair');
    expect(html).not.toMatch(/Logga in|lang="sv"|ordförande|beredningsgruppen/);
  }
});

it('keeps the chosen language after signing in, and on a refused sign-in', async () => {
  const post = (extra: Record<string, string>, origin = api.url) =>
    fetch(`${api.url}/local-auth/sign-in`, {
      method: 'POST',
      body: new URLSearchParams({ user: USERS.sara.objectId, return: '/tab/', ...extra }),
      headers: { origin },
    }).then((r) => r.text());
  expect(await post({ locale: 'en' })).toContain('Signed in as Sara Holm');
  expect(await post({ locale: 'sv' })).toContain('Inloggad som Sara Holm');
  const refused = await post({ locale: 'en' }, 'https://evil.example');
  expect(refused).toContain('Sign in from this page.');
  expect(refused).not.toContain('Inloggningen');
});
