/**
 * The Entra side of client-credential auth: an OpenID configuration (MSAL reads it for a custom
 * authority), a token endpoint, and the bearer check every Graph endpoint of the fake applies.
 * A certificate's client assertion is checked like Entra does: a JWT for this app and this token
 * endpoint, signed with the key of the registered certificate (when one is registered).
 */
import { X509Certificate, constants, randomBytes, verify } from 'node:crypto';
import type { FakeAnswer } from './fake-errors';

export interface FakeApp {
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Seconds a token lives; tests shorten it to exercise renewal. */
  readonly tokenLifetimeSeconds: number;
  /** PEM of the certificate registered for the app; without one, any well-formed assertion passes. */
  readonly clientCertificate?: string;
}

/** Whether a client assertion is a JWT issued by the app for this endpoint (and signed by its certificate). */
export function assertionValid(jwt: string, app: FakeApp, endpoint: string): boolean {
  const [h, p, sig] = jwt.split('.');
  if (!h || !p || !sig) return false;
  try {
    const header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as { alg?: string };
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Record<string, unknown>;
    const fresh = typeof claims.exp === 'number' && claims.exp * 1000 > Date.now();
    if (claims.iss !== app.clientId || claims.sub !== app.clientId || claims.aud !== endpoint || !fresh)
      return false;
    if (!app.clientCertificate) return true;
    const key = new X509Certificate(app.clientCertificate).publicKey;
    const data = Buffer.from(`${h}.${p}`);
    const signature = Buffer.from(sig, 'base64url');
    if (header.alg === 'RS256') return verify('sha256', data, key, signature);
    if (header.alg === 'PS256') {
      return verify(
        'sha256',
        data,
        { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 },
        signature,
      );
    }
    return false;
  } catch {
    return false;
  }
}

const oauthError = (status: number, error: string, description: string): FakeAnswer => ({
  status,
  body: { error, error_description: description, error_codes: [], timestamp: new Date().toISOString() },
});

export class FakeAuth {
  private readonly tokens = new Map<string, number>();
  issued = 0;

  constructor(readonly app: FakeApp) {}

  openIdConfiguration(origin: string, tenant: string): FakeAnswer {
    const base = `${origin}/${tenant}`;
    return {
      status: 200,
      body: {
        issuer: `${base}/v2.0`,
        token_endpoint: `${base}/oauth2/v2.0/token`,
        authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
        end_session_endpoint: `${base}/oauth2/v2.0/logout`,
        jwks_uri: `${origin}/${tenant}/discovery/v2.0/keys`,
        response_types_supported: ['code', 'id_token', 'token'],
        token_endpoint_auth_methods_supported: [
          'client_secret_post',
          'private_key_jwt',
          'client_secret_basic',
        ],
      },
    };
  }

  token(origin: string, tenant: string, form: URLSearchParams): FakeAnswer {
    if (tenant !== this.app.tenantId)
      return oauthError(400, 'invalid_request', `AADSTS90002: Tenant '${tenant}' not found.`);
    if (form.get('grant_type') !== 'client_credentials') {
      return oauthError(
        400,
        'unsupported_grant_type',
        'AADSTS70003: The app only supports client_credentials here.',
      );
    }
    if (form.get('client_id') !== this.app.clientId) {
      return oauthError(
        400,
        'unauthorized_client',
        `AADSTS700016: Application '${form.get('client_id')}' was not found.`,
      );
    }
    const secretOk = form.get('client_secret') === this.app.clientSecret;
    const assertionOk =
      form.get('client_assertion_type') === 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer' &&
      assertionValid(form.get('client_assertion') ?? '', this.app, `${origin}/${tenant}/oauth2/v2.0/token`);
    if (!secretOk && !assertionOk)
      return oauthError(401, 'invalid_client', 'AADSTS7000215: Invalid client secret provided.');
    if (!/\/\.default$/.test(form.get('scope') ?? '')) {
      return oauthError(400, 'invalid_scope', 'AADSTS1002012: App-only tokens need the /.default scope.');
    }
    const token = randomBytes(24).toString('base64url');
    this.tokens.set(token, Date.now() + this.app.tokenLifetimeSeconds * 1000);
    this.issued += 1;
    return {
      status: 200,
      body: {
        token_type: 'Bearer',
        expires_in: this.app.tokenLifetimeSeconds,
        ext_expires_in: this.app.tokenLifetimeSeconds,
        access_token: token,
      },
    };
  }

  /** Null when the bearer token is good, else Graph's 401 answer. */
  check(authorization: string | undefined): FakeAnswer | null {
    const m = /^Bearer (\S+)$/.exec(authorization ?? '');
    const expires = m ? this.tokens.get(m[1]!) : undefined;
    if (expires !== undefined && expires > Date.now()) return null;
    const message = m ? 'Access token has expired or is not yet valid.' : 'Access token is empty.';
    return {
      status: 401,
      headers: { 'www-authenticate': 'Bearer realm="", error="invalid_token"' },
      body: { error: { code: 'InvalidAuthenticationToken', message } },
    };
  }
}
