/**
 * What `@microsoft/microsoft-graph-client` 3.0.7 does on its own, pinned: each fact is the reason
 * for one custom piece of the store's middleware chain (docs/sharepoint-lists.md, "How Graph is
 * reached"). If an upgrade changes one of them, this file says which piece to revisit.
 */
import {
  AuthenticationHandler,
  BatchRequestContent,
  BatchResponseContent,
  Client,
  type Context,
  GraphClientError,
  GraphError,
  type Middleware,
  RetryHandler,
  RetryHandlerOptions,
} from '@microsoft/microsoft-graph-client';
import { GraphTransportError } from '../../../src/adapters/sharepoint/http/graph-errors';

/** A terminal middleware that records each request and answers with the next scripted status. */
function wire(statuses: number[] = [200]) {
  const seen: { url: string; method: string; headers: Record<string, string> }[] = [];
  const terminal: Middleware = {
    execute: async (context: Context) => {
      const url = typeof context.request === 'string' ? context.request : context.request.url;
      seen.push({
        url,
        method: context.options?.method ?? 'GET',
        headers: { ...(context.options?.headers as Record<string, string>) },
      });
      const status = statuses[Math.min(seen.length - 1, statuses.length - 1)]!;
      context.response = new Response(JSON.stringify(status < 300 ? {} : { error: { code: 'x' } }), {
        status,
        headers: { 'content-type': 'application/json', 'retry-after': '0' },
      });
    },
  };
  return { seen, terminal };
}

const client = (...middleware: Middleware[]) =>
  Client.initWithMiddleware({ baseUrl: 'https://graph.microsoft.com/', defaultVersion: 'v1.0', middleware });

describe('GraphRequest URL handling (why exact-url.ts exists)', () => {
  const sent = async (link: string) => {
    const { seen, terminal } = wire();
    await client(terminal).api(link).get();
    return seen[0]!.url;
  };

  it('claim 1: recognises only https links; an http one is appended to the base URL', async () => {
    expect(await sent('http://127.0.0.1:5055/v1.0/sites/s/items?$top=2')).toBe(
      'https://graph.microsoft.com/v1.0/http://127.0.0.1:5055/v1.0/sites/s/items?$top=2',
    );
    expect(await sent('HTTPS://graph.microsoft.com/v1.0/x')).toBe(
      'https://graph.microsoft.com/v1.0/HTTPS://graph.microsoft.com/v1.0/x',
    );
  });

  it('claim 2: keeps values as they are but rebuilds the query around them', async () => {
    // %-escapes, + and = inside a value survive (split at the first =) …
    const plain = 'https://graph.microsoft.com/v1.0/x?$top=2&$skiptoken=a%2Bb+c%3D=';
    expect(await sent(plain)).toBe(plain);
    // … but OData-named parameters move in front ($skiptoken, as Graph spells it, is not one; nor %24top),
    expect(await sent('https://graph.microsoft.com/v1.0/x?$skiptoken=t&$top=2')).toBe(
      'https://graph.microsoft.com/v1.0/x?$top=2&$skiptoken=t',
    );
    expect(await sent('https://graph.microsoft.com/v1.0/x?%24top=2&$select=a')).toBe(
      'https://graph.microsoft.com/v1.0/x?$select=a&%24top=2',
    );
    // repeated parameters are merged or dropped, and key-less parts go last,
    expect(await sent('https://graph.microsoft.com/v1.0/x?a=1&a=2&flag&$select=p&$select=q')).toBe(
      'https://graph.microsoft.com/v1.0/x?$select=p,q&a=2&flag',
    );
    // and "https://" anywhere, even inside a value, is taken for the start of the host.
    expect(await sent("/sites/s/items?$filter=fields/Url eq 'https://example.org/a'")).toBe(
      "https:/sites/s/items?$filter=fields/Url eq 'example.org/a'",
    );
  });
});

