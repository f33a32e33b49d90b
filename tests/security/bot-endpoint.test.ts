/**
 * /api/messages trusts only the Bot Framework channel service (production mode). An attacker here
 * holds a genuine tab SSO token of an allowed tenant (or an Entra v1 token) and posts a hand-written
 * activity naming a RUG chair; or replays a Bot Framework token with a serviceUrl of their own.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import { start, type Running } from '../../src/main';
import { FakeBotFramework } from '../support/fake-bot-framework';
import { FakeConnector } from '../support/fake-connector';
import {
  installActivity,
  messageActivity,
  TENANT as TEAMS_TENANT,
  teamsUser,
} from '../support/teams-activities';

const APP_ID = '8f6a2c1e-0b1d-4c55-9e1a-2b3c4d5e6f70';
const TENANT = '3c2b1a00-1111-4222-8333-444455556666';
const TEAMS = 'https://smba.trafficmanager.net/emea/';

let app: Running;
let bf: FakeBotFramework;
let connector: FakeConnector;
let dir: string;

beforeAll(async () => {
  bf = await new FakeBotFramework().start();
  connector = await new FakeConnector().start();
  dir = mkdtempSync(join(tmpdir(), 'omtanke-sec-'));
  app = await start({
    APP_MODE: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    STORE: 'sqlite',
    SQLITE_PATH: join(dir, 'db.sqlite'),
    LOG_LEVEL: 'error',
    OUTBOX_INTERVAL_MS: '0',
    REMINDER_INTERVAL_MS: '0',
    PUBLIC_URL: 'https://omtanke.example.se',
    MICROSOFT_APP_ID: APP_ID,
    MICROSOFT_APP_TENANT_ID: TENANT,
    MICROSOFT_APP_PASSWORD: 'not-a-real-secret-used-only-offline',
    ALLOWED_TENANTS: `${TENANT},${TEAMS_TENANT}`,
    BOT_OPENID_METADATA_URL: bf.metadataUrl,
    // Entra of this fake cloud is the same loopback server: any key fetch for an Entra token is seen.
    AUTHORITY_HOST: bf.url,
  });
});
afterAll(async () => {
  await app.stop();
  await bf.stop();
  await connector.stop();
  rmSync(dir, { recursive: true, force: true });
});

const chair = teamsUser('Karin Lund', 2);
const { privateKey: attackerKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

/**
 * An RS256 token shaped exactly like the tab's SSO token (Entra v2, aud = app id, scp
 * access_as_user, allowed tid), signed by the key this fake cloud's Entra publishes — so it is as
 * genuine as an employee's own tab token. `authority` is the issuer's host.
 */
function tabSsoToken(authority: string): string {
  const now = Math.floor(Date.now() / 1000);
  return bf.entraToken({
    iss: `${authority}/${TEAMS_TENANT}/v2.0`,
    aud: APP_ID,
    tid: TEAMS_TENANT,
    oid: chair.aadObjectId,
    scp: 'access_as_user',
    ver: '2.0',
    iat: now,
    nbf: now,
    exp: now + 3600,
  });
}

/** The same as an Entra v1 token (sts.windows.net issuer). */
function v1Token(aud: string): string {
  const now = Math.floor(Date.now() / 1000);
  return bf.entraToken({
    iss: `https://sts.windows.net/${TEAMS_TENANT}/`,
    aud,
    tid: TEAMS_TENANT,
    oid: chair.aadObjectId,
    scp: 'access_as_user',
    ver: '1.0',
    iat: now,
    nbf: now,
    exp: now + 3600,
  });
}

