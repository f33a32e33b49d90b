import jwt from 'jsonwebtoken';
import { defaultFetchJson, KeySet, type FetchJson } from './key-set';
import { TokenRejectedError } from './token-rejected';
import { verifyRs256 } from './verify-rs256';

export interface BotFrameworkTokenOptions {
  /** The bot's app id: the only accepted `aud`. */
  readonly appId: string;
  /** The Bot Framework channel service's issuer (`https://api.botframework.com` in the public cloud). */
  readonly issuer: string;
  /** Its OpenID metadata (`…/v1/.well-known/openidconfiguration`), which names the JWKS. */
  readonly metadataUrl: string;
  readonly fetchJson?: FetchJson;
}

/** What a channel-service token vouches for, checked against the activity it came with. */
export interface ActivityClaims {
  readonly serviceUrl: string;
  readonly channelId?: string;
}

/** Checks Bot Framework channel tokens: a cheap unverified look first, then the signature. */
export interface BotFrameworkTokenCheck {
  /**
   * Refuses, without any network call, a token that is not even claiming to be the Bot Framework's
   * (Entra v1/v2 tokens of any tenant, the tab's own SSO token, unsigned or HS256 tokens).
   */
  precheck(token: string): void;
  verify(token: string, activity: ActivityClaims): Promise<void>;
}

const normal = (url: string) => url.trim().replace(/\/+$/, '').toLowerCase();

function isMetadata(x: unknown): x is { jwks_uri: string } {
  return typeof (x as { jwks_uri?: unknown } | null)?.jwks_uri === 'string';
}

/**
 * The Bot Framework's own rules for a channel → bot request: RS256 by a key from the channel
 * service's OpenID metadata (endorsed for the activity's channel when the key lists endorsements),
 * issuer `https://api.botframework.com`, audience the bot's app id, unexpired, and the `serviceurl`
 * claim equal to the activity's serviceUrl — so a genuine token cannot carry a forged serviceUrl.
 */
export function botFrameworkTokenCheck(opts: BotFrameworkTokenOptions): BotFrameworkTokenCheck {
  const fetchJson = opts.fetchJson ?? defaultFetchJson;
  let keys: Promise<KeySet> | null = null;
  const keySet = () =>
    (keys ??= (async () => {
      const meta = await fetchJson(opts.metadataUrl);
      if (!isMetadata(meta)) throw new Error('Bot Framework metadata without jwks_uri');
      return new KeySet({ jwksUri: meta.jwks_uri, fetchJson });
    })().catch((err: unknown) => {
      keys = null;
      throw err;
    }));

  const precheck = (token: string) => {
    const decoded = jwt.decode(token, { complete: true });
    if (!decoded || typeof decoded.payload === 'string') throw new TokenRejectedError('not a JWT');
    if (decoded.header.alg !== 'RS256') throw new TokenRejectedError('not RS256');
    if (decoded.payload.iss !== opts.issuer) throw new TokenRejectedError('not a Bot Framework token');
    if (decoded.payload.aud !== opts.appId) throw new TokenRejectedError('another audience');
  };

  return {
    precheck,
    async verify(token, activity) {
      precheck(token);
      const { payload, key } = await verifyRs256(token, await keySet(), {
        audiences: [opts.appId],
        clockToleranceSec: 300,
      });
      if (payload.iss !== opts.issuer) throw new TokenRejectedError('wrong issuer');
      const claimed = typeof payload.serviceurl === 'string' ? payload.serviceurl : '';
      if (!claimed || normal(claimed) !== normal(activity.serviceUrl))
        throw new TokenRejectedError('serviceurl does not match the activity');
      if (key.endorsements && activity.channelId && !key.endorsements.includes(activity.channelId))
        throw new TokenRejectedError('key not endorsed for the channel');
    },
  };
}
