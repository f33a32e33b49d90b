import { createPublicKey, type KeyObject } from 'node:crypto';

/** A signing key from a JWKS document, with the Bot Framework's channel endorsements if it has them. */
export interface SigningKey {
  readonly key: KeyObject;
  /** Channel ids the key is endorsed for (Bot Framework keys only; absent for Entra keys). */
  readonly endorsements: readonly string[] | null;
}

export type FetchJson = (url: string) => Promise<unknown>;

export const defaultFetchJson: FetchJson = async (url) => {
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`${new URL(url).host} answered ${res.status}`);
  return res.json();
};

export interface KeySetOptions {
  readonly jwksUri: string;
  readonly fetchJson?: FetchJson;
  /** After a look-up for an unknown key id, no new fetch for this long (default 5 minutes). */
  readonly refetchCooldownMs?: number;
  /** A key set older than this is refreshed on the next look-up (default 24 hours). */
  readonly maxAgeMs?: number;
  readonly now?: () => number;
}

interface Loaded {
  readonly at: number;
  readonly keys: ReadonlyMap<string, SigningKey>;
}

function parseKeys(doc: unknown): Map<string, SigningKey> {
  const keys = new Map<string, SigningKey>();
  const list = (doc as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(list)) throw new Error('JWKS without keys');
  for (const jwk of list as Record<string, unknown>[]) {
    if (typeof jwk.kid !== 'string' || jwk.kty !== 'RSA' || (jwk.use !== undefined && jwk.use !== 'sig'))
      continue;
    if (typeof jwk.n !== 'string' || typeof jwk.e !== 'string') continue;
    try {
      const key = createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e }, format: 'jwk' });
      const endorsements = Array.isArray(jwk.endorsements)
        ? jwk.endorsements.filter((x): x is string => typeof x === 'string')
        : null;
      keys.set(jwk.kid, { key, endorsements });
    } catch {
      // A malformed key in the document must not make the other keys unusable.
    }
  }
  return keys;
}

/**
 * One issuer's signing keys. The whole set is fetched and kept; a token with an unknown key id
 * triggers at most one re-fetch per cooldown (key rotation), so a flood of made-up key ids costs
 * nothing and can never starve look-ups of the keys already known. A failed refresh keeps the set.
 */
export class KeySet {
  private loaded: Loaded | null = null;
  private inFlight: Promise<Loaded> | null = null;
  private lastAttempt = Number.NEGATIVE_INFINITY;
  private readonly fetchJson: FetchJson;
  private readonly cooldownMs: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(private readonly opts: KeySetOptions) {
    this.fetchJson = opts.fetchJson ?? defaultFetchJson;
    this.cooldownMs = opts.refetchCooldownMs ?? 5 * 60_000;
    this.maxAgeMs = opts.maxAgeMs ?? 24 * 3600_000;
    this.now = opts.now ?? Date.now;
  }

  /** The key for `kid`, or null when the issuer has no such key (after at most one bounded re-fetch). */
  async get(kid: string): Promise<SigningKey | null> {
    const t = this.now();
    if (!this.loaded) return (await this.load()).keys.get(kid) ?? null;
    const known = this.loaded.keys.get(kid);
    const stale = t - this.loaded.at > this.maxAgeMs;
    if (known && !stale) return known;
    if (t - this.lastAttempt < this.cooldownMs) return known ?? null;
    try {
      return (await this.load()).keys.get(kid) ?? null;
    } catch {
      return known ?? null; // the issuer is unreachable: keep serving what we have
    }
  }

  private load(): Promise<Loaded> {
    this.inFlight ??= (async () => {
      this.lastAttempt = this.now();
      const keys = parseKeys(await this.fetchJson(this.opts.jwksUri));
      this.loaded = { at: this.now(), keys };
      return this.loaded;
    })().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }
}
