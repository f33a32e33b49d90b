/**
 * JSON batching as Graph does it: at most 20 steps, each answered on its own with its own status
 * (so one step can be throttled while its neighbours succeed); `dependsOn` runs steps in order and
 * answers 424 for a step whose dependency failed (a 424 is a failure too, so it carries down the
 * chain); a batch neither fully sequential nor fully parallel is refused, as Graph refuses it.
 */
import { type FakeAnswer, FakeHttpError, errorAnswer } from './fake-errors';

export const MAX_BATCH_STEPS = 20;

export interface BatchStep {
  readonly id: string;
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

type Exec = (step: BatchStep) => Promise<FakeAnswer>;

function parseSteps(body: unknown): { step: BatchStep; dependsOn: string[] }[] {
  const requests = (body as { requests?: unknown } | null)?.requests;
  if (!Array.isArray(requests) || requests.length === 0) {
    throw new FakeHttpError(400, 'BadRequest', 'A batch needs a non-empty "requests" array.');
  }
  if (requests.length > MAX_BATCH_STEPS) {
    throw new FakeHttpError(
      400,
      'BadRequest',
      `Number of batch request steps exceeds the maximum of ${MAX_BATCH_STEPS}.`,
    );
  }
  const seen = new Set<string>();
  const steps = requests.map((raw: Record<string, unknown>) => {
    const id = String(raw.id ?? '');
    const url = String(raw.url ?? '');
    if (!id || seen.has(id))
      throw new FakeHttpError(400, 'BadRequest', 'Batch step ids must be present and unique.');
    if (/^https?:/i.test(url))
      throw new FakeHttpError(400, 'BadRequest', 'Batch step urls must be relative.');
    const dependsOn = Array.isArray(raw.dependsOn) ? raw.dependsOn.map(String) : [];
    if (dependsOn.some((d) => !seen.has(d)))
      throw new FakeHttpError(400, 'BadRequest', 'dependsOn must name an earlier step.');
    seen.add(id);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries((raw.headers as Record<string, unknown>) ?? {}))
      headers[k.toLowerCase()] = String(v);
    return {
      step: { id, method: String(raw.method ?? 'GET').toUpperCase(), url, headers, body: raw.body },
      dependsOn,
    };
  });
  // Graph's rule (json-batching, "Sequencing requests"): a batch is either fully sequential —
  // every request after the first depends on the one before it — or fully parallel.
  const parallel = steps.every((s) => s.dependsOn.length === 0);
  const sequential = steps.every((s, n) =>
    n === 0 ? s.dependsOn.length === 0 : s.dependsOn.length === 1 && s.dependsOn[0] === steps[n - 1]!.step.id,
  );
  if (!parallel && !sequential)
    throw new FakeHttpError(400, 'BadRequest', 'Batch should be either fully sequential or fully parallel.');
  return steps;
}

export async function runBatch(body: unknown, exec: Exec): Promise<FakeAnswer> {
  let steps;
  try {
    steps = parseSteps(body);
  } catch (err) {
    return errorAnswer(err);
  }
  const statuses = new Map<string, number>();
  const responses: Record<string, unknown>[] = [];
  for (const { step, dependsOn } of steps) {
    const failed = dependsOn.some((d) => {
      const s = statuses.get(d) ?? 0;
      return s < 200 || s > 299;
    });
    const answer: FakeAnswer = failed
      ? {
          status: 424,
          body: { error: { code: 'FailedDependency', message: 'A dependency of this step failed.' } },
        }
      : await exec(step);
    statuses.set(step.id, answer.status);
    responses.push({
      id: step.id,
      status: answer.status,
      headers: { 'content-type': 'application/json', ...answer.headers },
      ...(answer.body === undefined ? {} : { body: answer.body }),
    });
  }
  return { status: 200, body: { responses } };
}
