import { type RequestHandler, Router } from 'express';
import type { AppDeps } from '../app/deps';

/**
 * The write actions the roles allow (assign preparer, proposal, decision, follow-up), through the same
 * use cases as the bot. Mounted once those use cases exist.
 */
export function actionRoutes(_deps: AppDeps, _user: RequestHandler): Router {
  return Router();
}
