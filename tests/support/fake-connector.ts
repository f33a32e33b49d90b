import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

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
  private server: Server | null = null;
  private seq = 0;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void readBody(req).then((body) => {
        const path = req.url ?? '';
        this.calls.push({ method: req.method ?? '', path, auth: req.headers.authorization, body });
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
