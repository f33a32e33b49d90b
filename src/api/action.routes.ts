import { type RequestHandler, type Request, type Response, Router } from 'express';
import type { AppDeps } from '../app/deps';
import { parseDecision, parseFollowUp, parseProposal, parseReturn } from '../app/inputs/action-inputs';
import { type Raw, rawOf } from '../app/inputs/fields';
import { recordDecision } from '../app/use-cases/decision';
import { addFollowUp, closeInitiative, startImplementation } from '../app/use-cases/implementation';
import { parsePreparer } from '../app/inputs/preparer-input';
import { assignChosenPreparer } from '../app/use-cases/choose-preparer';
import { proposeDecision, returnForCompletion } from '../app/use-cases/preparation';
import { withdrawInitiative } from '../app/use-cases/submit-initiative';
import type { ActionRoute } from '../contracts/actions';
import type { Person } from '../domain/initiative/initiative.types';
import { personOf } from './auth/require-user';
import { jsonBody } from '../server/json-body';
import { sendError } from './problem';
import { findVisible, initiativeDetail } from './queries/detail';

type Write = (deps: AppDeps, person: Person, initiativeId: string, body: Raw) => Promise<unknown>;

/**
 * Each write action calls the same use case, through the same input parser, as the bot's cards; the
 * server decides what is allowed. The compiler checks that every contract route has a write.
 */
const WRITES: { readonly [R in ActionRoute]: Write } = {
  preparer: (deps, person, id, body) => assignChosenPreparer(deps, person, id, parsePreparer(body)),
  return: (deps, person, id, body) => returnForCompletion(deps, person, id, parseReturn(body).question),
  proposal: (deps, person, id, body) => proposeDecision(deps, person, id, parseProposal(body)),
  decision: (deps, person, id, body) => recordDecision(deps, person, id, parseDecision(body)),
  implementation: (deps, person, id) => startImplementation(deps, person, id),
  'follow-ups': (deps, person, id, body) => addFollowUp(deps, person, id, parseFollowUp(body)),
  withdraw: (deps, person, id) => withdrawInitiative(deps, person, id),
  close: (deps, person, id) => closeInitiative(deps, person, id),
};

/**
 * The write actions the roles allow, through the same use cases as the bot. Answers with the
 * updated initiative page data; errors are problem responses (403 for a missing right, 409 for a
 * state that does not allow it, 422 with field issues).
 */
export function actionRoutes(deps: AppDeps, user: RequestHandler, onWrite: () => void): Router {
  const router = Router();
  const json = jsonBody('64kb');
  for (const [name, write] of Object.entries(WRITES)) {
    router.post(`/api/initiatives/:key/${name}`, user, json, (req: Request, res: Response) => {
      res.setHeader('cache-control', 'no-store');
      const person = personOf(res);
      void (async () => {
        const initiative = await findVisible(deps, person, String(req.params.key));
        await write(deps, person, initiative.id, rawOf(req.body));
        onWrite();
        res.json(await initiativeDetail(deps, person, initiative.ref ?? initiative.id));
      })().catch((err: unknown) => sendError(res, err));
    });
  }
  return router;
}
