import express, { type RequestHandler, type Request, type Response, Router } from 'express';
import type { AppDeps } from '../app/deps';
import { addFollowUp, recordDecision, startImplementation } from '../app/use-cases/decision';
import { assignPreparer, proposeDecision, returnForCompletion } from '../app/use-cases/preparation';
import type { Person } from '../domain/initiative/initiative.types';
import { ValidationError } from '../domain/shared/domain.errors';
import { personOf } from './auth/require-user';
import { sendError } from './problem';
import { findVisible, initiativeDetail } from './queries/detail';

type Body = Readonly<Record<string, unknown>>;

function invalid(field: string): ValidationError {
  return new ValidationError([
    { field, code: 'FIELD.INVALID', message: { sv: 'Ogiltigt värde.', en: 'Invalid value.' } },
  ]);
}

/** Reads a string field; absent means empty (the use case decides what is required). */
function str(body: Body, field: string): string {
  const v = body[field];
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') throw invalid(field);
  return v;
}

function oneOf<T extends string>(body: Body, field: string, allowed: readonly T[]): T {
  const v = body[field];
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) throw invalid(field);
  return v as T;
}

const optional = (s: string) => (s.trim() ? s : undefined);

type Write = (deps: AppDeps, person: Person, initiativeId: string, body: Body) => Promise<unknown>;

/** Each write action calls the same use case the bot's cards call; the server decides what is allowed. */
const WRITES: Readonly<Record<string, Write>> = {
  preparer: (deps, person, id) => assignPreparer(deps, person, id),
  return: (deps, person, id, body) => returnForCompletion(deps, person, id, str(body, 'question')),
  proposal: (deps, person, id, body) =>
    proposeDecision(deps, person, id, {
      recommendation: oneOf(body, 'recommendation', ['bifall', 'avslag'] as const),
      rationale: str(body, 'rationale'),
      ...(optional(str(body, 'responsibleId')) ? { responsibleId: str(body, 'responsibleId') } : {}),
    }),
  decision: (deps, person, id, body) =>
    recordDecision(deps, person, id, {
      outcome: oneOf(body, 'outcome', ['bifall', 'avslag', 'aterremiss'] as const),
      meetingDate: str(body, 'meetingDate'),
      rationale: str(body, 'rationale'),
      ...(optional(str(body, 'diarienummer')) ? { diarienummer: str(body, 'diarienummer') } : {}),
      ...(optional(str(body, 'responsibleId')) ? { responsibleId: str(body, 'responsibleId') } : {}),
      ...(optional(str(body, 'supersedeReason')) ? { supersedeReason: str(body, 'supersedeReason') } : {}),
    }),
  implementation: (deps, person, id) => startImplementation(deps, person, id),
  'follow-ups': (deps, person, id, body) =>
    addFollowUp(deps, person, id, {
      state: oneOf(body, 'state', ['on_track', 'delayed', 'done'] as const),
      whatWasDone: str(body, 'whatWasDone'),
      effects: str(body, 'effects'),
      final: body.final === true,
    }),
};

/**
 * The write actions the roles allow — assign preparer (oneself), return for completion, proposal,
 * decision, start implementation, follow-up — through the same use cases as the bot. Answers with
 * the updated initiative page data; errors are problem responses (403 for a missing right, 409 for a
 * state that does not allow it, 422 with field issues).
 */
export function actionRoutes(deps: AppDeps, user: RequestHandler, onWrite: () => void): Router {
  const router = Router();
  const json = express.json({ limit: '64kb' });
  for (const [name, write] of Object.entries(WRITES)) {
    router.post(`/api/initiatives/:key/${name}`, user, json, (req: Request, res: Response) => {
      res.setHeader('cache-control', 'no-store');
      const person = personOf(res);
      const body: Body = typeof req.body === 'object' && req.body !== null ? (req.body as Body) : {};
      void (async () => {
        const initiative = await findVisible(deps, person, String(req.params.key));
        await write(deps, person, initiative.id, body);
        onWrite();
        res.json(await initiativeDetail(deps, person, initiative.ref ?? initiative.id));
      })().catch((err: unknown) => sendError(res, err));
    });
  }
  return router;
}
