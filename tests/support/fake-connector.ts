import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RosterMember {
  readonly id: string;
  readonly name: string;
  readonly aadObjectId: string;
  readonly email?: string;
  readonly userPrincipalName?: string;
  /** Set for a shared channel's member from another organisation, as Teams does. */
  readonly tenantId?: string;
}

export interface CapturedCall {
  readonly method: string;
  readonly path: string;
  readonly auth: string | undefined;
  readonly body: Record<string, unknown>;
}

/**
 * A stand-in for the Bot Framework connector on loopback: records what the app sends (replies,
 * proactive messages, card updates) and answers like the connector does.
 */
export class FakeConnector {
  readonly calls: CapturedCall[] = [];
  /** Status to answer sends with; set to 502 to simulate a connector outage. */
  failWith: number | null = null;
  /** Rosters by conversation id (a team's, or a private or shared channel's), page by page. */
  readonly rosters = new Map<string, RosterMember[]>();
  /** Members per roster page (the real service decides its own page size too). */
  rosterPageSize = 3;
  private server: Server | null = null;
  private seq = 0;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void readBody(req).then((body) => {
        const path = req.url ?? '';
        this.calls.push({ method: req.method ?? '', path, auth: req.headers.authorization, body });
        const member = /^\/v3\/conversations\/([^/]+)\/members\/([^/?]+)$/.exec(path);
        if (req.method === 'GET' && member) {
          const found = [...this.rosters.values()]
            .flat()
            .find((m) => m.id === decodeURIComponent(member[2]!));
          res.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
          res.end(JSON.stringify(found ?? { error: { code: 'MemberNotFound' } }));
          return;
        }
        const paged = /^\/v3\/conversations\/([^/]+)\/pagedmembers/i.exec(path);
        if (req.method === 'GET' && paged) {
          this.answerRoster(decodeURIComponent(paged[1]!), new URL(path, 'http://x').searchParams, res);
          return;
        }
        if (this.failWith) {
          res
            .writeHead(this.failWith, { 'content-type': 'application/json' })
            .end('{"error":{"code":"ServiceError"}}');
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `activity-${++this.seq}` }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/`;
    return this;
  }

  private answerRoster(
    conversationId: string,
    query: URLSearchParams,
    res: import('node:http').ServerResponse,
  ): void {
    const all = this.rosters.get(conversationId);
    if (!all) {
      res
        .writeHead(404, { 'content-type': 'application/json' })
        .end('{"error":{"code":"ConversationNotFound"}}');
      return;
    }
    const start = Number(query.get('continuationToken') ?? '0');
    const page = all.slice(start, start + this.rosterPageSize);
    const next = start + this.rosterPageSize < all.length ? String(start + this.rosterPageSize) : undefined;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ members: page, ...(next ? { continuationToken: next } : {}) }));
  }

  /** Calls that updated an existing activity (card updates in place). */
  updates(conversationId: string): CapturedCall[] {
    return this.calls.filter(
      (c) =>
        c.method === 'PUT' &&
        decodeURIComponent(c.path).startsWith(`/v3/conversations/${conversationId}/activities/`),
    );
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** Activities posted to a conversation (replies and proactive sends), oldest first. */
  sentTo(conversationId: string): Record<string, unknown>[] {
    return this.calls
      .filter(
        (c) =>
          c.method === 'POST' &&
          decodeURIComponent(c.path).startsWith(`/v3/conversations/${conversationId}/activities`),
      )
      .map((c) => c.body);
  }

  /** The Adaptive Card content of every card posted to a conversation. */
  cardsTo(conversationId: string): Record<string, unknown>[] {
    return this.sentTo(conversationId).flatMap((a) =>
      ((a.attachments as { content: Record<string, unknown> }[] | undefined) ?? []).map((x) => x.content),
    );
  }
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    return { raw: text };
  }
}