async function post(activity: object, token: string | null) {
  const res = await fetch(`${app.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(activity),
  });
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type') ?? '', text };
}

const stored = (user = chair) => app.deps.store.conversations.get(`user:${user.aadObjectId}`);

describe('the bot endpoint trusts only the Bot Framework', () => {
  it.each([
    ['a tab SSO token (Entra v2, aud = app id, scp access_as_user, allowed tid)', () => tabSsoToken(bf.url)],
    ['a tab SSO token of the public cloud', () => tabSsoToken('https://login.microsoftonline.com')],
    ['an Entra v1 token for the Application ID URI', () => v1Token(`api://omtanke.example.se/${APP_ID}`)],
    ['an Entra v1 token with aud = app id', () => v1Token(APP_ID)],
    ['no token at all', () => null],
    [
      'an HS256 token claiming the Bot Framework issuer',
      () =>
        jwt.sign({ iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: TEAMS }, 'guess', {
          algorithm: 'HS256',
        }),
    ],
    [
      'an unsigned token claiming the Bot Framework issuer',
      () =>
        jwt.sign({ iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: TEAMS }, '', {
          algorithm: 'none',
        }),
    ],
  ])('refuses %s with 401, stores nothing and calls out to nobody', async (_what, token) => {
    const fetchesBefore = bf.requests.length;
    const callsBefore = connector.calls.length;
    const res = await post(messageActivity(chair, 'mina initiativ', connector.url), token());
    expect(res.status).toBe(401);
    expect(res.type).toContain('application/problem+json');
    expect(res.text).not.toMatch(/at \w+ \(|\/work\/|node_modules/);
    expect(await stored()).toBeNull();
    expect(bf.requests.length).toBe(fetchesBefore);
    expect(connector.calls.length).toBe(callsBefore);
  });

  it('accepts a genuine Bot Framework token for a Teams serviceUrl (the control case)', async () => {
    const user = teamsUser('Anna Andersson', 1);
    const res = await post(installActivity(user, TEAMS), bf.token(APP_ID, TEAMS));
    expect(res.status).toBe(200);
    expect(await stored(user)).toMatchObject({ serviceUrl: TEAMS });
  });

  it('refuses a genuine token replayed with another serviceUrl in the body', async () => {
    const res = await post(installActivity(chair, connector.url), bf.token(APP_ID, TEAMS));
    expect([401, 403]).toContain(res.status);
    expect(await stored()).toBeNull();
    expect(connector.calls).toHaveLength(0);
  });

  it('refuses a serviceUrl that is not a Teams connector host, even when the token names it', async () => {
    const forged = 'https://smba.trafficmanager.net.evil.example/emea/';
    const res = await post(installActivity(chair, forged), bf.token(APP_ID, forged));
    expect(res.status).toBe(403);
    expect(res.type).toContain('application/problem+json');
    expect(await stored()).toBeNull();
  });

  it.each([
    ['another bot', { aud: '00000000-0000-0000-0000-000000000bad' }],
    ['expired', { exp: Math.floor(Date.now() / 1000) - 3600 }],
    ['without an expiry', { exp: undefined }],
    ['without a serviceurl claim', { serviceurl: undefined }],
  ])('refuses a Bot Framework-signed token for %s', async (_what, claims) => {
    const res = await post(installActivity(chair, TEAMS), bf.token(APP_ID, TEAMS, claims));
    expect(res.status).toBe(401);
    expect(await stored()).toBeNull();
  });

  it('refuses a token signed by another key under the Bot Framework key id', async () => {
    const now = Math.floor(Date.now() / 1000);
    const forged = jwt.sign(
      { iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: TEAMS, nbf: now, exp: now + 600 },
      attackerKey,
      { algorithm: 'RS256', keyid: bf.kid },
    );
    expect((await post(installActivity(chair, TEAMS), forged)).status).toBe(401);
    expect(await stored()).toBeNull();
  });

  it('a flood of made-up key ids costs at most one key fetch and does not lock out Teams', async () => {
    const before = bf.requests.length;
    for (let i = 0; i < 40; i++) {
      const res = await post(installActivity(chair, TEAMS), bf.token(APP_ID, TEAMS, {}, `made-up-${i}`));
      expect(res.status).toBe(401);
    }
    expect(bf.requests.length - before).toBeLessThanOrEqual(1);
    const user = teamsUser('Per Nilsson', 3);
    expect((await post(installActivity(user, TEAMS), bf.token(APP_ID, TEAMS))).status).toBe(200);
    expect(await stored(user)).not.toBeNull();
  });
});

describe('edges in production mode', () => {
  const withToken = (body: string, type = 'application/json') =>
    fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': type, authorization: `Bearer ${bf.token(APP_ID, TEAMS)}` },
      body,
    });
  it.each([
    ['malformed JSON', () => withToken('{"type": "message", '), 400],
    ['a non-JSON content type', () => withToken('type=message', 'application/x-www-form-urlencoded'), 415],
    ['an oversized body', () => withToken(JSON.stringify({ pad: 'x'.repeat(600_000) })), 413],
    [
      'an activity without a conversation',
      () => withToken(JSON.stringify({ type: 'message', serviceUrl: TEAMS })),
      400,
    ],
    ['an unknown route', () => fetch(`${app.url}/api/nothing-here`), 404],
  ])('answers %s with a problem, no stack, no path', async (_what, send, status) => {
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.text()).not.toMatch(/\n\s+at |\/work\/|node_modules|nothing-here/);
  });
});
