/**
 * The one place that reads the environment. It validates every setting at start and fails fast
 * with a list of everything that is wrong, so a misconfigured deployment never half-starts.
 */
import { localModeReach } from './config-local-reach';
import { TEAMS_CONNECTOR_HOSTS } from './server/service-url-policy';

export type AppMode = 'local' | 'production';
export type StoreKind = 'sqlite' | 'sharepoint';

export interface Config {
  readonly mode: AppMode;
  readonly host: string;
  readonly port: number;
  /** Public base URL of this app (tab links in cards, deep links). */
  readonly publicUrl: string;
  readonly store: StoreKind;
  readonly sqlitePath: string;
  readonly microsoft: {
    readonly appId: string;
    readonly appPassword: string | null;
    readonly tenantId: string;
    readonly certificatePath: string | null;
    readonly useManagedIdentity: boolean;
    /** Teams app id from the manifest, for deep links into the tab. */
    readonly teamsAppId: string;
  };
  /** Entra tenants whose users may use the app (the region's and the municipalities'). */
  readonly allowedTenants: readonly string[];
  readonly graph: {
    readonly baseUrl: string;
    readonly authorityHost: string;
    readonly siteId: string;
  };
  readonly roles: {
    readonly admins: readonly string[];
    readonly rugChairs: readonly string[];
    readonly rugSecretaries: readonly string[];
    readonly beredning: readonly string[];
    /** RUG members by configuration; in production membership comes from the RUG channel roster. */
    readonly rugMembers: readonly string[];
  };
  /** How often the outbox dispatcher looks for notifications to deliver (0 turns it off). */
  readonly outboxIntervalMs: number;
  readonly reminders: {
    /** How often the reminder job runs (0 turns it off). */
    readonly intervalMs: number;
    /** A RUG member is reminded once when a review has waited this many days for them. */
    readonly reviewAfterDays: number;
    /** Day of the weekly digest in the RUG channel, 1 = Monday … 7 = Sunday. */
    readonly digestWeekday: number;
  };
  /** The Bot Framework channel service, the only issuer /api/messages accepts in production. */
  readonly botFramework: {
    readonly openIdMetadataUrl: string;
    readonly tokenIssuer: string;
  };
  /** Hosts a conversation's serviceUrl may have (production): the Teams connector hosts. */
  readonly serviceUrlHosts: readonly string[];
  /** How long a read of the RUG channel roster is reused. */
  readonly rosterTtlMs: number;
  /** Connector URL of the local client (Agents Playground) for proactive messages in local mode. */
  readonly localServiceUrl: string;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[,;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function url(name: string, value: string, problems: string[]): string {
  try {
    const u = new URL(value);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') problems.push(`${name} must be an http(s) URL`);
  } catch {
    problems.push(`${name} is not a valid URL: "${value}"`);
  }
  return value.replace(/\/+$/, '');
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[], problems: string[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  problems.push(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
  return allowed[0]!;
}

/** Reads and validates the settings; throws ConfigError listing every problem found. */
export function loadConfig(env: Env): Config {
  const problems: string[] = [];
  const get = (name: string, fallback = ''): string => (env[name] ?? '').trim() || fallback;

  const mode = oneOf<AppMode>('APP_MODE', get('APP_MODE', 'local'), ['local', 'production'], problems);
  const local = mode === 'local';
  const host = get('HOST', local ? '127.0.0.1' : '0.0.0.0');
  const port = Number(get('PORT', '3978'));
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    problems.push(`PORT must be a port number (got "${get('PORT')}")`);
  if (local && !LOOPBACK.has(host)) {
    // Local mode accepts unauthenticated Teams traffic; that is only safe on loopback.
    problems.push(
      `HOST must be a loopback address in local mode (got "${host}"); to be reached from outside, run with APP_MODE=production`,
    );
  }
  const publicUrl = url(
    'PUBLIC_URL',
    get('PUBLIC_URL', `http://localhost:${Number.isInteger(port) ? port : 3978}`),
    problems,
  );
  const store = oneOf<StoreKind>(
    'STORE',
    get('STORE', local ? 'sqlite' : 'sharepoint'),
    ['sqlite', 'sharepoint'],
    problems,
  );

  const appId = get('MICROSOFT_APP_ID', local ? '00000000-0000-0000-0000-00000000a11d' : '');
  const appPassword = get('MICROSOFT_APP_PASSWORD') || null;
  const certificatePath = get('MICROSOFT_APP_CERTIFICATE_PATH') || null;
  const useManagedIdentity = get('MICROSOFT_APP_USE_MANAGED_IDENTITY', 'false') === 'true';
  const tenantId = get('MICROSOFT_APP_TENANT_ID', local ? '11111111-1111-1111-1111-111111111111' : '');
  const allowedTenants = list(env.ALLOWED_TENANTS);
  if (local && allowedTenants.length === 0) allowedTenants.push(tenantId);
  const siteId = get('SHAREPOINT_SITE_ID');

  if (!local) {
    if (!GUID.test(appId))
      problems.push('MICROSOFT_APP_ID (the bot/Entra app id, a GUID) is required in production');
    if (!GUID.test(tenantId)) problems.push('MICROSOFT_APP_TENANT_ID (a GUID) is required in production');
    if (!appPassword && !certificatePath && !useManagedIdentity) {
      problems.push(
        'production needs app credentials: MICROSOFT_APP_PASSWORD, MICROSOFT_APP_CERTIFICATE_PATH or MICROSOFT_APP_USE_MANAGED_IDENTITY=true',
      );
    }
    if (allowedTenants.length === 0)
      problems.push('ALLOWED_TENANTS (comma-separated tenant ids) is required in production');
    if (!env.PUBLIC_URL)
      problems.push('PUBLIC_URL (the https address of this app) is required in production');
  }
  for (const t of allowedTenants)
    if (!GUID.test(t)) problems.push(`ALLOWED_TENANTS has an entry that is not a GUID: "${t}"`);
  const wholeNumber = (name: string, fallback: string): number => {
    const raw = get(name, fallback);
    if (!/^\d+$/.test(raw)) problems.push(`${name} must be a whole number (got "${raw}")`);
    return Number(raw);
  };
  wholeNumber('OUTBOX_INTERVAL_MS', '5000');
  const weekday = wholeNumber('DIGEST_WEEKDAY', '1');
  if (weekday < 1 || weekday > 7) problems.push('DIGEST_WEEKDAY must be 1 (Monday) … 7 (Sunday)');
  if (store === 'sharepoint' && !appPassword && !certificatePath && !useManagedIdentity) {
    problems.push(
      'STORE=sharepoint needs app credentials for Graph (MICROSOFT_APP_PASSWORD, MICROSOFT_APP_CERTIFICATE_PATH or MICROSOFT_APP_USE_MANAGED_IDENTITY=true)',
    );
  }
  if (store === 'sharepoint' && !siteId)
    problems.push('SHAREPOINT_SITE_ID is required when STORE=sharepoint');

  const config: Config = {
    mode,
    host,
    port,
    publicUrl,
    store,
    sqlitePath: get('SQLITE_PATH', './data/omtanke.db'),
    microsoft: {
      appId,
      appPassword,
      tenantId,
      certificatePath,
      useManagedIdentity,
      teamsAppId: get('TEAMS_APP_ID', appId),
    },
    allowedTenants,
    graph: {
      baseUrl: url('GRAPH_BASE_URL', get('GRAPH_BASE_URL', 'https://graph.microsoft.com/v1.0'), problems),
      authorityHost: url(
        'AUTHORITY_HOST',
        get('AUTHORITY_HOST', 'https://login.microsoftonline.com'),
        problems,
      ),
      siteId,
    },
    roles: {
      admins: list(env.ADMIN_IDS),
      rugChairs: list(env.RUG_CHAIR_IDS),
      rugSecretaries: list(env.RUG_SECRETARY_IDS),
      beredning: list(env.BEREDNING_IDS),
      rugMembers: list(env.RUG_MEMBER_IDS),
    },
    outboxIntervalMs: Number(get('OUTBOX_INTERVAL_MS', '5000')),
    reminders: {
      intervalMs: wholeNumber('REMINDER_INTERVAL_MS', '900000'),
      reviewAfterDays: wholeNumber('REMINDER_AFTER_DAYS', '5'),
      digestWeekday: wholeNumber('DIGEST_WEEKDAY', '1'),
    },
    botFramework: {
      openIdMetadataUrl: url(
        'BOT_OPENID_METADATA_URL',
        get('BOT_OPENID_METADATA_URL', 'https://login.botframework.com/v1/.well-known/openidconfiguration'),
        problems,
      ),
      tokenIssuer: get('BOT_TOKEN_ISSUER', 'https://api.botframework.com'),
    },
    serviceUrlHosts: env.TEAMS_SERVICE_URL_HOSTS ? list(env.TEAMS_SERVICE_URL_HOSTS) : TEAMS_CONNECTOR_HOSTS,
    rosterTtlMs: wholeNumber('ROSTER_TTL_MS', '120000'),
    localServiceUrl: url(
      'LOCAL_SERVICE_URL',
      get('LOCAL_SERVICE_URL', 'http://127.0.0.1:56150/_connector'),
      problems,
    ),
    logLevel: oneOf(
      'LOG_LEVEL',
      get('LOG_LEVEL', 'info'),
      ['debug', 'info', 'warn', 'error'] as const,
      problems,
    ),
  };
  if (local)
    problems.push(
      ...localModeReach({
        usesGraph: config.store === 'sharepoint',
        GRAPH_BASE_URL: env.GRAPH_BASE_URL ? config.graph.baseUrl : null,
        AUTHORITY_HOST: env.AUTHORITY_HOST ? config.graph.authorityHost : null,
        graphDefaults: [config.graph.baseUrl, config.graph.authorityHost],
        PUBLIC_URL: config.publicUrl,
        LOCAL_SERVICE_URL: config.localServiceUrl,
      }),
    );
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
