import type { Response } from 'express';
import { ConflictError, StoreError } from '../app/ports/store.errors';
import type { Logger } from '../app/ports/system.port';
import {
  DomainError,
  type ErrorKind,
  ValidationError,
  type FieldIssue,
} from '../domain/shared/domain.errors';
import type { Label } from '../domain/shared/label';
import { TokenRejectedError } from './auth/token-validator';

/** An RFC 9457 problem response; `code` is stable, `userMessage` is safe to show as is. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly code: string;
  readonly detail?: string;
  readonly userMessage?: Label;
  readonly issues?: readonly FieldIssue[];
  readonly correlationId?: string;
}

export function sendProblem(res: Response, problem: Omit<Problem, 'type' | 'correlationId'>): void {
  const correlationId = res.locals.correlationId as string | undefined;
  res
    .status(problem.status)
    .type('application/problem+json')
    .json({ type: 'about:blank', ...problem, ...(correlationId ? { correlationId } : {}) });
}

/** The one table from an error's kind to its HTTP status. */
const STATUS_OF_KIND: Readonly<Record<ErrorKind, number>> = {
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid: 422,
  bad_request: 400,
};

/** The one place that turns an error into an HTTP problem response. */
export function sendError(res: Response, err: unknown): void {
  const log = res.locals.log as Logger | undefined;
  if (err instanceof TokenRejectedError) {
    log?.info('token rejected', { reason: err.reason });
    return sendProblem(res, { status: 401, code: 'AUTH.INVALID_TOKEN', title: 'Unauthorized' });
  }
  if (err instanceof ValidationError) {
    return sendProblem(res, {
      status: STATUS_OF_KIND[err.kind],
      code: err.code,
      title: 'Validation failed',
      userMessage: err.userMessage,
      issues: err.issues,
    });
  }
  if (err instanceof DomainError) {
    return sendProblem(res, {
      status: STATUS_OF_KIND[err.kind],
      code: err.code,
      title: err.userMessage.en,
      userMessage: err.userMessage,
    });
  }
  if (err instanceof ConflictError) {
    return sendProblem(res, {
      status: 409,
      code: err.code,
      title: 'Conflict',
      userMessage: {
        sv: 'Någon annan ändrade initiativet samtidigt. Ladda om sidan och försök igen.',
        en: 'Someone else changed the initiative at the same time. Reload the page and try again.',
      },
    });
  }
  if (err instanceof StoreError && err.code === 'STORE.UNAVAILABLE') {
    log?.warn('store unavailable', { err });
    return sendProblem(res, { status: 503, code: err.code, title: 'Service unavailable' });
  }
  log?.error('unhandled API error', { err });
  sendProblem(res, { status: 500, code: 'INTERNAL', title: 'Internal error' });
}
