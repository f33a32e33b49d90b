import { type Request, type RequestHandler, type Response, Router } from 'express';
import type { AppDeps } from '../app/deps';
import { rawOf } from '../app/inputs/fields';
import { parseEndRole, parseGrantRole } from '../app/inputs/role-inputs';
import { assertManagesRoles, endRole, grantRole } from '../app/use-cases/manage-roles';
import { jsonBody } from '../server/json-body';
import { personOf } from './auth/require-user';
import { sendError } from './problem';
import { rolesView } from './queries/roles';

/**
 * The Administration view's API. Every route asks the policy (`manage_roles`) on the server, so a
 * signed-in non-admin gets 403 whatever the tab shows; writes answer with the refreshed view.
 */
export function adminRoutes(deps: AppDeps, user: RequestHandler, onWrite: () => void): Router {
  const router = Router();
  const json = jsonBody('16kb');
  const run = (work: (req: Request, res: Response) => Promise<unknown>) => (req: Request, res: Response) => {
    res.setHeader('cache-control', 'no-store');
    work(req, res).then(
      (body) => res.json(body),
      (err: unknown) => sendError(res, err),
    );
  };
  router.get(
    '/api/admin/roles',
    user,
    run((_req, res) => rolesView(deps, personOf(res))),
  );
  router.post(
    '/api/admin/roles',
    user,
    json,
    run(async (req, res) => {
      await assertManagesRoles(deps, personOf(res));
      await grantRole(deps, personOf(res), parseGrantRole(rawOf(req.body)));
      onWrite();
      return rolesView(deps, personOf(res));
    }),
  );
  router.post(
    '/api/admin/roles/end',
    user,
    json,
    run(async (req, res) => {
      await assertManagesRoles(deps, personOf(res));
      await endRole(deps, personOf(res), parseEndRole(rawOf(req.body)));
      onWrite();
      return rolesView(deps, personOf(res));
    }),
  );
  return router;
}
