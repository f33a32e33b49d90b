import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from '../app/ports/system.port';
import type { BotFrameworkTokenCheck } from '../server/auth/bot-framework-token';
import { TokenRejectedError } from '../server/auth/token-rejected';
import { problem } from '../server/http-problems';
import { jsonBody } from '../server/json-body';
import type { ServiceUrlPolicy } from '../server/service-url-policy';
import { activityShapeProblem } from './activity-shape';

export interface BotEndpointGuardOptions {
  /** Production: the Bot Framework token check. Local mode has no credentials: null. */
  readonly tokens: BotFrameworkTokenCheck | null;
  readonly serviceUrlAllowed: ServiceUrlPolicy;
  readonly log: Logger;
}

/** Teams activities with a card and its data stay well below this. */
const BODY_LIMIT = '256kb';

const bearer = (req: Request) => /^Bearer\s+(\S+)$/i.exec(req.header('authorization') ?? '')?.[1] ?? null;

function refuseToken(res: Response, log: Logger, reason: string): void {
  log.warn('bot request refused', { reason });
  res.setHeader('www-authenticate', 'Bearer');
  problem(res, 401, 'AUTH.INVALID_TOKEN', 'Unauthorized');
}

/**
 * Our own gate in front of the Teams SDK's /api/messages route; the SDK validates again after it.
 * In order: only a token that claims to be the Bot Framework channel service's gets past the first
 * step (decided on the unverified token, so other tokens cause no outbound key fetch at all); then
 * the body must be JSON of an activity's shape; then its serviceUrl must be a Teams connector host;
 * then the token's signature, audience, expiry and `serviceurl` claim are verified against it.
 */
export function botEndpointGuard(opts: BotEndpointGuardOptions): RequestHandler[] {
  const { tokens, log } = opts;
  const tokenFirst: RequestHandler = (req, res, next) => {
    if (!tokens) return next();
    const token = bearer(req);
    if (!token) return refuseToken(res, log, 'no bearer token');
    try {
      tokens.precheck(token);
    } catch (err) {
      return refuseToken(res, log, err instanceof TokenRejectedError ? err.reason : 'unreadable token');
    }
    next();
  };
  const activity = (req: Request, res: Response, next: NextFunction) => {
    const body: unknown = req.body;
    const shape = activityShapeProblem(body);
    if (shape) {
      log.warn('malformed activity refused', { field: shape });
      return problem(res, 400, 'ACTIVITY.MALFORMED', 'Not a valid activity');
    }
    const a = body as { serviceUrl: string; channelId?: string };
    if (!opts.serviceUrlAllowed(a.serviceUrl)) {
      log.warn('activity from a serviceUrl that is not a Teams connector refused', {
        serviceUrlHost: hostOf(a.serviceUrl),
      });
      return problem(res, 403, 'ACTIVITY.SERVICE_URL_NOT_ALLOWED', 'Forbidden');
    }
    if (!tokens) return next();
    tokens
      .verify(bearer(req)!, { serviceUrl: a.serviceUrl, ...(a.channelId ? { channelId: a.channelId } : {}) })
      .then(
        () => next(),
        (err: unknown) => {
          if (err instanceof TokenRejectedError) return refuseToken(res, log, err.reason);
          log.warn('Bot Framework keys unavailable', { err });
          problem(res, 503, 'AUTH.UNAVAILABLE', 'Service unavailable');
        },
      );
  };
  return [tokenFirst, jsonBody(BODY_LIMIT), activity];
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '(not a URL)';
  }
}
