import type { NextFunction, Request, Response } from 'express';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Local mode has no Microsoft 365 credentials: the bot endpoint takes unauthenticated activities and
 * the dev sign-in issues tokens for mock users. That is only safe for traffic from this machine. A
 * tunnel or reverse proxy on this machine also connects from loopback, but it announces itself with
 * forwarding headers, and such traffic is refused too.
 */
export function localOnly(req: Request, res: Response, next: NextFunction): void {
  const forwarded =
    req.headers['x-forwarded-for'] ?? req.headers.forwarded ?? req.headers['x-forwarded-host'];
  if (LOOPBACK.has(req.socket.remoteAddress ?? '') && !forwarded) return next();
  res.status(403).type('application/problem+json').json({
    type: 'about:blank',
    title: 'Forbidden',
    status: 403,
    detail: 'Local mode accepts only traffic from this machine.',
  });
}
