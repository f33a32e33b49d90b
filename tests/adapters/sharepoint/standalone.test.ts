/**
 * The standalone fake and `npm run provision` as an operator runs them: separate processes, the
 * real @azure/identity client-credential flow over https, the fake's certificate trusted through
 * NODE_EXTRA_CA_CERTS, settings from the environment.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../../..');
let fake: ChildProcess;
let output = '';

beforeAll(async () => {
  fake = spawn(process.execPath, ['tests/support/graph-fake/start.mjs', '--port', '0'], { cwd: root });
  await new Promise<void>((resolve, reject) => {
    fake.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('and:  npm start')) resolve();
    });
    fake.once('exit', (code) => reject(new Error(`fake exited with ${code}: ${output}`)));
  });
});
afterAll(() => {
  fake.kill();
});

/** A setting the fake printed, e.g. GRAPH_BASE_URL. */
const printed = (name: string) => new RegExp(`${name}=(\\S+)`).exec(output)![1]!;

function provision(...args: string[]): Promise<{ code: number | null; out: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_EXTRA_CA_CERTS: printed('NODE_EXTRA_CA_CERTS') };
  for (const name of [
    'GRAPH_BASE_URL',
    'AUTHORITY_HOST',
    'MICROSOFT_APP_TENANT_ID',
    'MICROSOFT_APP_ID',
    'MICROSOFT_APP_PASSWORD',
  ]) {
    env[name] = printed(name);
  }
  const child = spawn(process.execPath, ['scripts/provision.mjs', ...args], { cwd: root, env });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out })));
}

it('provisions the standalone fake through npm run provision, and a second run changes nothing', async () => {
  const siteUrl = /Site (\S+), empty/.exec(output)![1]!;
  const first = await provision('--site', siteUrl);
  expect(first.out).toMatch(/done: 11 change\(s\)/);
  expect(first.code).toBe(0);
  const second = await provision('--site', printed('SHAREPOINT_SITE_ID'));
  expect(second.out).toMatch(/nothing to change/);
  expect(second.code).toBe(0);
}, 30_000);