describe('RetryHandler (why with-retry.ts exists)', () => {
  it('claim 3: resends a POST on 503 by default, whatever the POST does', async () => {
    const { seen, terminal } = wire([503, 503, 503, 503]);
    const retry = new RetryHandler(new RetryHandlerOptions(0, 3));
    await expect(
      client(retry, terminal).api('/sites/s/lists/l/items').post({ fields: {} }),
    ).rejects.toBeInstanceOf(GraphError);
    expect(seen.map((s) => s.method)).toEqual(['POST', 'POST', 'POST', 'POST']);
    expect(seen[3]!.headers['Retry-Attempt']).toBe('3');
  });

  it('leaves 502 and requests without an answer alone, and allows at most 10 retries', async () => {
    const bad = wire([502, 200]);
    await expect(
      client(new RetryHandler(new RetryHandlerOptions(0, 3)), bad.terminal)
        .api('/x')
        .get(),
    ).rejects.toMatchObject({
      statusCode: 502,
    });
    expect(bad.seen).toHaveLength(1);
    let calls = 0;
    const reset: Middleware = {
      execute: async () => {
        calls++;
        throw new TypeError('fetch failed');
      },
    };
    await expect(
      client(new RetryHandler(new RetryHandlerOptions(0, 3)), reset)
        .api('/x')
        .get(),
    ).rejects.toMatchObject({
      statusCode: -1,
    });
    expect(calls).toBe(1);
    expect(() => new RetryHandlerOptions(0, 11)).toThrow(/MaxRetries should not be more than 10/);
  });
});

describe('AuthenticationHandler (why auth-header.ts exists)', () => {
  it('sends a request for another host anyway, just without the token, and ignores ports and http', async () => {
    const { seen, terminal } = wire();
    const auth = new AuthenticationHandler({ getAccessToken: async () => 'secret-token' });
    const c = Client.initWithMiddleware({
      baseUrl: 'https://graph.microsoft.com/',
      middleware: [auth, terminal],
      customHosts: new Set(['127.0.0.1']),
    });
    await c.api('https://evil.example/v1.0/sites').get();
    await c.api('https://127.0.0.1:1/v1.0/sites').get();
    expect(seen.map((s) => [s.url, s.headers.Authorization])).toEqual([
      ['https://evil.example/v1.0/sites', undefined],
      ['https://127.0.0.1:1/v1.0/sites', 'Bearer secret-token'],
    ]);
  });
});

describe('errors thrown inside the chain (why graph-errors.ts extends GraphClientError)', () => {
  it('turns any other error into a GraphError with statusCode -1, losing its class', async () => {
    class Mine extends Error {}
    const throwing = (err: Error): Middleware => ({
      execute: async () => {
        throw err;
      },
    });
    const lost = await client(throwing(new Mine('x')))
      .api('/x')
      .get()
      .catch((e: unknown) => e);
    expect(lost).toBeInstanceOf(GraphError);
    expect(lost).toMatchObject({ statusCode: -1 });
    const kept = await client(throwing(new GraphTransportError('timeout')))
      .api('/x')
      .get()
      .catch((e: unknown) => e);
    expect(kept).toBeInstanceOf(GraphTransportError);
    expect(kept).toMatchObject({ reason: 'timeout' });
  });

  it('resets the prototype of GraphClientError subclasses unless they set it back', () => {
    class Naive extends GraphClientError {}
    expect(new Naive('x') instanceof Naive).toBe(false);
    expect(new GraphTransportError('network') instanceof GraphTransportError).toBe(true);
  });
});

describe('batch content (why batch.ts builds steps and reads answers as it does)', () => {
  it('keeps the version segment of a full URL in a step, so steps are built from the bare origin', async () => {
    const steps = (url: string) =>
      new BatchRequestContent([{ id: '1', request: new Request(url) }]).getContent() as Promise<{
        requests: { url: string }[];
      }>;
    expect((await steps('https://graph.microsoft.com/v1.0/sites/s')).requests[0]!.url).toBe('/v1.0/sites/s');
    expect((await steps('https://graph.microsoft.com/sites/s')).requests[0]!.url).toBe('/sites/s');
  });

  it('reads an inner JSON body only under a header spelt exactly Content-Type', async () => {
    const body = { error: { code: 'nameAlreadyExists' } };
    const read = (headers?: Record<string, string>) =>
      new BatchResponseContent({ responses: [{ id: '1', status: 409, headers, body }] })
        .getResponseById('1')
        .text();
    expect(await read({ 'Content-Type': 'application/json' })).toBe(JSON.stringify(body));
    expect(await read({ 'content-type': 'application/json' })).toBe('[object Object]');
    expect(await read()).toBe('[object Object]');
    // And a 204 step that names a JSON type with a null body cannot be read at all.
    const noContent = { id: '2', status: 204, headers: { 'Content-Type': 'application/json' }, body: null };
    expect(() => new BatchResponseContent({ responses: [noContent] })).toThrow(/status code 204/);
  });
});
