import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';

export const BOT_ISSUER = 'https://api.botframework.com';

/**
 * The Bot Framework channel service's token side on loopback: OpenID metadata and a JWKS (with the
 * `endorsements` Bot Framework keys carry), a key pair to sign channel tokens with, and a count of
 * every request, so tests can prove that a refused token caused no outbound key fetch.
 */
export class FakeBotFramework {
  readonly requests: string[] = [];
  private server: Server | null = null;
  private readonly privateKey: KeyObject;
  readonly kid: string;
  private readonly jwk: Record<string, unknown>;
  url = '';
  /** A second key pair served as Entra's keys (`/{tenant}/discovery/v2.0/keys`), as a stand-in for
   *  a genuine Entra-signed token: what an employee's real tab token would be. */
  readonly entra = generateKeyPairSync('rsa', { modulusLength: 2048 });
  readonly entraKid = 'entra-key-1';

  constructor() {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = privateKey;
    const jwk = publicKey.export({ format: 'jwk' });
    this.kid = createHash('sha256').update(String(jwk.n)).digest('base64url').slice(0, 16);
    this.jwk = { ...jwk, kid: this.kid, use: 'sig', endorsements: ['msteams'] };
  }

  get metadataUrl(): string {
    return `${this.url}/v1/.well-known/openidconfiguration`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.requests.push(req.url ?? '');
      if (req.url === '/v1/.well-known/openidconfiguration') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ issuer: BOT_ISSUER, jwks_uri: `${this.url}/v1/.well-known/keys` }));
      } else if (req.url === '/v1/.well-known/keys') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ keys: [this.jwk] }));
      } else if (/^\/[^/]+\/discovery\/v2\.0\/keys$/.test(req.url ?? '')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        const jwk = this.entra.publicKey.export({ format: 'jwk' });
        res.end(JSON.stringify({ keys: [{ ...jwk, kid: this.entraKid, use: 'sig' }] }));
      } else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
    return this;
  }

  /** A channel → bot token as the Bot Framework issues it. */
  token(appId: string, serviceUrl: string, overrides: Record<string, unknown> = {}, kid = this.kid): string {
    const now = Math.floor(Date.now() / 1000);
    const claims: Record<string, unknown> = {
      serviceurl: serviceUrl,
      nbf: now - 10,
      exp: now + 3600,
      iss: BOT_ISSUER,
      aud: appId,
      ...overrides,
    };
    for (const k of Object.keys(claims)) if (claims[k] === undefined) delete claims[k];
    return jwt.sign(claims, this.privateKey, { algorithm: 'RS256', keyid: kid });
  }

  /** Signs claims with the "Entra" key (a token Entra would have issued in this fake cloud). */
  entraToken(claims: Record<string, unknown>): string {
    return jwt.sign(claims, this.entra.privateKey, { algorithm: 'RS256', keyid: this.entraKid });
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}
