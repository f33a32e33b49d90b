/**
 * JSON batching: up to 20 requests per `POST /$batch`. Each inner answer is judged on its own, so
 * an inner 429/5xx is retried alone (after its own Retry-After) while its neighbours keep their
 * results. With `sequential`, each request depends on the one before (dependsOn), which keeps
 * creation order; a failure then answers the rest 424, and those are sent again, in order.
 */
import { GraphHttpError } from './graph-errors';
import { type GraphRequest, type GraphResponse, asRecord } from './graph-http';
import type { GraphClient } from './graph-client';
import { TRANSIENT_STATUSES, isRetryable, retryDelayMs } from './retry-policy';

export const MAX_BATCH = 20;

interface Pending {
  readonly index: number;
  readonly req: GraphRequest;
  readonly attempt: number;
}

export interface BatchOptions {
  readonly useCase: string;
  readonly sequential?: boolean;
}

/** Sends the requests in batches; answers come back in input order, failures included (never thrown). */
export async function sendBatch(
  client: GraphClient,
  requests: readonly GraphRequest[],
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

async function sendChunk(
  client: GraphClient,
  chunk: readonly Pending[],
  options: BatchOptions,
): Promise<Map<string, GraphResponse>> {
  const body = {
    requests: chunk.map((p, k) => ({
      id: String(p.index),
      method: p.req.method,
      url: relativeUrl(client.baseUrl, p.req.url),
      ...(p.req.body === undefined
        ? { headers: { ...p.req.headers } }
        : { headers: { 'content-type': 'application/json', ...p.req.headers }, body: p.req.body }),
      ...(options.sequential && k > 0 ? { dependsOn: [String(chunk[k - 1]!.index)] } : {}),
    })),
  };
  // The batch as a whole is safe to resend when every request in it is.
  const safe = chunk.every((p) => isRetryable(p.req));
  const res = await client.handler({
    method: 'POST',
    url: '/$batch',
    body,
    useCase: options.useCase,
    ...(safe ? { idempotencyKey: `batch:${chunk[0]!.index}` } : {}),
  });
  if (res.status !== 200) throw GraphHttpError.from(res);
  const answers = new Map<string, GraphResponse>();
  const responses = asRecord(res.body).responses;
  for (const raw of Array.isArray(responses) ? responses : []) {
    const r = asRecord(raw);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(asRecord(r.headers))) headers[k.toLowerCase()] = String(v);
    answers.set(String(r.id), { status: Number(r.status), headers, body: r.body ?? null });
  }
  return answers;
}

function relativeUrl(baseUrl: string, url: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  if (url.startsWith(base)) return url.slice(base.length) || '/';
  return url.startsWith('/') ? url : `/${url}`;
}
