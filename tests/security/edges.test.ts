/**
 * The edges answer cleanly: malformed or oversized bodies, other content types, unknown routes and
 * crafted activities get a problem+json answer (never a stack, a path or a 500), the raw body never
 * reaches a log, and local mode cannot be reached or misconfigured into being reachable from outside.
 */
import { request } from 'node:http';
import { loadConfig, ConfigError } from '../../src/config';
import { startTestApp, type TestApp } from '../support/running-app';
import { installActivity, messageActivity, teamsUser } from '../support/teams-activities';

let t: TestApp;
const written: string[] = [];
const realOut = process.stdout.write.bind(process.stdout);
const realErr = process.stderr.write.bind(process.stderr);

beforeAll(async () => {
  t = await startTestApp({ LOG_LEVEL: 'debug' });
  // Every byte the process writes while these tests run, to prove no request body is logged.
  const capture =
    (real: typeof realOut) =>
    (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
      written.push(String(chunk));
      return (real as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
    };
  process.stdout.write = capture(realOut) as typeof process.stdout.write;
  process.stderr.write = capture(realErr) as typeof process.stderr.write;
});
afterAll(async () => {
  process.stdout.write = realOut;
  process.stderr.write = realErr;
  await t.close();
});

async function raw(path: string, init: RequestInit) {
  const res = await fetch(`${t.app.url}${path}`, init);
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type') ?? '', text };
}

/** Signs in through the local sign-in page, as the browser does (same Origin). */
async function signIn(objectId: string): Promise<string> {
  const html = await fetch(`${t.app.url}/local-auth/sign-in`, {
    method: 'POST',
    headers: { origin: t.app.url },
    body: new URLSearchParams({ user: objectId, return: '/tab/' }),
  }).then((r) => r.text());
  return /setItem\('omtanke\.localToken', "([^"]+)"\)/.exec(html)![1]!;
}

const SECRET = 'personnummer-811218-9876-in-a-broken-body';

function expectCleanProblem(res: { status: number; type: string; text: string }, status: number) {
  expect(res.status).toBe(status);
  expect(res.type).toContain('application/problem+json');
  const body = JSON.parse(res.text) as Record<string, unknown>;
  expect(body.status).toBe(status);
  expect(res.text).not.toMatch(/\n\s+at |\/work\/|node_modules|\.ts:\d+/);
  expect(res.text).not.toContain(SECRET);
}

describe.each([
  ['the bot endpoint', '/api/messages', async () => ({})],
  [
    'the tab API',
    '/api/initiatives/OH-2026-0001/decision',
    async () => ({ authorization: `Bearer ${await signIn('a1a1a1a1-0000-4000-8000-000000000002')}` }),
  ],
])('%s', (_name, path, headers) => {
  it('answers malformed JSON with 400 problem+json and never logs the body', async () => {
    const res = await raw(path, {
      method: 'POST',
      headers: { ...(await headers()), 'content-type': 'application/json' },
      body: `{"text": "${SECRET}", `,
    });
    expectCleanProblem(res, 400);
    expect(written.join('')).not.toContain(SECRET);
  });

  it('answers a non-JSON content type with 415', async () => {
    const res = await raw(path, {
      method: 'POST',
      headers: { ...(await headers()), 'content-type': 'text/plain' },
      body: SECRET,
    });
    expectCleanProblem(res, 415);
  });

  it('answers an oversized body with 413', async () => {
    const res = await raw(path, {
      method: 'POST',
      headers: { ...(await headers()), 'content-type': 'application/json' },
      body: JSON.stringify({ text: SECRET, pad: 'x'.repeat(600_000) }),
    });
    expectCleanProblem(res, 413);
    expect(written.join('')).not.toContain(SECRET);
  });
});

it('answers an unknown route with 404 problem+json that does not echo the path', async () => {
  const res = await raw(`/api/${SECRET}`, { method: 'GET' });
  expectCleanProblem(res, 404);
  const post = await raw(`/nothing/here`, { method: 'POST', body: '{}' });
  expect(post.status).toBe(404);
  expect(post.type).toContain('application/problem+json');
});

