import { ConfigError, loadConfig } from '../../../src/config';

const GUID = '8f6a2c1e-0b1d-4c55-9e1a-2b3c4d5e6f70';
const TENANT = '3c2b1a00-1111-4222-8333-444455556666';

function problems(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('config', () => {
  it('starts in local mode on the embedded store with no settings at all', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      mode: 'local',
      store: 'sqlite',
      host: '127.0.0.1',
      port: 3978,
      sqlitePath: './data/omtanke.db',
    });
    expect(c.allowedTenants).toEqual([c.microsoft.tenantId]);
  });

  it('refuses a non-loopback host in local mode, because local mode accepts unauthenticated traffic', () => {
    expect(problems({ HOST: '0.0.0.0' })).toEqual([expect.stringContaining('loopback')]);
  });

  it('refuses to start production without credentials, listing every missing setting', () => {
    const p = problems({ APP_MODE: 'production' });
    expect(p.join('\n')).toMatch(/MICROSOFT_APP_ID/);
    expect(p.join('\n')).toMatch(/MICROSOFT_APP_TENANT_ID/);
    expect(p.join('\n')).toMatch(/MICROSOFT_APP_PASSWORD/);
    expect(p.join('\n')).toMatch(/ALLOWED_TENANTS/);
    expect(p.join('\n')).toMatch(/PUBLIC_URL/);
    expect(p.join('\n')).toMatch(/SHAREPOINT_SITE_ID/);
  });

  it('accepts a complete production configuration', () => {
    const c = loadConfig({
      APP_MODE: 'production',
      MICROSOFT_APP_ID: GUID,
      MICROSOFT_APP_TENANT_ID: TENANT,
      MICROSOFT_APP_USE_MANAGED_IDENTITY: 'true',
      ALLOWED_TENANTS: `${TENANT}, ${GUID}`,
      PUBLIC_URL: 'https://omtanke.example.se/',
      SHAREPOINT_SITE_ID: 'contoso.sharepoint.com,abc,def',
      RUG_CHAIR_IDS: 'a,b',
    });
    expect(c).toMatchObject({
      mode: 'production',
      store: 'sharepoint',
      host: '0.0.0.0',
      publicUrl: 'https://omtanke.example.se',
    });
    expect(c.allowedTenants).toEqual([TENANT, GUID]);
    expect(c.roles.rugChairs).toEqual(['a', 'b']);
  });

  it('names bad values clearly', () => {
    expect(problems({ PORT: 'abc' })).toEqual([expect.stringContaining('PORT')]);
    expect(problems({ STORE: 'mongo' })).toEqual([
      expect.stringContaining('STORE must be one of sqlite, sharepoint'),
    ]);
    expect(problems({ GRAPH_BASE_URL: 'not a url' })).toEqual([expect.stringContaining('GRAPH_BASE_URL')]);
    expect(problems({ ALLOWED_TENANTS: 'contoso' })).toEqual([expect.stringContaining('not a GUID')]);
  });
});
