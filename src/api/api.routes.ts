import { Router, type Request, type Response } from 'express';
import type { AppDeps } from '../app/deps';
import type { Person } from '../domain/initiative/initiative.types';
import { localeFrom } from '../i18n/locale';
import type { ClientAuth } from './auth/auth-config';
import { personOf, requireUser } from './auth/require-user';
import type { TokenValidator } from './auth/token-validator';
import { annualTable } from './export/annual-table';
import { toCsv } from './export/csv';
import { toXlsx } from './export/xlsx';
import { sendError } from './problem';
import { annualReport } from './queries/annual';

/** `order=meeting` lists the annual compilation by meeting and paragraph. */
const orderParam = (v: unknown): 'ref' | 'meeting' => (v === 'meeting' ? 'meeting' : 'ref');
import { initiativeDetail, timeline } from './queries/detail';
import { listInitiatives, parseListQuery } from './queries/list-query';
import { stats } from './queries/stats';
import { todo } from './queries/todo';
import { preparerCandidatesView } from './queries/preparer-candidates';
import { BadRequestError } from '../domain/shared/domain.errors';
import type { Me } from '../contracts/tab-api';
import { actionRoutes } from './action.routes';
import { meetingRoutes } from './meetings/meeting.routes';
import { adminRoutes } from './admin.routes';

export interface ApiOptions {
  readonly mode: 'local' | 'production';
  readonly clientAuth: ClientAuth;
  /** Called after a write, so queued notifications go out now rather than at the next tick. */
  readonly onWrite: () => void;
}

type Handler = (req: Request, res: Response, person: Person) => Promise<unknown>;

/** Runs a handler for the signed-in person; its result is the JSON body, errors become problems. */
function json(handler: Handler) {
  return (req: Request, res: Response) => {
    res.setHeader('cache-control', 'no-store');
    handler(req, res, personOf(res)).then(
      (body) => {
        if (body !== undefined) res.json(body);
      },
      (err: unknown) => sendError(res, err),
    );
  };
}

function yearParam(value: unknown, required: boolean): number | null {
  if ((value === undefined || value === '') && !required) return null;
  const year = Number(value);
  if (!Number.isInteger(year) || year < 2000 || year > 9999) {
    throw new BadRequestError('QUERY.BAD_PARAMETER', {
      sv: 'Ange ett giltigt år.',
      en: 'Give a valid year.',
    });
  }
  return year;
}

/** The tab's REST API. Every route but the sign-in settings needs a valid token. */
export function apiRoutes(deps: AppDeps, auth: TokenValidator, opts: ApiOptions): Router {
  const router = Router();
  const user = requireUser(auth);

  router.get('/api/client-config', (_req, res) => {
    res.json({ mode: opts.mode, auth: opts.clientAuth });
  });
  router.get(
    '/api/me',
    user,
    json(async (_req, _res, person): Promise<Me> => ({
      objectId: person.objectId,
      name: person.name,
      roles: [...(await deps.directory.rolesOf(person.objectId))],
    })),
  );
  router.get(
    '/api/catalogue',
    user,
    json(async () => deps.catalogue),
  );
  router.get(
    '/api/initiatives',
    user,
    json(async (req, _res, person) => listInitiatives(deps, person, parseListQuery(req.query))),
  );
  router.get(
    '/api/initiatives/:key',
    user,
    json(async (req, _res, person) => initiativeDetail(deps, person, String(req.params.key))),
  );
  router.get(
    '/api/initiatives/:key/events',
    user,
    json(async (req, _res, person) => ({ items: await timeline(deps, person, String(req.params.key)) })),
  );
  router.get(
    '/api/initiatives/:key/preparer-candidates',
    user,
    json(async (req, _res, person) => preparerCandidatesView(deps, person, String(req.params.key))),
  );
  router.get(
    '/api/stats',
    user,
    json(async (req, _res, person) => stats(deps, person, yearParam(req.query.year, false))),
  );
  router.get(
    '/api/todo',
    user,
    json(async (_req, _res, person) => todo(deps, person)),
  );
  router.get(
    '/api/reports/annual',
    user,
    json(async (req, _res, person) =>
      annualReport(deps, person, yearParam(req.query.year, true)!, orderParam(req.query.order)),
    ),
  );
  for (const format of ['xlsx', 'csv'] as const) {
    router.get(
      `/api/reports/annual.${format}`,
      user,
      json(async (req, res, person) => {
        const year = yearParam(req.query.year, true)!;
        const locale = localeFrom(typeof req.query.locale === 'string' ? req.query.locale : null);
        const report = await annualReport(deps, person, year, orderParam(req.query.order));
        const table = annualTable(report, deps.catalogue, locale);
        const name = `${locale === 'en' ? 'annual-compilation' : 'arssammanstallning'}-${year}.${format}`;
        res.setHeader('content-disposition', `attachment; filename="${name}"`);
        if (format === 'csv') {
          res.type('text/csv; charset=utf-8').send(toCsv(table));
        } else {
          const body = await toXlsx(table, String(year));
          res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(body);
        }
        return undefined;
      }),
    );
  }
  router.use(actionRoutes(deps, user, opts.onWrite));
  router.use(meetingRoutes(deps, user, opts.onWrite));
  router.use(adminRoutes(deps, user, opts.onWrite));
  return router;
}