describe('crafted activities', () => {
  const anna = teamsUser('Anna Andersson', 1);
  const good = () => messageActivity(anna, 'hjälp', t.connector.url) as Record<string, unknown>;
  it.each([
    ['channelData is a string', { channelData: 'x' }],
    ['tenant.id is a number', { channelData: { tenant: { id: 5 } } }],
    ['from.name is an object', { from: { id: '29:1', name: { first: 'A' }, aadObjectId: anna.aadObjectId } }],
    ['serviceUrl is a number', { serviceUrl: 7 }],
    ['membersAdded is a string', { type: 'conversationUpdate', membersAdded: 'everyone' }],
    ['membersAdded holds a number', { type: 'conversationUpdate', membersAdded: [1] }],
    ['conversation is missing', { conversation: undefined }],
    ['conversation.id is an object', { conversation: { id: { $ne: null } } }],
    ['the body is an array', null],
  ])('%s → 400, nothing stored, nothing sent', async (_what, patch) => {
    const callsBefore = t.connector.calls.length;
    const activity = patch === null ? [good()] : { ...good(), ...patch };
    const res = await t.post(activity);
    expect(res.status).toBe(400);
    expect(await t.app.deps.store.conversations.get(`user:${anna.aadObjectId}`)).toBeNull();
    expect(t.connector.calls.length).toBe(callsBefore);
  });

  it('a serviceUrl that is not the local client is refused and not remembered', async () => {
    const res = await t.post(installActivity(anna, 'https://attacker.example/'));
    expect(res.status).toBe(403);
    expect(await t.app.deps.store.conversations.get(`user:${anna.aadObjectId}`)).toBeNull();
  });

  it('a well-formed activity still works (the control case)', async () => {
    expect((await t.post(installActivity(anna, t.connector.url))).status).toBe(200);
    expect(await t.app.deps.store.conversations.get(`user:${anna.aadObjectId}`)).not.toBeNull();
  });
});

describe('local mode cannot be reached from outside', () => {
  const withHost = (host: string) =>
    new Promise<number>((resolve, reject) => {
      const u = new URL(`${t.app.url}/healthz`);
      const req = request({ host: u.hostname, port: u.port, path: u.pathname, headers: { host } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });

  it('refuses a Host that is not a loopback name (DNS rebinding) and serves loopback names', async () => {
    expect(await withHost('attacker.example')).toBe(403);
    expect(await withHost('127.0.0.1.nip.io:3978')).toBe(403);
    expect(await withHost(new URL(t.app.url).host)).toBe(200);
    expect(await withHost(`localhost:${new URL(t.app.url).port}`)).toBe(200);
  });

  it('the local sign-in accepts a form only from its own page (Origin)', async () => {
    const form = () => new URLSearchParams({ user: 'a1a1a1a1-0000-4000-8000-000000000002', return: '/tab/' });
    const evil = await fetch(`${t.app.url}/local-auth/sign-in`, {
      method: 'POST',
      headers: { origin: 'https://attacker.example' },
      body: form(),
    });
    expect(evil.status).toBe(403);
    expect(await evil.text()).not.toContain('localToken');
    const none = await fetch(`${t.app.url}/local-auth/sign-in`, { method: 'POST', body: form() });
    expect(none.status).toBe(403);
  });

  const problems = (env: Record<string, string>) => {
    try {
      loadConfig(env);
      return [];
    } catch (err) {
      return (err as ConfigError).problems;
    }
  };
  it.each([
    ['a public PUBLIC_URL', { PUBLIC_URL: 'https://omtanke.regionhalland.se' }],
    ['a public HOST', { HOST: '0.0.0.0' }],
    ['real Graph', { STORE: 'sharepoint', SHAREPOINT_SITE_ID: 's', MICROSOFT_APP_PASSWORD: 'x' }],
    ['a real authority', { AUTHORITY_HOST: 'https://login.microsoftonline.com' }],
  ])('refuses to start with %s, pointing to APP_MODE=production', (_what, env) => {
    expect(problems(env).join('\n')).toMatch(/APP_MODE=production/);
  });

  it('still starts against a Graph fake on loopback', () => {
    expect(
      problems({
        STORE: 'sharepoint',
        SHAREPOINT_SITE_ID: 's',
        MICROSOFT_APP_PASSWORD: 'x',
        GRAPH_BASE_URL: 'https://localhost:5055/v1.0',
        AUTHORITY_HOST: 'https://localhost:5055',
      }),
    ).toEqual([]);
  });
});
