/**
 * An HTTP-level fake of Microsoft Graph over SharePoint lists plus the Entra token endpoint, on
 * loopback, in one process with in-memory state. The store talks to it exactly as to Graph.
 * Standalone: `node scripts/node24.mjs tests/support/graph-fake/start.mjs --port 5055` (see README).
 */
import { readFileSync } from 'node:fs';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { FakeAuth } from './fake-auth';
import { runBatch } from './fake-batch';
import { type FakeAnswer, graphErrorBody } from './fake-errors';
import { FaultInjector, faultAnswer } from './fake-faults';
import { routeGraph } from './fake-routes';
import { FakeGraphState, type FakeSite, type SiteOptions, type SiteRole } from './fake-state';

export interface GraphFakeOptions {
  readonly host?: string;
  readonly port?: number;
  /** Serve https with the bundled self-signed localhost certificate (MSAL insists on https). */
  readonly tls?: boolean;
  readonly tenantId?: string;
  readonly clientId?: string;
  readonly clientSecret?: string;
  readonly tokenLifetimeSeconds?: number;
  /** PEM of the app's registered certificate (client assertions are then verified against it). */
  readonly clientCertificate?: string;
  /** SharePoint's list view threshold; lower it to test the rules on small lists. */
  readonly threshold?: number;
  /** Keep every Graph request as it arrived (`received`), for tests that check the wire. */
  readonly record?: boolean;
}

/** A Graph request as it reached the fake: the URL exactly as sent, header names in lower case. */
export interface ReceivedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
}

export interface GraphFake {
  readonly origin: string;
  /** The Graph base URL, `<origin>/v1.0`. */
  readonly graphUrl: string;
  /** The Entra authority host. */
  readonly authorityHost: string;
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly state: FakeGraphState;
  readonly faults: FaultInjector;
  readonly auth: FakeAuth;
  /** Graph requests answered, outer and $batch steps, by status. */
  readonly stats: Map<number, number>;
  /** Graph requests answered (outer ones) and the bytes of their JSON bodies, for the bench. */
  readonly traffic: { requests: number; bytes: number };
  /** Outer Graph requests as received, when started with `record: true` (else empty). */
  readonly received: ReceivedRequest[];
  createSite(options?: SiteOptions): FakeSite;
  close(): Promise<void>;
}

export const CERT_PATH = join(__dirname, 'localhost-cert.pem');
const KEY_PATH = join(__dirname, 'localhost-key.pem');
/** The certificate (and key) of the fake app registration, for certificate credentials in tests. */
export const CLIENT_CERT_PATH = join(__dirname, 'client-cert.pem');
const GRAPH_PREFIX = '/v1.0';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, answer: FakeAnswer): void {
  const body = answer.body === undefined ? '' : JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    ...(body ? { 'content-type': 'application/json' } : {}),
    ...answer.headers,
  });
  res.end(body);
}

