import type { NextFunction, Request, Response } from 'express';
import { problem } from './http-problems';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The host name of a Host header (`localhost:3978` → `localhost`, `[::1]:3978` → `[::1]`). */
export function hostName(host: string | undefined): string {
  const h = (host ?? '').trim().toLowerCase();
  return h.startsWith('[') ? h.slice(0, h.indexOf(']') + 1) : h.replace(/:\d+$/, '');
}

/** True when a Host header or an Origin names this machine. */
export function isLoopbackHost(host: string | undefined): boolean {
  return LOOPBACK_NAMES.has(hostName(host));
}

/**
 * Local mode has no Microsoft 365 credentials: the bot endpoint takes unauthenticated activities and
 * the dev sign-in issues tokens for mock users. That is only safe for traffic from this machine. A
 * tunnel or reverse proxy on this machine also connects from loopback, but it announces itself with
 * forwarding headers, and such traffic is refused too. A web page on another site can still make
 * the browser connect to loopback through a DNS name it controls (DNS rebinding); its requests
 * carry that name in Host, so a Host that is not a loopback name is refused as well.
 */
export function localOnly(req: Request, res: Response, next: NextFunction): void {
  const forwarded =
    req.headers['x-forwarded-for'] ?? req.headers.forwarded ?? req.headers['x-forwarded-host'];
  if (LOOPBACK.has(req.socket.remoteAddress ?? '') && !forwarded && isLoopbackHost(req.headers.host))
    return next();
  problem(res, 403, 'LOCAL.NOT_LOOPBACK', 'Local mode accepts only traffic from this machine.');
}
