/**
 * The tab's API on a running test app as a browser reaches it: the Agents Playground's mock users,
 * a token from the local sign-in page, and JSON calls with it.
 */
import type { TestApp } from './running-app';
import type { TeamsUser } from './teams-activities';

/** A user of .m365agentsplayground.yml: the local sign-in page offers them. */
export const playgroundUser = (name: string, n: number): TeamsUser => ({
  id: `29:1play${n}`,
  aadObjectId: `a1a1a1a1-0000-4000-8000-00000000000${n}`,
  name,
  conversationId: `a:1play-chat-${n}`,
});

export async function signIn(t: TestApp, who: TeamsUser): Promise<string> {
  const html = await fetch(`${t.app.url}/local-auth/sign-in`, {
    method: 'POST',
    body: new URLSearchParams({ user: who.aadObjectId, return: '/tab/' }),
    headers: { origin: t.app.url },
  }).then((r) => r.text());
  return /setItem\('omtanke\.localToken', "([^"]+)"\)/.exec(html)![1]!;
}

/** One API call with the token (none: unauthenticated); the body as JSON when it is JSON, else text. */
export async function callApi(
  t: TestApp,
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
) {
  const res = await fetch(`${t.app.url}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const type = res.headers.get('content-type') ?? '';
  return {
    status: res.status,
    type,
    body: (type.includes('json') ? await res.json() : await res.text()) as unknown,
  };
}
