/**
 * The tab API refuses every request without a valid token. Local mode signs tokens with its own
 * issuer, and they are checked by the same validator that checks Entra tokens in production.
 */
import { generateKeyPairSync } from 'node:crypto';
import express from 'express';
import jwt from 'jsonwebtoken';
import { requireUser } from '../../src/api/auth/require-user';
import { createTokenValidator, TokenRejectedError } from '../../src/api/auth/token-validator';
import { startApiServer, type ApiServer } from '../tab/support/api-server';
import { USERS } from '../tab/support/seed';

describe('tab API authentication', () => {
  let api: ApiServer;
  beforeAll(async () => {
    api = await startApiServer();
  });
  afterAll(() => api.close());

  const call = async (token: string | null, path = '/api/me') => {
    const res = await fetch(`${api.url}${path}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return {
      status: res.status,
      type: res.headers.get('content-type') ?? '',
      body: (await res.json()) as Record<string, unknown>,
    };
  };

  it('answers who I am, with roles from the server-side directory', async () => {
    const res = await call(api.token(USERS.karin));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      objectId: USERS.karin.objectId,
      name: 'Karin Lund',
      roles: ['rug_member', 'rug_chair'],
    });
  });

  it('refuses a request without a token with a problem response', async () => {
    const res = await call(null);
    expect(res.status).toBe(401);
    expect(res.type).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 401, code: 'AUTH.MISSING_TOKEN' });
  });

  it.each([
    [
      'an expired token',
      { exp: Math.floor(Date.now() / 1000) - 3600, iat: Math.floor(Date.now() / 1000) - 7200 },
    ],
    ['a token not yet valid', { nbf: Math.floor(Date.now() / 1000) + 3600 }],
    ['another audience', { aud: 'api://someone-else' }],
    ['a tenant not allowed', { tid: '99999999-9999-9999-9999-999999999999' }],
    [
      'an issuer of another tenant',
      { iss: 'http://127.0.0.1/local-auth/99999999-9999-9999-9999-999999999999/v2.0' },
    ],
    ['no delegated scope', { scp: 'User.Read' }],
    ['no object id', { oid: undefined }],
  ])('refuses %s', async (_what, claims) => {
    const res = await call(api.token(USERS.anna, claims));
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'AUTH.INVALID_TOKEN' });
  });

  it('refuses a token signed by another key, even with a known key id', async () => {
    const good = api.token(USERS.anna);
    const header = jwt.decode(good, { complete: true })!.header;
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const forged = jwt.sign(jwt.decode(good) as object, privateKey, {
      algorithm: 'RS256',
      keyid: header.kid,
    });
    expect((await call(forged)).status).toBe(401);
  });

  it('refuses an unsigned token and a tampered payload', async () => {
    const good = api.token(USERS.anna);
    const [h, , s] = good.split('.');
    const payload = Buffer.from(
      JSON.stringify({ ...(jwt.decode(good) as object), oid: USERS.karin.objectId }),
    ).toString('base64url');
    expect((await call(`${h}.${payload}.${s}`)).status).toBe(401);
    const none = jwt.sign(jwt.decode(good) as object, '', { algorithm: 'none' });
    expect((await call(none)).status).toBe(401);
  });

  it('serves the sign-in settings without a token, and the local sign-in page lists the mock users', async () => {
    const config = await fetch(`${api.url}/api/client-config`).then((r) => r.json());
    expect(config).toEqual({ mode: 'local', auth: { kind: 'local', signInUrl: '/local-auth/sign-in' } });
    const page = await fetch(`${api.url}/local-auth/sign-in?return=/tab/`).then((r) => r.text());
    for (const name of ['Anna Andersson', 'Karin Lund', 'Sara Holm']) expect(page).toContain(name);
    expect(page).toContain('ordförande i RUG');
  });

  it('publishes OpenID metadata and a JWKS in the shape Entra uses', async () => {
    const meta = (await fetch(`${api.url}/.well-known/openid-configuration`).then((r) => r.json())) as Record<
      string,
      string
    >;
    expect(meta.issuer).toBe(`${api.url}/local-auth/{tenantid}/v2.0`);
    const jwks = (await fetch(meta.jwks_uri!).then((r) => r.json())) as { keys: Record<string, string>[] };
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', use: 'sig', alg: 'RS256' });
    expect(jwks.keys[0]).not.toHaveProperty('d');
  });

  it('signs in through the dev page and hands the token to the tab, never to another site', async () => {
    const form = new URLSearchParams({
      user: USERS.sara.objectId,
      return: '/tab/#/initiatives/OH-2026-0001',
    });
    const html = await fetch(`${api.url}/local-auth/sign-in`, {
      method: 'POST',
      body: form,
      headers: { origin: api.url },
    }).then((r) => r.text());
    const token = /setItem\('omtanke\.localToken', "([^"]+)"\)/.exec(html)![1]!;
    expect((await call(token)).body).toMatchObject({ name: 'Sara Holm', roles: ['beredning'] });
    expect(html).toContain('location.replace("/tab/#/initiatives/OH-2026-0001")');
    const evil = new URLSearchParams({ user: USERS.sara.objectId, return: 'https://evil.example/' });
    const html2 = await fetch(`${api.url}/local-auth/sign-in`, {
      method: 'POST',
      body: evil,
      headers: { origin: api.url },
    }).then((r) => r.text());
    expect(html2).toContain('location.replace("/tab/")');
  });

  it('refuses a token without an expiry', async () => {
    const res = await call(api.token(USERS.anna, { exp: undefined }));
    expect(res.status).toBe(401);
  });
});

describe('when the issuer cannot be reached', () => {
  it('validation fails without blaming the token, and recovers once the issuer answers', async () => {
    let up = false;
    const api2 = await startApiServer();
    try {
      const validator = createTokenValidator(
        () => ({
          metadataUrl: `${api2.url}/.well-known/openid-configuration`,
          audiences: ['00000000-0000-0000-0000-00000000a11d'],
          allowedTenants: ['11111111-1111-1111-1111-111111111111'],
          extraIssuers: [],
          requiredScope: 'access_as_user',
          clockToleranceSec: 60,
        }),
        async (url: string) => {
          if (!up) throw new Error('ECONNREFUSED');
          return (await fetch(url)).json();
        },
      );
      const token = api2.token(USERS.anna);
      const failure = await validator.validate(token).catch((e: unknown) => e);
      expect(failure).not.toBeInstanceOf(TokenRejectedError);
      up = true;
      await expect(validator.validate(token)).resolves.toMatchObject({ name: 'Anna Andersson' });
    } finally {
      await api2.close();
    }
  });

  it('answers 503 (try again later) rather than 401', async () => {
    const app = express();
    app.get('/x', requireUser({ validate: () => Promise.reject(new Error('ECONNREFUSED')) }), (_q, r) => {
      r.json({});
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    try {
      const port = (server.address() as { port: number }).port;
      const res = await fetch(`http://127.0.0.1:${port}/x`, { headers: { authorization: 'Bearer abc' } });
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ code: 'AUTH.UNAVAILABLE' });
    } finally {
      server.close();
    }
  });
});
