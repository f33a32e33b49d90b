const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** False only for a valid URL off loopback (an invalid one is reported by the URL check already). */
function onLoopback(value: string): boolean {
  try {
    return LOOPBACK.has(new URL(value).hostname.replace(/^\[|\]$/g, ''));
  } catch {
    return true;
  }
}

export interface LocalReach {
  /** STORE=sharepoint: the Graph endpoint and authority are used, whether set or defaulted. */
  readonly usesGraph: boolean;
  /** Set explicitly (null when left at the default). */
  readonly GRAPH_BASE_URL: string | null;
  readonly AUTHORITY_HOST: string | null;
  /** The values in effect: [Graph endpoint, authority]. */
  readonly graphDefaults: readonly [string, string];
  readonly PUBLIC_URL: string;
  readonly LOCAL_SERVICE_URL: string;
}

/**
 * Local mode has no real credentials and trusts unauthenticated Teams traffic, so it must neither
 * reach real Microsoft 365 nor be reachable from outside (config.ts reports these problems). A
 * Graph fake on loopback is fine.
 */
export function localModeReach(r: LocalReach): string[] {
  const [graph, authority] = r.graphDefaults;
  const checks: [string, string | null][] = [
    ['GRAPH_BASE_URL', r.usesGraph ? graph : r.GRAPH_BASE_URL],
    ['AUTHORITY_HOST', r.usesGraph ? authority : r.AUTHORITY_HOST],
    ['PUBLIC_URL', r.PUBLIC_URL],
    ['LOCAL_SERVICE_URL', r.LOCAL_SERVICE_URL],
  ];
  return checks
    .filter((c): c is [string, string] => c[1] !== null && !onLoopback(c[1]))
    .map(
      ([name, value]) =>
        `${name} must be on loopback in local mode (got "${value}"); to use real Microsoft 365 or be reached from outside, run with APP_MODE=production`,
    );
}
