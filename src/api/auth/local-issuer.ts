import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import express, { Router } from 'express';
import jwt from 'jsonwebtoken';
import type { Directory } from '../../app/ports/system.port';
import { API_SCOPE, LOCAL_ISSUER_PATH } from './auth-config';
import type { MockUser } from './mock-users';
import { escapeHtml, htmlPage, jsString } from '../html';
import { SIGN_IN_COPY, signInLocale } from './sign-in-page';

export interface LocalIssuerOptions {
  readonly tenantId: string;
  /** The `aud` of issued tokens (the app id, as Entra's v2 tokens have). */
  readonly audience: string;
  readonly users: readonly MockUser[];
  readonly directory: Directory;
  /** Base URL of this server, known once it listens. */
  readonly baseUrl: () => string;
  readonly tokenLifetimeSec?: number;
}

/**
 * A stand-in for Entra in local mode: an RSA key pair made at start, OpenID metadata and JWKS in the
 * same shape as Entra's, and a sign-in page listing the local Teams client's mock users. Tokens it
 * issues go through the very validator production uses; nothing is bypassed.
 */
export class LocalIssuer {
  private readonly privateKey: KeyObject;
  private readonly publicJwk: Record<string, unknown>;
  private readonly kid: string;

  constructor(private readonly opts: LocalIssuerOptions) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = privateKey;
    const jwk = publicKey.export({ format: 'jwk' });
    this.kid = createHash('sha256').update(String(jwk.n)).digest('base64url').slice(0, 16);
    this.publicJwk = { ...jwk, kid: this.kid, use: 'sig', alg: 'RS256' };
  }

  /** The issuer template, as Entra's multi-tenant metadata has it. */
  issuerTemplate(): string {
    return `${this.opts.baseUrl()}${LOCAL_ISSUER_PATH}/{tenantid}/v2.0`;
  }

  /** Signs an access token for a mock user (also used by tests to act as someone). */
  issue(
    user: Pick<MockUser, 'objectId' | 'name' | 'email'>,
    overrides: Record<string, unknown> = {},
  ): string {
    const tid = this.opts.tenantId;
    const now = Math.floor(Date.now() / 1000);
    const claims: Record<string, unknown> = {
      iss: this.issuerTemplate().replace('{tenantid}', tid),
      aud: this.opts.audience,
      iat: now,
      nbf: now,
      exp: now + (this.opts.tokenLifetimeSec ?? 8 * 3600),
      tid,
      oid: user.objectId,
      sub: user.objectId,
      name: user.name,
      preferred_username: user.email,
      scp: API_SCOPE,
      ver: '2.0',
      ...overrides,
    };
    // An override of undefined removes the claim (tests use it to make tokens Entra would never issue).
    for (const key of Object.keys(claims)) if (claims[key] === undefined) delete claims[key];
    return jwt.sign(claims, this.privateKey, { algorithm: 'RS256', keyid: this.kid });
  }

  routes(): Router {
    const router = Router();
    router.get('/.well-known/openid-configuration', (_req, res) => {
      res.json({
        issuer: this.issuerTemplate(),
        jwks_uri: `${this.opts.baseUrl()}/.well-known/jwks.json`,
        authorization_endpoint: `${this.opts.baseUrl()}${LOCAL_ISSUER_PATH}/sign-in`,
        id_token_signing_alg_values_supported: ['RS256'],
      });
    });
    router.get('/.well-known/jwks.json', (_req, res) => {
      res.json({ keys: [this.publicJwk] });
    });
    router.get(`${LOCAL_ISSUER_PATH}/sign-in`, async (req, res) => {
      const back = safeReturn(req.query.return);
      const locale = signInLocale(req);
      const c = SIGN_IN_COPY[locale];
      const rows = await Promise.all(
        this.opts.users.map(async (u) => {
          const roles = (await this.opts.directory.rolesOf(u.objectId)).map((r) => c.roles[r]).join(', ');
          return `<li><button type="submit" name="user" value="${escapeHtml(u.objectId)}">
            <span class="name">${escapeHtml(u.name)}</span>
            <span class="meta">${escapeHtml(u.email)}${roles ? ` · ${escapeHtml(roles)}` : ''}</span>
          </button></li>`;
        }),
      );
      res.type('html').send(
        htmlPage(
          c.title,
          `<h1>${c.heading}</h1>
          <p>${c.intro}</p>
          <form method="post" action="${LOCAL_ISSUER_PATH}/sign-in">
            <input type="hidden" name="return" value="${escapeHtml(back)}">
            <input type="hidden" name="locale" value="${locale}">
            <ul class="users">${rows.join('')}</ul>
          </form>`,
          locale,
        ),
      );
    });
    router.post(`${LOCAL_ISSUER_PATH}/sign-in`, express.urlencoded({ extended: false }), (req, res) => {
      const form = req.body as Record<string, unknown>;
      const locale = form.locale === 'en' || form.locale === 'sv' ? form.locale : signInLocale(req);
      const c = SIGN_IN_COPY[locale];
      // Only this server's own sign-in page may post here: another site's page (or a rebinding
      // DNS name) could otherwise sign the browser in as a mock user of its choosing.
      if (!sameOrigin(req.header('origin'), req.header('host'))) {
        res
          .status(403)
          .type('html')
          .send(htmlPage(c.wrongOrigin, `<p>${c.wrongOriginBody}</p>`, locale));
        return;
      }
      const body = form;
      const user = this.opts.users.find((u) => u.objectId === body.user);
      if (!user) {
        res
          .status(400)
          .type('html')
          .send(htmlPage(c.unknownTitle, `<p>${c.unknownBody}</p>`, locale));
        return;
      }
      const token = this.issue(user);
      // The token goes to the tab through sessionStorage (same origin), never through a URL.
      res.type('html').send(
        htmlPage(
          c.signedIn,
          `<p>${c.signedInAs} ${escapeHtml(user.name)} …</p>
          <script>
            sessionStorage.setItem('omtanke.localToken', ${jsString(token)});
            location.replace(${jsString(safeReturn(body.return))});
          </script>`,
          locale,
        ),
      );
    });
    return router;
  }
}

/** The form was posted by a page of this very server (Origin equals http://<Host>). */
function sameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (!origin || !host) return false;
  try {
    const o = new URL(origin);
    return o.protocol === 'http:' && o.host === host.toLowerCase();
  } catch {
    return false;
  }
}

/** Only paths inside the tab are valid return addresses (no open redirect). */
function safeReturn(value: unknown): string {
  return typeof value === 'string' && /^\/tab\/[^\\]*$/.test(value) && !value.startsWith('//')
    ? value
    : '/tab/';
}
