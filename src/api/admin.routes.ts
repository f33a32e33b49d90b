import { type Request, type RequestHandler, type Response, Router } from 'express';
import type { AppDeps } from '../app/deps';
import { rawOf } from '../app/inputs/fields';
import { parseEndRole, parseGrantRole } from '../app/inputs/role-inputs';
import { assertManagesRoles, endRole, grantRole } from '../app/use-cases/manage-roles';
import { jsonBody } from '../server/json-body';
import { personOf } from './auth/require-user';
import { sendError } from './problem';
import { rolesView } from './queries/roles';
import { catalogueView, settingsView } from './queries/configuration';
import { parseCatalogueFile } from '../app/inputs/catalogue-file';
import { parseCatalogueChange, parseImportRequest, parseSettings } from '../app/inputs/configuration-inputs';
import {
  changeCatalogue,
  exportCatalogue,
  importCatalogue,
  saveSettings,
} from '../app/use-cases/manage-configuration';

/**
 * The Administration view's API (roles, catalogue, settings). Every route asks the policy
 * (`manage_roles`) on the server, before reading the input, so a
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
  router.get(
    '/api/admin/catalogue',
    user,
    run((_req, res) => catalogueView(deps, personOf(res))),
  );
  router.post(
    '/api/admin/catalogue',
    user,
    json,
    run(async (req, res) => {
      await assertManagesRoles(deps, personOf(res));
      await changeCatalogue(deps, personOf(res), parseCatalogueChange(rawOf(req.body)));
      return catalogueView(deps, personOf(res));
    }),
  );
  router.get(
    '/api/admin/catalogue/export',
    user,
    run(async (_req, res) => {
      const file = await exportCatalogue(deps, personOf(res));
      res.setHeader(
        'content-disposition',
        `attachment; filename="omtanke-katalog-${file.catalogue.version}.json"`,
      );
      return file;
    }),
  );
  // The file is the body; a catalogue is about 25 kB, so 1 MB leaves room without inviting abuse.
  // Admins only before the larger body is even read.
  const admin: RequestHandler = (_req, res, next) => {
    assertManagesRoles(deps, personOf(res)).then(
      () => next(),
      (err: unknown) => sendError(res, err),
    );
  };
  router.post(
    '/api/admin/catalogue/import',
    user,
    admin,
    jsonBody('1mb'),
    run(async (req, res) => {
      await assertManagesRoles(deps, personOf(res));
      const raw = rawOf(req.body);
      await importCatalogue(deps, personOf(res), parseImportRequest(raw), parseCatalogueFile(raw.file));
      return catalogueView(deps, personOf(res));
    }),
  );
  router.get(
    '/api/admin/settings',
    user,
    run((_req, res) => settingsView(deps, personOf(res))),
  );
  router.put(
    '/api/admin/settings',
    user,
    json,
    run(async (req, res) => {
      await assertManagesRoles(deps, personOf(res));
      await saveSettings(deps, personOf(res), parseSettings(rawOf(req.body)));
      return settingsView(deps, personOf(res));
    }),
  );
  return router;
}
