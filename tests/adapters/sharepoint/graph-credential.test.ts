/**
 * The real @azure/identity client-credential flow against the fake's Entra endpoints over https
 * (MSAL requires https), with a configurable authority host as for national clouds.
 */
import { readFileSync } from 'node:fs';
import tls from 'node:tls';
import { createGraphCredential } from '../../../src/adapters/sharepoint/graph-credential';
import { runProvisionCli } from '../../../src/adapters/sharepoint/provision-cli';
import { openSharePointStore } from '../../../src/adapters/sharepoint/sharepoint-store';
import { openQueryProjection } from '../../../src/adapters/sqlite/query/sqlite-projection';
import {
  CERT_PATH,
  CLIENT_CERT_PATH,
  type GraphFake,
  startGraphFake,
} from '../../support/graph-fake/graph-fake';
import { NO_WAIT } from './sharepoint-test-kit';

let fake: GraphFake;
beforeAll(async () => {
  // In a process this is NODE_EXTRA_CA_CERTS=tests/support/graph-fake/localhost-cert.pem.
  tls.setDefaultCACertificates([...tls.getCACertificates('default'), readFileSync(CERT_PATH, 'utf8')]);
  fake = await startGraphFake({ tls: true, record: true });
});
afterAll(() => fake.close());

const settings = () => ({
  tenantId: fake.tenantId,
  clientId: fake.clientId,
  clientSecret: fake.clientSecret,
  authorityHost: fake.authorityHost,
});

it('gets an app-only token with a client secret from the configured authority', async () => {
  const token = await createGraphCredential(settings()).getToken(`${fake.origin}/.default`);
  expect(token?.token).toEqual(expect.any(String));
  expect(fake.auth.issued).toBeGreaterThan(0);
});

it('fails to sign in with a wrong secret', async () => {
  const credential = createGraphCredential({ ...settings(), clientSecret: 'wrong' });
  await expect(credential.getToken(`${fake.origin}/.default`)).rejects.toThrow();
});

it('refuses to build a credential without any secret, certificate or managed identity', () => {
  expect(() => createGraphCredential({ ...settings(), clientSecret: null })).toThrow(/app credentials/);
});

it('provisions and opens the store from settings alone, as main.ts and npm run provision do', async () => {
  const site = fake.createSite({ role: 'manage' });
  const out: string[] = [];
  const env = {
    GRAPH_BASE_URL: fake.graphUrl,
    AUTHORITY_HOST: fake.authorityHost,
    MICROSOFT_APP_ID: fake.clientId,
    MICROSOFT_APP_TENANT_ID: fake.tenantId,
    MICROSOFT_APP_PASSWORD: fake.clientSecret,
  };
  const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l) };
  expect(await runProvisionCli(['--site', site.webUrl], env, io)).toBe(0);
  site.role = 'write';
  const store = await openSharePointStore({
    siteId: site.id,
    graphBaseUrl: fake.graphUrl,
    authorityHost: fake.authorityHost,
    tenantId: fake.tenantId,
    clientId: fake.clientId,
    clientSecret: fake.clientSecret,
    retry: NO_WAIT,
    queryModel: () => openQueryProjection(),
  });
  await expect(store.ping()).resolves.toBeUndefined();
  expect(await store.schemaVersion()).toBe('lists-7');
  await store.close();
  // Over https the SDK's TelemetryHandler knows the fake's host (customHosts) and tags each call.
  expect(fake.received.length).toBeGreaterThan(3);
  for (const r of fake.received) {
    expect(r.headers['client-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.headers.sdkversion).toMatch(/^graph-js\//);
    expect(r.headers.accept).toBe('application/json');
  }
});

it('gets a token with a certificate (client assertion) too', async () => {
  const credential = createGraphCredential({
    ...settings(),
    clientSecret: null,
    certificatePath: CLIENT_CERT_PATH,
  });
  const before = fake.auth.issued;
  expect((await credential.getToken(`${fake.origin}/.default`))?.token).toEqual(expect.any(String));
  expect(fake.auth.issued).toBe(before + 1);
});

it('refuses an assertion signed with a certificate the app does not have', async () => {
  const other = await startGraphFake({ tls: true, clientCertificate: readFileSync(CERT_PATH, 'utf8') });
  try {
    const credential = createGraphCredential({
      tenantId: other.tenantId,
      clientId: other.clientId,
      authorityHost: other.authorityHost,
      certificatePath: CLIENT_CERT_PATH,
    });
    await expect(credential.getToken(`${other.origin}/.default`)).rejects.toThrow();
  } finally {
    await other.close();
  }
});
