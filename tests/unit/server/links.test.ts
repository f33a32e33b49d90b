import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../../src/config';
import { TAB_ENTITY_ID, tabLinkBuilder } from '../../../src/server/links';

describe('links from cards into the tab', () => {
  it('use the personal tab’s entity id from the manifest, so Teams can open them', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '../../../manifest/manifest.json'), 'utf8')) as {
      staticTabs: { entityId: string; contentUrl?: string }[];
    };
    const tab = manifest.staticTabs.find((t) => t.contentUrl?.includes('/tab/'));
    expect(tab?.entityId).toBe(TAB_ENTITY_ID);
  });

  it('are Teams deep links with the reference as subEntityId in production, tab URLs locally', () => {
    const production = loadConfig({
      APP_MODE: 'production',
      MICROSOFT_APP_ID: '8f6a2c1e-0b1d-4c55-9e1a-2b3c4d5e6f70',
      MICROSOFT_APP_TENANT_ID: '3c2b1a00-1111-4222-8333-444455556666',
      MICROSOFT_APP_USE_MANAGED_IDENTITY: 'true',
      ALLOWED_TENANTS: '3c2b1a00-1111-4222-8333-444455556666',
      PUBLIC_URL: 'https://omtanke.example.se',
      SHAREPOINT_SITE_ID: 'x',
      TEAMS_APP_ID: '4c8f397d-b0d5-462e-8396-03f4a1297994',
    });
    const link = new URL(tabLinkBuilder(production)('OH-2026-0007'));
    expect(link.origin + link.pathname).toBe(
      'https://teams.microsoft.com/l/entity/4c8f397d-b0d5-462e-8396-03f4a1297994/initiativ',
    );
    expect(JSON.parse(link.searchParams.get('context')!)).toEqual({ subEntityId: 'OH-2026-0007' });
    expect(tabLinkBuilder(loadConfig({}))('OH-2026-0007')).toBe(
      'http://localhost:3978/tab/#/initiatives/OH-2026-0007',
    );
  });
});
