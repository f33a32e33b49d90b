/**
 * Tokens with made-up key ids cannot starve legitimate look-ups at the tab API: the issuer's key
 * set is fetched once, an unknown key id costs at most one re-fetch per cooldown, and the known
 * keys keep working throughout (jwks-rsa's shared rate limit let a flood lock Entra's keys out).
 */
import jwt from 'jsonwebtoken';
import { tokenSettings } from '../../src/api/auth/auth-config';
import { createTokenValidator, TokenRejectedError } from '../../src/api/auth/token-validator';
import { loadConfig } from '../../src/config';
import { startApiServer } from '../tab/support/api-server';
import { USERS } from '../tab/support/seed';

it('a flood of unknown key ids costs one key fetch and never locks out a genuine token', async () => {
  const api = await startApiServer();
  try {
    const fetched: string[] = [];
    const fetchJson = async (url: string) => {
      fetched.push(new URL(url).pathname);
      return (await fetch(url)).json();
    };
    const validator = createTokenValidator(
      () => tokenSettings(loadConfig({ APP_MODE: 'local', PORT: '0' }), api.url),
      fetchJson,
    );
    const good = api.token(USERS.anna);
    await expect(validator.validate(good)).resolves.toMatchObject({ name: 'Anna Andersson' });
    // The key set comes through the validator's own fetch (one per issuer), metadata then JWKS.
    expect(fetched).toEqual(['/.well-known/openid-configuration', '/.well-known/jwks.json']);
    const before = fetched.length;
    const { payload } = jwt.decode(good, { complete: true }) as { payload: object };
    for (let i = 0; i < 50; i++) {
      // Re-signed under a made-up key id: the signature cannot be checked against any known key.
      const forged = jwt.sign(payload, 'x'.repeat(32), { algorithm: 'HS256', keyid: `made-up-${i}` });
      const header = Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: `made-up-${i}` })).toString(
        'base64url',
      );
      const [, body, sig] = forged.split('.');
      await expect(validator.validate(`${header}.${body}.${sig}`)).rejects.toBeInstanceOf(TokenRejectedError);
    }
    expect(fetched.length - before).toBeLessThanOrEqual(1);
    await expect(validator.validate(good)).resolves.toMatchObject({ name: 'Anna Andersson' });
  } finally {
    await api.close();
  }
});
