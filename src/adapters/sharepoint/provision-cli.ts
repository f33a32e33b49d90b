/**
 * `npm run provision -- --site <site url or id> [--dry-run]`: creates or updates the app's lists on
 * a SharePoint site. Reads the same settings as the app (passed in, never read from process.env
 * here) and needs a grant that may manage lists (Sites.Selected role `manage` or `fullcontrol`).
 */
import type { TokenCredential } from '@azure/identity';
import { GraphError } from '@microsoft/microsoft-graph-client';
import { createGraphCredential } from './graph-credential';
import { type GraphClient, PUBLIC_GRAPH_URL, createGraphClient } from './http/graph-client';
import { GraphAuthError, GraphTransportError } from './http/graph-errors';
import { asRecord } from './http/graph-http';
import { LIST_DESIGN_VERSION } from './list-design';
import { applyPlan, planProvisioning, type ProvisionStep } from './provision';

export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

type Env = Readonly<Record<string, string | undefined>>;

const USAGE = `usage: npm run provision -- --site <site url or id> [--dry-run]

  --site     https://<tenant>.sharepoint.com/sites/<name>, or a Graph site id (host,guid,guid)
  --dry-run  show what would change, change nothing

Settings come from the environment (or .env), as for the app: MICROSOFT_APP_ID,
MICROSOFT_APP_TENANT_ID, one of MICROSOFT_APP_PASSWORD / MICROSOFT_APP_CERTIFICATE_PATH /
MICROSOFT_APP_USE_MANAGED_IDENTITY=true, and optionally GRAPH_BASE_URL and AUTHORITY_HOST.`;

function parseArgs(argv: readonly string[]): { site: string; dryRun: boolean } | string {
  let site = '';
  let dryRun = false;
  for (let n = 0; n < argv.length; n++) {
    const arg = argv[n]!;
    if (arg === '--dry-run') dryRun = true;
    else if (arg === '--site') site = argv[++n] ?? '';
    else if (arg.startsWith('--site=')) site = arg.slice('--site='.length);
    else return `unknown argument: ${arg}`;
  }
  return site ? { site, dryRun } : 'missing --site';
}

/** `https://host/sites/x` becomes Graph's `host:/sites/x`; anything else is taken as a site id. */
export function siteRef(site: string): string {
  if (!/^https?:\/\//i.test(site)) return site;
  const url = new URL(site);
  return `${url.hostname}:${url.pathname.replace(/\/+$/, '') || '/'}`;
}

function credentialFrom(env: Env): TokenCredential {
  return createGraphCredential({
    tenantId: env.MICROSOFT_APP_TENANT_ID ?? '',
    clientId: env.MICROSOFT_APP_ID ?? '',
    clientSecret: env.MICROSOFT_APP_PASSWORD || null,
    certificatePath: env.MICROSOFT_APP_CERTIFICATE_PATH || null,
    useManagedIdentity: env.MICROSOFT_APP_USE_MANAGED_IDENTITY === 'true',
    authorityHost: env.AUTHORITY_HOST || undefined,
  });
}

function explain(err: unknown): string {
  if (err instanceof GraphAuthError)
    return 'could not sign in to Microsoft Entra: check the app id, tenant and credential';
  if (err instanceof GraphTransportError) return 'Microsoft Graph did not answer; try again';
  if (err instanceof GraphError) {
    if (err.statusCode === 403 || err.statusCode === 401)
      return 'access denied: the app needs the Sites.Selected role "manage" (or "fullcontrol") on this site to create lists';
    if (err.statusCode === 404) return 'site not found: check --site';
    return `Graph refused a request (${err.statusCode} ${err.code ?? 'unknown'}): ${err.message}`;
  }
  return err instanceof Error ? err.message : String(err);
}

const line = (step: ProvisionStep) =>
  `list ${step.list}: ${step.action}${step.column ? ` ${step.column}` : ''} (${step.detail})`;

/** Runs the provisioning CLI; resolves to the process exit code. */
export async function runProvisionCli(
  argv: readonly string[],
  env: Env,
  io: CliIo,
  deps: { readonly credential?: TokenCredential } = {},
): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) return (io.out(USAGE), 0);
  const args = parseArgs(argv);
  if (typeof args === 'string') return (io.err(`${args}\n\n${USAGE}`), 2);
  const say = (text: string) => io.out(`[provision] ${text}`);
  try {
    const client: GraphClient = createGraphClient({
      baseUrl: (env.GRAPH_BASE_URL || PUBLIC_GRAPH_URL).replace(/\/+$/, ''),
      credential: deps.credential ?? credentialFrom(env),
    });
    const site = asRecord(
      await client.send({
        method: 'GET',
        url: `/sites/${siteRef(args.site)}?$select=id,webUrl`,
        useCase: 'provision',
      }),
    );
    const siteId = String(site.id);
    say(`site ${String(site.webUrl)} (SHAREPOINT_SITE_ID=${siteId})`);
    const plan = await planProvisioning(client, siteId);
    for (const problem of plan.problems) io.err(`[provision] problem: ${problem}`);
    if (plan.steps.length === 0) {
      say(`nothing to change: the lists match list design ${LIST_DESIGN_VERSION}`);
    } else if (args.dryRun) {
      for (const step of plan.steps) say(`would ${line(step)}`);
      say(`dry run: ${plan.steps.length} change(s) planned, nothing written`);
    } else {
      await applyPlan(client, plan, (step) => say(line(step)));
      say(`done: ${plan.steps.length} change(s); the lists match list design ${LIST_DESIGN_VERSION}`);
    }
    return plan.problems.length > 0 ? 1 : 0;
  } catch (err) {
    io.err(`[provision] failed: ${explain(err)}`);
    return 1;
  }
}
