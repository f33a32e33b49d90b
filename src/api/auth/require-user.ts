import type { NextFunction, Request, Response } from 'express';
import type { Person } from '../../domain/initiative/initiative.types';
import { sendError, sendProblem } from '../problem';
import { TenantNotAllowedError, TokenRejectedError } from './token-validator';
import type { TokenValidator } from './token-validator';

/** Express middleware: a valid bearer token or a 401 problem; the person goes to res.locals.person. */
export function requireUser(validator: TokenValidator) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const header = req.header('authorization') ?? '';
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) {
      res.setHeader('www-authenticate', 'Bearer');
      return sendProblem(res, { status: 401, code: 'AUTH.MISSING_TOKEN', title: 'Unauthorized' });
    }
    validator.validate(m[1]!).then(
      (person) => {
        res.locals.person = person;
        next();
      },
      (err: unknown) => {
        if (err instanceof TenantNotAllowedError) {
          return sendProblem(res, {
            status: 403,
            code: 'AUTH.TENANT_NOT_ALLOWED',
            title: 'Forbidden',
            userMessage: {
              sv: 'Din organisation har inte tillgång till Omtanke Halland. Kontakta Region Hallands samordnare om du behöver tillgång.',
              en: 'Your organisation does not have access to Omtanke Halland. Contact Region Halland’s coordinator if you need access.',
            },
          });
        }
        if (err instanceof TokenRejectedError) {
          res.setHeader('www-authenticate', 'Bearer error="invalid_token"');
          return sendError(res, err);
        }
        // The issuer's metadata or keys could not be fetched: not the caller's fault, try again.
        (res.locals.log as { warn(m: string, f: object): void } | undefined)?.warn(
          'token validation unavailable',
          {
            err,
          },
        );
        sendProblem(res, { status: 503, code: 'AUTH.UNAVAILABLE', title: 'Service unavailable' });
      },
    );
  };
}

/** The signed-in person (only after requireUser). */
export function personOf(res: Response): Person {
  return res.locals.person as Person;
}
