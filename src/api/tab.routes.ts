import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router } from 'express';
import { htmlPage } from './html';
import { PRIVACY, TERMS } from './legal-pages';

/** Where scripts/build-tab.mjs writes the bundle (the same from src/api and dist/api). */
export const TAB_DIST = join(__dirname, '..', '..', 'dist', 'tab');

/** Teams (web, desktop, mobile) and Outlook/Microsoft 365 may frame the tab; nobody else. */
const FRAME_ANCESTORS =
  "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.teams.cloud.microsoft https://*.cloud.microsoft https://*.office.com https://*.microsoft365.com https://*.skype.com";

/**
 * The tab's static files (index.html for the personal and channel tab, config.html for the channel
 * tab's configuration), and the privacy and terms pages the manifest links to.
 */
export function tabRoutes(dir: string = TAB_DIST): Router {
  const router = Router();
  router.use(['/tab', '/privacy', '/terms'], (_req, res, next) => {
    res.setHeader('content-security-policy', FRAME_ANCESTORS);
    res.setHeader('x-content-type-options', 'nosniff');
    next();
  });
  router.get('/privacy', (_req, res) => void res.type('html').send(htmlPage(PRIVACY.title, PRIVACY.body)));
  router.get('/terms', (_req, res) => void res.type('html').send(htmlPage(TERMS.title, TERMS.body)));
  router.use('/tab', (req, res, next) => {
    if (existsSync(join(dir, 'index.html'))) return next();
    res
      .status(503)
      .type('html')
      .send(
        htmlPage(
          'Fliken är inte byggd',
          '<h1>Fliken är inte byggd än</h1><p>Kör <code>node scripts/build-tab.mjs</code> och ladda om sidan.</p><p lang="en">The tab has not been built: run <code>node scripts/build-tab.mjs</code> and reload.</p>',
        ),
      );
    void req;
  });
  router.use(
    '/tab',
    express.static(dir, {
      index: 'index.html',
      setHeaders(res, path) {
        // Chunks carry a content hash in their name; the HTML pages must always be fresh.
        res.setHeader(
          'cache-control',
          path.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
        );
      },
    }),
  );
  return router;
}
