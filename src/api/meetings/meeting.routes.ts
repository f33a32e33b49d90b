import express, { type Request, type RequestHandler, type Response, Router } from 'express';
import type { AppDeps } from '../../app/deps';
import { setAttendance } from '../../app/use-cases/meetings/attendance';
import { createMeeting } from '../../app/use-cases/meetings/create-meeting';
import { decideItem } from '../../app/use-cases/meetings/decide-item';
import { declareItemJav } from '../../app/use-cases/meetings/declare-jav';
import { addAgendaItem, moveAgendaItem, removeAgendaItem } from '../../app/use-cases/meetings/edit-agenda';
import { approveMinutes, commentOnMinutes, sendForJustering } from '../../app/use-cases/meetings/justering';
import type { Person } from '../../domain/initiative/initiative.types';
import { personOf } from '../auth/require-user';
import { sendError } from '../problem';
import { optional, rawOf, str, type Raw as Body } from '../../app/inputs/fields';
import {
  parseAttendance,
  parseItemDecision,
  parseMeetingCreate,
  parsePosition,
} from '../../app/inputs/meeting-inputs';
import { type MeetingDocument, sendMeetingDocument } from './meeting-documents';
import { meetingList, meetingPage } from './meeting-queries';

type Params = Readonly<Record<string, string>>;
type Write = (deps: AppDeps, person: Person, p: Params, body: Body) => Promise<unknown>;

/** Every write calls a meeting use case; the use case checks the role (and jäv, and the lock). */
const WRITES: readonly (readonly [method: 'post' | 'put' | 'delete', path: string, write: Write])[] = [
  ['post', '/agenda', (d, u, p, b) => addAgendaItem(d, u, p.id!, str(b, 'initiativeId'))],
  ['delete', '/agenda/:item', (d, u, p) => removeAgendaItem(d, u, p.id!, p.item!)],
  ['post', '/agenda/:item/move', (d, u, p, b) => moveAgendaItem(d, u, p.id!, p.item!, parsePosition(b))],
  [
    'post',
    '/agenda/:item/jav',
    (d, u, p, b) => declareItemJav(d, u, p.id!, p.item!, optional(b, 'memberId')),
  ],
  ['post', '/agenda/:item/decision', (d, u, p, b) => decideItem(d, u, p.id!, p.item!, parseItemDecision(b))],
  ['put', '/attendance', (d, u, p, b) => setAttendance(d, u, p.id!, parseAttendance(b))],
  ['post', '/justering', (d, u, p) => sendForJustering(d, u, p.id!)],
  ['post', '/approval', (d, u, p, b) => approveMinutes(d, u, p.id!, optional(b, 'shown'))],
  ['post', '/comment', (d, u, p, b) => commentOnMinutes(d, u, p.id!, str(b, 'comment'))],
];

const DOCUMENTS: readonly (readonly [path: string, kind: MeetingDocument])[] = [
  ['/minutes.pdf', 'minutes.pdf'],
  ['/minutes.docx', 'minutes.docx'],
  ['/paragraphs/:n/extract.pdf', 'extract.pdf'],
];

/**
 * /api/meetings: the list and page of RUG meetings, their writes and their documents. Every route
 * needs a signed-in user; writes answer with the updated meeting page; errors are problem+json.
 */
export function meetingRoutes(deps: AppDeps, user: RequestHandler, onWrite: () => void): Router {
  const router = Router();
  const json = express.json({ limit: '64kb' });
  const run = (res: Response, work: () => Promise<void>) => {
    res.setHeader('cache-control', 'no-store');
    work().catch((err: unknown) => sendError(res, err));
  };
  router.get('/api/meetings', user, (req: Request, res: Response) =>
    run(res, async () => {
      const year = Number(req.query.year ?? deps.clock.now().getUTCFullYear());
      res.json(await meetingList(deps, Number.isInteger(year) && year > 2000 && year < 3000 ? year : 0));
    }),
  );
  router.post('/api/meetings', user, json, (req: Request, res: Response) =>
    run(res, async () => {
      const person = personOf(res);
      const meeting = await createMeeting(deps, person, parseMeetingCreate(rawOf(req.body)));
      onWrite();
      res.status(201).json(await meetingPage(deps, person, meeting.id));
    }),
  );
  router.get('/api/meetings/:id', user, (req: Request, res: Response) =>
    run(res, async () => {
      res.json(await meetingPage(deps, personOf(res), String(req.params.id)));
    }),
  );
  for (const [method, path, write] of WRITES) {
    router[method](`/api/meetings/:id${path}`, user, json, (req: Request, res: Response) =>
      run(res, async () => {
        const person = personOf(res);
        await write(deps, person, req.params as Params, rawOf(req.body));
        onWrite();
        res.json(await meetingPage(deps, person, String(req.params.id)));
      }),
    );
  }
  for (const [path, kind] of DOCUMENTS) {
    router.get(`/api/meetings/:id${path}`, user, (req: Request, res: Response) =>
      run(res, () => sendMeetingDocument(deps, res, String(req.params.id), kind, Number(req.params.n))),
    );
  }
  return router;
}
