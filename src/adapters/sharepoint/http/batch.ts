/**
 * JSON batching: up to 20 requests per `POST /$batch`, built with the SDK's BatchRequestContent
 * and read with its BatchResponseContent. Each inner answer is judged on its own, so an inner
 * 429/5xx is retried alone (after its own Retry-After) while its neighbours keep their results.
 * With `sequential`, each request depends on the one before (dependsOn), which keeps creation
 * order; a failure then answers the rest 424, and those are sent again, in order.
 */
import {
  BatchRequestContent,
  type BatchRequestStep,
  BatchResponseContent,
  type BatchResponseBody,
} from '@microsoft/microsoft-graph-client';
import type { GraphClient } from './graph-client';
import { type GraphCall, type GraphResponse, asRecord, isAbsoluteUrl } from './graph-http';
import { TRANSIENT_STATUSES, isRetryable, retryDelayMs } from './retry-policy';

/** Statuses whose Response may not carry a body. */
const NULL_BODY: ReadonlySet<number> = new Set([204, 205, 304]);

/** Graph's limit, which BatchRequestContent enforces too. */
export const MAX_BATCH = 20;

interface Pending {
  readonly index: number;
  readonly req: GraphCall;
  readonly attempt: number;
}

export interface BatchOptions {
  readonly useCase: string;
  readonly sequential?: boolean;
}

/** Sends the requests in batches; answers come back in input order, failures included (never thrown). */
export async function sendBatch(
  client: GraphClient,
  requests: readonly GraphCall[],
  options: BatchOptions,
): Promise<GraphResponse[]> {
  const results: GraphResponse[] = new Array<GraphResponse>(requests.length);
  let pending: Pending[] = requests.map((req, index) => ({ index, req, attempt: 1 }));
  while (pending.length > 0) {
    const again: Pending[] = [];
    let waitMs = 0;
    for (let start = 0; start < pending.length; start += MAX_BATCH) {
      // In order means: nothing after a step that must be resent goes out before it.
      if (options.sequential && again.length > 0) {
        again.push(...pending.slice(start));
        break;
      }
      const chunk = pending.slice(start, start + MAX_BATCH);
      const answers = await sendChunk(client, chunk, options);
      for (const p of chunk) {
        const answer = answers.get(String(p.index)) ?? { status: 504, headers: {}, body: null };
        // 424: not executed because an earlier request of the chain failed; always safe to resend.
        if (answer.status === 424) {
          again.push(p);
          continue;
        }
        if (TRANSIENT_STATUSES.has(answer.status) && isRetryable(p.req)) {
          const delay = retryDelayMs(p.attempt, answer.headers['retry-after'], client.retry);
          if (delay !== null) {
            again.push({ ...p, attempt: p.attempt + 1 });
            waitMs = Math.max(waitMs, delay);
            continue;
          }
        }
        results[p.index] = answer;
      }
    }
    if (again.length > 0) await client.retry.sleep(waitMs);
    pending = again.sort((a, b) => a.index - b.index);
  }
  return results;
}

/**
 * One step as a fetch Request, the form BatchRequestContent takes. It keeps only what follows the
 * first `/` after the host (BatchRequestContent.getRequestData in 3.0.7, so `…/v1.0/sites` would
 * become `/v1.0/sites`), which is why the URL is the bare origin plus the path relative to the
 * Graph base: the step then reads `/sites/…`, as Graph wants.
 */
function stepRequest(client: GraphClient, req: GraphCall): Request {
  if (isAbsoluteUrl(req.url)) throw new Error('a $batch step takes a path relative to the Graph base URL');
  const headers = new Headers(req.headers);
  if (req.body !== undefined) headers.set('content-type', 'application/json');
  return new Request(`${new URL(client.baseUrl).origin}${req.url.startsWith('/') ? '' : '/'}${req.url}`, {
    method: req.method,
    headers,
    ...(req.body === undefined ? {} : { body: JSON.stringify(req.body) }),
  });
}

/**
 * BatchResponseContent turns an inner body into JSON only when the step's headers hold exactly
 * `Content-Type` (capital C and T) with application/json (createResponseObject in 3.0.7); any other
 * spelling, or no headers (Graph sends none on some error steps), makes the body "[object Object]".
 * Header names are case-insensitive, so the spelling is normalised first. A 204 keeps no body:
 * the SDK would build `new Response("null", { status: 204 })`, which the Response constructor refuses.
 */
function normaliseInnerHeaders(body: unknown): BatchResponseBody {
  const responses = asRecord(body).responses;
  return {
    responses: (Array.isArray(responses) ? responses : []).map((raw: unknown) => {
      const r = asRecord(raw);
      const status = Number(r.status);
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(asRecord(r.headers)))
        headers[k.toLowerCase() === 'content-type' ? 'Content-Type' : k] = String(v);
      if (NULL_BODY.has(status)) {
        delete headers['Content-Type'];
        return { id: String(r.id), status, headers };
      }
      if (typeof r.body === 'object' && r.body !== null) headers['Content-Type'] ??= 'application/json';
      return { ...r, id: String(r.id), status, headers };
    }),
  };
}

async function readInner(res: Response): Promise<GraphResponse> {
  const headers: Record<string, string> = {};
  res.headers.forEach((value, key) => {
    headers[key.toLowerCase()] = value;
  });
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? (JSON.parse(text) as unknown) : null;
  } catch {
    body = null;
  }
  return { status: res.status, headers, body };
}

async function sendChunk(
  client: GraphClient,
  chunk: readonly Pending[],
  options: BatchOptions,
): Promise<Map<string, GraphResponse>> {
  const steps: BatchRequestStep[] = chunk.map((p, k) => ({
    id: String(p.index),
    request: stepRequest(client, p.req),
    ...(options.sequential && k > 0 ? { dependsOn: [String(chunk[k - 1]!.index)] } : {}),
  }));
  const content = await new BatchRequestContent(steps).getContent();
  // The batch as a whole is safe to resend when every request in it is.
  const safe = chunk.every((p) => isRetryable(p.req));
  const body = await client.send({
    method: 'POST',
    url: '/$batch',
    body: content,
    useCase: options.useCase,
    ...(safe ? { idempotencyKey: `batch:${chunk[0]!.index}` } : {}),
  });
  const answers = new Map<string, GraphResponse>();
  for (const [id, res] of new BatchResponseContent(normaliseInnerHeaders(body)).getResponses())
    answers.set(id, await readInner(res));
  return answers;
}

/**
 * One `$batch` of a chain: each request depends on the one before (the fully sequential batch
 * Graph documents), so Graph runs a request only if the one before it succeeded and answers the
 * rest 424. No retries here: the caller decides what to send again. At most MAX_BATCH calls.
 */
export async function sendChainOnce(
  client: GraphClient,
  calls: readonly GraphCall[],
  useCase: string,
): Promise<GraphResponse[]> {
  if (calls.length > MAX_BATCH) throw new RangeError(`a $batch holds at most ${MAX_BATCH} requests`);
  const chunk = calls.map((req, index) => ({ index, req, attempt: 1 }));
  const answers = await sendChunk(client, chunk, { useCase, sequential: true });
  // An answer missing from the batch says nothing of what happened: read it as a lost answer.
  return chunk.map((p) => answers.get(String(p.index)) ?? { status: 504, headers: {}, body: null });
}
