import type { ErrorRequestHandler, Response, RequestHandler } from 'express';
import type { Logger } from '../app/ports/system.port';

/** A problem+json answer with a stable code; never a stack, a path or the request body. */
export function problem(res: Response, status: number, code: string, title: string): void {
  const correlationId = res.locals.correlationId as string | undefined;
  res
    .status(status)
    .type('application/problem+json')
    .json({ type: 'about:blank', title, status, code, ...(correlationId ? { correlationId } : {}) });
}

/** body-parser's error kinds → what the caller did wrong. */
const BODY_ERRORS: Readonly<Record<string, readonly [number, string, string]>> = {
  'entity.parse.failed': [400, 'REQUEST.MALFORMED_JSON', 'The body is not valid JSON'],
  'entity.too.large': [413, 'REQUEST.TOO_LARGE', 'The body is too large'],
  'encoding.unsupported': [415, 'REQUEST.UNSUPPORTED_ENCODING', 'Unsupported content encoding'],
  'charset.unsupported': [415, 'REQUEST.UNSUPPORTED_CHARSET', 'Unsupported charset'],
  'request.aborted': [400, 'REQUEST.ABORTED', 'The request was aborted'],
};

/** An error raised while reading a body, as a problem; null for any other error. */
export function bodyProblem(err: unknown): readonly [number, string, string] | null {
  const type = (err as { type?: unknown } | null)?.type;
  return typeof type === 'string' ? (BODY_ERRORS[type] ?? null) : null;
}

/** Every route nobody answered: a 404 problem (not Express's HTML page naming the path). */
export const notFound: RequestHandler = (_req, res) => {
  problem(res, 404, 'NOT_FOUND', 'Not found');
};

/**
 * Replaces Express's default error handler, which prints the error — for a malformed body that
 * includes the raw body, which may hold anything a user typed — to stderr and answers with HTML.
 */
export function errorProblems(log: Logger): ErrorRequestHandler {
  return (err: unknown, _req, res, next) => {
    if (res.headersSent) return next(err);
    const known = bodyProblem(err);
    if (known) return problem(res, ...known);
    const e = err instanceof Error ? err : new Error(String(err));
    log.error('unhandled request error', { err: { name: e.name, message: e.message } });
    problem(res, 500, 'INTERNAL', 'Internal error');
  };
}
