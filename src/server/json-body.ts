import express, { type RequestHandler } from 'express';
import { bodyProblem, problem } from './http-problems';

/**
 * A JSON body or a clear problem: 415 for another content type, 413 past the limit, 400 for
 * malformed JSON. Without the type check express.json() silently leaves the body empty, and a
 * use case would then see "nothing filled in" instead of the caller's mistake.
 */
export function jsonBody(limit: string): RequestHandler {
  const parse = express.json({ limit, strict: true });
  return (req, res, next) => {
    const type = req.is(['application/json', 'application/*+json']);
    if (type === null) return next(); // no body at all: nothing to parse
    if (type === false) {
      return problem(res, 415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE', 'The body must be application/json');
    }
    parse(req, res, (err?: unknown) => {
      if (!err) return next();
      const known = bodyProblem(err);
      if (known) return problem(res, ...known);
      next(err);
    });
  };
}