export async function startGraphFake(options: GraphFakeOptions = {}): Promise<GraphFake> {
  const state = new FakeGraphState();
  const faults = new FaultInjector();
  const stats = new Map<number, number>();
  const received: ReceivedRequest[] = [];
  const traffic = { requests: 0, bytes: 0 };
  const auth = new FakeAuth({
    tenantId: options.tenantId ?? '11111111-1111-1111-1111-111111111111',
    clientId: options.clientId ?? '00000000-0000-0000-0000-00000000a11d',
    clientSecret: options.clientSecret ?? 'fake-secret',
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3600,
    clientCertificate: options.clientCertificate ?? readFileSync(CLIENT_CERT_PATH, 'utf8'),
  });
  const threshold = options.threshold ?? 5000;
  const count = (status: number) => stats.set(status, (stats.get(status) ?? 0) + 1);

  /** One Graph call (outer or a batch step), with faults applied. */
  async function graph(
    method: string,
    url: URL,
    headers: Record<string, string>,
    body: unknown,
    inner: boolean,
  ): Promise<FakeAnswer | 'hang'> {
    const path = url.pathname.slice(GRAPH_PREFIX.length);
    const fault = faults.decide(method, path, inner);
    if (fault.kind === 'hang') return 'hang';
    if (fault.kind === 'before') return faultAnswer(fault.status, fault.retryAfter);
    const answer: FakeAnswer =
      path === '/$batch' && !inner && method === 'POST'
        ? await runBatch(body, async (step) => {
            const stepUrl = new URL(
              `${url.origin}${GRAPH_PREFIX}${step.url.startsWith('/') ? '' : '/'}${step.url}`,
            );
            const a = await graph(step.method, stepUrl, step.headers, step.body, true);
            const out = a === 'hang' ? faultAnswer(504, null) : a;
            count(out.status);
            return out;
          })
        : routeGraph(state, { method, url, path, headers, body }, threshold);
    // Applied, then answered with an error: the caller cannot know its write landed.
    return fault.kind === 'after' ? faultAnswer(fault.status, fault.retryAfter) : answer;
  }

  async function handle(req: IncomingMessage, res: ServerResponse, origin: string): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    const method = (req.method ?? 'GET').toUpperCase();
    const bytes = await readBody(req);
    const raw = bytes.toString('utf8');
    // A file upload (a drive item's content) is bytes, not JSON.
    const upload = method === 'PUT' && /:\/content$/.test(url.pathname);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k.toLowerCase()] = v;
    const oidc = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(url.pathname);
    if (oidc && method === 'GET') return send(res, auth.openIdConfiguration(origin, oidc[1]!));
    const token = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(url.pathname);
    if (token && method === 'POST') return send(res, auth.token(origin, token[1]!, new URLSearchParams(raw)));
    if (url.pathname.startsWith('/_fake/')) return send(res, control(method, url.pathname, raw));
    if (!url.pathname.startsWith(`${GRAPH_PREFIX}/`))
      return send(res, { status: 404, body: graphErrorBody('notFound', 'Unknown endpoint.') });
    if (options.record) received.push({ method, url: `${origin}${req.url ?? ''}`, headers });
    const denied = auth.check(headers.authorization);
    if (denied) return (count(denied.status), send(res, denied));
    if (faults.latencyMs > 0) await sleep(faults.latencyMs);
    let body: unknown;
    try {
      body = upload ? bytes : raw ? (JSON.parse(raw) as unknown) : undefined;
    } catch {
      return send(res, { status: 400, body: graphErrorBody('BadRequest', 'Invalid JSON body.') });
    }
    const answer = await graph(method, url, headers, body, false);
    if (answer === 'hang') return; // the client's timeout ends it; close() destroys the socket
    count(answer.status);
    traffic.requests += 1;
    traffic.bytes += answer.body === undefined ? 0 : Buffer.byteLength(JSON.stringify(answer.body));
    send(res, answer);
  }

  /** Control endpoints for a standalone fake (no auth: loopback test tool only). */
  function control(method: string, path: string, raw: string): FakeAnswer {
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    if (path === '/_fake/sites' && method === 'POST') {
      const site = state.createSite(body as { hostname?: string; path?: string; role?: SiteRole });
      return { status: 201, body: { id: site.id, webUrl: site.webUrl } };
    }
    if (path === '/_fake/faults' && method === 'POST') return (faults.set(body), { status: 204 });
    if (path === '/_fake/faults' && method === 'DELETE') return (faults.clear(), { status: 204 });
    if (path === '/_fake/stats' && method === 'GET')
      return {
        status: 200,
        body: { byStatus: Object.fromEntries(stats), faults: faults.injected, tokens: auth.issued },
      };
    return { status: 404, body: graphErrorBody('notFound', 'Unknown control endpoint.') };
  }

  const protocol = options.tls ? 'https' : 'http';
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const origin = `${protocol}://${req.headers.host ?? 'localhost'}`;
    handle(req, res, origin).catch((err: unknown) => {
      if (!res.headersSent) send(res, { status: 500, body: graphErrorBody('generalException', String(err)) });
    });
  };
  const server: Server = options.tls
    ? createTlsServer({ cert: readFileSync(CERT_PATH), key: readFileSync(KEY_PATH) }, listener)
    : createServer(listener);
  server.keepAliveTimeout = 1000;
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => (sockets.add(s), s.on('close', () => sockets.delete(s))));
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
  );
  const { port, address } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  const origin = `${protocol}://${host}:${port}`;
  return {
    origin,
    graphUrl: `${origin}${GRAPH_PREFIX}`,
    authorityHost: origin,
    ...auth.app,
    state,
    faults,
    auth,
    traffic,
    stats,
    received,
    createSite: (o) => state.createSite(o),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
