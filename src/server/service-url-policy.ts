/**
 * Where the bot may send its access token: the Teams connector hosts Microsoft documents, over
 * https. An activity names its own serviceUrl, so without this check a forged or misrouted activity
 * could make the bot post (with its Bot Framework token) to any host.
 */
export type ServiceUrlPolicy = (serviceUrl: string) => boolean;

/**
 * The Teams connector hosts (Teams SDK docs, "Service URL Validation"): public cloud with its
 * regional paths (smba.trafficmanager.net/emea/, /amer/, /apac/ …), GCC, GCC High and DoD.
 */
export const TEAMS_CONNECTOR_HOSTS: readonly string[] = [
  'smba.trafficmanager.net',
  'smba.onyx.prod.teams.trafficmanager.net',
  'smba.infra.gcc.teams.microsoft.com',
  'smba.infra.gov.teams.microsoft.us',
  'smba.infra.dod.teams.microsoft.us',
];

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Production: https to one of the listed hosts exactly (no userinfo, default port). */
export function productionServiceUrls(hosts: readonly string[]): ServiceUrlPolicy {
  const allowed = new Set(hosts.map((h) => h.toLowerCase()));
  return (serviceUrl) => {
    const u = parse(serviceUrl);
    return (
      !!u &&
      u.protocol === 'https:' &&
      !u.username &&
      !u.password &&
      u.port === '' &&
      allowed.has(u.hostname.toLowerCase())
    );
  };
}

/**
 * Local mode: only the configured local client's connector (Agents Playground), by any loopback
 * name on its port — the client may call itself localhost while the setting says 127.0.0.1.
 */
export function localServiceUrls(localServiceUrl: string): ServiceUrlPolicy {
  const local = parse(localServiceUrl);
  return (serviceUrl) => {
    const u = parse(serviceUrl);
    return (
      !!u &&
      !!local &&
      u.protocol === local.protocol &&
      LOOPBACK_NAMES.has(u.hostname) &&
      u.port === local.port &&
      !u.username &&
      !u.password
    );
  };
}
