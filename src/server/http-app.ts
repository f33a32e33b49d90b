import { randomUUID } from 'node:crypto';
import express, { type Express } from 'express';
import type { Logger } from '../app/ports/system.port';
import { withCorrelation } from './logger';

/** The Express app every surface (bot endpoint, tab, API, health) is mounted on. */
export function createHttpApp(logger: Logger): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use((req, res, next) => {
    // One correlation id per request, echoed back so a user's report can be matched to the logs.
    const incoming = req.header('x-correlation-id');
    const correlationId = incoming && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    res.setHeader('x-correlation-id', correlationId);
    res.locals.correlationId = correlationId;
    res.locals.log = logger.child({ correlationId });
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      // Path only: query strings can carry search text typed by users.
      (res.locals.log as Logger).info('http', {
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: Math.round(ms),
      });
    });
    // Every log line written while handling this request (bot activity, use case, adapter) carries the id.
    withCorrelation(correlationId, next);
  });
  return app;
}
