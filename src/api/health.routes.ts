import { Router } from 'express';
import type { Store } from '../app/ports/store.port';

export interface HealthInfo {
  readonly appVersion: string;
  readonly mode: string;
}

/** Liveness (/healthz: the process answers) and readiness (/readyz: the store is reachable). */
export function healthRoutes(store: Store, info: HealthInfo): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    res.status(200).json({
      status: 'ok',
      version: info.appVersion,
      mode: info.mode,
      store: { kind: store.kind, version: await store.schemaVersion().catch(() => 'unknown') },
    });
  });
  router.get('/readyz', async (_req, res) => {
    try {
      await store.ping();
      res.status(200).json({ status: 'ready', store: { kind: store.kind } });
    } catch {
      res.status(503).type('application/problem+json').json({
        type: 'about:blank',
        title: 'Store unavailable',
        status: 503,
        detail: 'The data store cannot be reached.',
      });
    }
  });
  return router;
}
