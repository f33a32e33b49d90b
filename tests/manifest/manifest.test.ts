// The Teams app package as an admin uploads it: built by `npm run package` (scripts/package-app.mjs) and
// checked against the official Teams schemas offline (from @microsoft/app-manifest, the package the
// Microsoft 365 Agents Toolkit validates with), plus what Teams demands of the icons and what the rest
// of the app relies on (tab paths, SSO resource, commands, roster permission). Also checks teamsapp.yml.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseEnv } from 'node:util';
import Ajv from 'ajv';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import { parse as parseYaml } from 'yaml';

const root = join(__dirname, '..', '..');
const packageScript = join(root, 'scripts', 'package-app.mjs');
const iconScript = join(root, 'scripts', 'make-icons.mjs');
const schemaRoot = join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build');
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface Manifest {
  $schema: string;
  manifestVersion: string;
  id: string;
  developer: { privacyUrl: string; termsOfUseUrl: string; websiteUrl: string };
  icons: { color: string; outline: string };
  localizationInfo: {
    defaultLanguageTag: string;
    additionalLanguages: { languageTag: string; file: string }[];
  };
  bots: {
    botId: string;
    scopes: string[];
    commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[];
  }[];
  staticTabs: { entityId: string; name?: string; contentUrl?: string; scopes: string[] }[];
  configurableTabs: { configurationUrl: string; scopes: string[]; context?: string[] }[];
  validDomains: string[];
  webApplicationInfo: { id: string; resource: string };
  authorization: { permissions: { resourceSpecific: { name: string; type: string }[] } };
}

/** Runs a repository script with only PATH from the environment, so the developer's shell cannot leak in. */
function runScript(script: string, args: string[], extraEnv: Record<string, string> = {}) {
  return spawnSync(process.execPath, [script, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...extraEnv },
  });
}

function envFile(name: string): Record<string, string | undefined> {
  return parseEnv(readFileSync(join(root, 'env', `.env.${name}`), 'utf8'));
}

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/** The local copy of a schema URL, found the way the toolkit finds it (AppManifestUtils.fetchSchema). */
function officialSchema(url: string): JsonObject {
  const path = new URL(url).pathname.replace(/^\/[a-z]{2}(?:-[a-z]{2})?(?=\/json-schemas\/)/i, '');
  expect(path).toMatch(/^\/json-schemas\/teams\/v[0-9.]+\/MicrosoftTeams(\.Localization)?\.schema\.json$/);
  const raw = readFileSync(join(schemaRoot, path), 'utf8');
  // Same clean-up as the toolkit: two regexes in the published schemas use escapes JSON does not allow.
  return JSON.parse(raw.replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b')) as JsonObject;
}

/**
 * Validates like the toolkit does: draft-04, all errors, formats uri/email/regex. Patterns are compiled
 * without ajv's default `u` flag: the localization schema has keys like `…activityTypes\[\b(…)\b]…`
 * (a lone `]`), valid in a plain JavaScript RegExp, which is what the schema's authors wrote for.
 */
function schemaErrors(schema: JsonObject, data: unknown): string[] {
  const ajv = new Ajv04({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(schema);
  return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

/** Resolves a localization key such as "bots[0].commandLists[1].commands[0].title" in the manifest. */
function lookupPath(doc: unknown, path: string): unknown {
  let node: unknown = doc;
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** Every string of the manifest that Teams lets a localization file translate, by localization key. */
function localizableStrings(manifest: Manifest): Map<string, string> {
  const out = new Map<string, string>();
  manifest.staticTabs.forEach((tab, i) => {
    if (tab.name) out.set(`staticTabs[${i}].name`, tab.name);
  });
  manifest.bots.forEach((bot, b) =>
    bot.commandLists.forEach((list, l) =>
      list.commands.forEach((cmd, c) => {
        out.set(`bots[${b}].commandLists[${l}].commands[${c}].title`, cmd.title);
        out.set(`bots[${b}].commandLists[${l}].commands[${c}].description`, cmd.description);
      }),
    ),
  );
  return out;
}

function decodePng(data: Uint8Array): PNG {
  return PNG.sync.read(Buffer.from(data));
}

describe('Teams app package (npm run package)', () => {
  let outDir: string;
  let files: Record<string, Uint8Array>;
  let manifest: Manifest;
  const local = envFile('local');

  beforeAll(() => {
    outDir = mkdtempSync(join(tmpdir(), 'omtanke-package-'));
    const run = runScript(packageScript, ['local', '--out', outDir]);
    if (run.status !== 0) throw new Error(`npm run package failed:\n${run.stderr}`);
    const zipPath = run.stdout.trim().split('\n').pop()!;
    expect(zipPath).toBe(join(outDir, 'appPackage.local.zip'));
    files = unzipSync(readFileSync(zipPath));
    manifest = JSON.parse(Buffer.from(files['manifest.json']!).toString('utf8')) as Manifest;
  });

  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  const text = (name: string) => Buffer.from(files[name]!).toString('utf8');

  it('holds exactly the manifest, its localization file and the two icons, at the top level', () => {
    expect(Object.keys(files).sort()).toEqual(['color.png', 'en.json', 'manifest.json', 'outline.png']);
  });

  it('has every ${{…}} placeholder replaced with the values of env/.env.local', () => {
    for (const name of ['manifest.json', 'en.json']) expect(text(name)).not.toMatch(/\$\{\{|\}\}/);
    expect(manifest.id).toBe(local.TEAMS_APP_ID);
    expect(manifest.bots[0]!.botId).toBe(local.AAD_APP_CLIENT_ID);
    expect(manifest.webApplicationInfo).toEqual({
      id: local.AAD_APP_CLIENT_ID,
      resource: `api://${local.TAB_DOMAIN}/${local.AAD_APP_CLIENT_ID}`,
    });
    expect(manifest.validDomains).toEqual([local.TAB_DOMAIN]);
  });

  it('validates against the official Teams manifest schema it declares, offline', () => {
    const version = /\/v([0-9.]+)\/MicrosoftTeams\.schema\.json$/.exec(manifest.$schema)?.[1];
    expect(manifest.manifestVersion).toBe(version);
    expect(schemaErrors(officialSchema(manifest.$schema), manifest)).toEqual([]);
  });

  it('is Swedish by default with an English localization that validates and covers every string', () => {
    expect(manifest.localizationInfo.defaultLanguageTag).toBe('sv');
    expect(manifest.localizationInfo.additionalLanguages).toEqual([{ languageTag: 'en', file: 'en.json' }]);
    const localizable = localizableStrings(manifest);
    for (const { file } of manifest.localizationInfo.additionalLanguages) {
      const translation = JSON.parse(text(file)) as Record<string, string>;
      expect(translation.$schema).toBe(manifest.$schema.replace('.schema.json', '.Localization.schema.json'));
      expect(schemaErrors(officialSchema(translation.$schema!), translation)).toEqual([]);
      const keys = Object.keys(translation).filter((k) => !k.startsWith('$'));
      for (const key of keys.filter((k) => !/^(name|description)\.(short|full)$/.test(k))) {
        expect([key, typeof lookupPath(manifest, key)]).toEqual([key, 'string']); // names a real element
      }
      expect(keys.filter((k) => localizable.has(k)).sort()).toEqual([...localizable.keys()].sort());
      expect(keys).toEqual(
        expect.arrayContaining(['name.short', 'name.full', 'description.short', 'description.full']),
      );
    }
  });

  it('offers the bot commands in Swedish, and in English through en.json', () => {
    const en = JSON.parse(text('en.json')) as Record<string, string>;
    const bot = manifest.bots[0]!;
    expect(bot.scopes.sort()).toEqual(['personal', 'team']);
    const titles = (scope: string) => {
      const l = bot.commandLists.findIndex((list) => list.scopes.includes(scope));
      const sv = bot.commandLists[l]!.commands.map((c) => c.title);
      const english = sv.map((_, c) => en[`bots[0].commandLists[${l}].commands[${c}].title`]);
      return { sv, en: english };
    };
    expect(titles('personal')).toEqual({
      sv: ['nytt initiativ', 'mina initiativ', 'status', 'hjälp'],
      en: ['new initiative', 'my initiatives', 'status', 'help'],
    });
    expect(titles('team')).toEqual({
      sv: ['koppla RUG', 'koppla beredning', 'status', 'hjälp'],
      en: ['connect RUG', 'connect preparation group', 'status', 'help'],
    });
    const statusHelp = bot.commandLists.flatMap((l) => l.commands).filter((c) => c.title === 'status');
    for (const c of statusHelp) expect(c.description).toContain('status OH-2026-0007');
  });

  it('serves the tabs and legal pages from the app address the server must honour', () => {
    const base = local.TAB_ENDPOINT!;
    const initiativ = manifest.staticTabs.find((t) => t.entityId === 'initiativ')!;
    expect(initiativ).toMatchObject({ name: 'Initiativ', scopes: ['personal'] });
    expect(initiativ.contentUrl).toMatch(new RegExp(`^${base}/tab/index\\.html\\?`));
    expect(manifest.configurableTabs).toEqual([
      expect.objectContaining({ configurationUrl: `${base}/tab/config.html`, scopes: ['team', 'groupChat'] }),
    ]);
    // The same tab serves RUG meetings: the side panel, the meeting chat tab and the details tab.
    expect(manifest.configurableTabs[0]!.context).toEqual([
      'channelTab',
      'meetingChatTab',
      'meetingDetailsTab',
      'meetingSidePanel',
    ]);
    expect(manifest.developer.privacyUrl).toBe(`${base}/privacy`);
    expect(manifest.developer.termsOfUseUrl).toBe(`${base}/terms`);
  });

  it('asks only for reading the members of the channels of the team it is installed in (RSC)', () => {
    expect(manifest.authorization.permissions.resourceSpecific).toEqual([
      { name: 'ChannelMember.Read.Group', type: 'Application' },
    ]);
  });

  it('has a 192×192 colour icon and a 32×32 outline icon that is white on transparent only', () => {
    const color = decodePng(files['color.png']!);
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = decodePng(files['outline.png']!);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let white = 0;
    let transparent = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = outline.data.subarray(i, i + 4);
      if (a === 0) transparent++;
      else {
        expect([r, g, b]).toEqual([255, 255, 255]);
        white++;
      }
    }
    expect(white).toBeGreaterThan(100); // a glyph is drawn…
    expect(transparent).toBeGreaterThan(300); // …on a transparent background
    expect(outline.data[3]).toBe(0); // the corner is background
    expect(files['color.png']).toEqual(new Uint8Array(readFileSync(join(root, 'manifest', 'color.png'))));
    expect(files['outline.png']).toEqual(new Uint8Array(readFileSync(join(root, 'manifest', 'outline.png'))));
  });

  it('ships the icons scripts/make-icons.mjs draws', () => {
    const dir = mkdtempSync(join(tmpdir(), 'omtanke-icons-'));
    try {
      const run = runScript(iconScript, ['--out', dir]);
      expect(run.stderr).toBe('');
      for (const name of ['color.png', 'outline.png']) {
        const drawn = decodePng(readFileSync(join(dir, name)));
        const committed = decodePng(readFileSync(join(root, 'manifest', name)));
        expect([committed.width, committed.height]).toEqual([drawn.width, drawn.height]);
        expect(Buffer.compare(committed.data, drawn.data)).toBe(0);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails, naming each placeholder left without a value, and writes no package', () => {
    const envDir = mkdtempSync(join(tmpdir(), 'omtanke-env-'));
    try {
      writeFileSync(join(envDir, '.env.partial'), `TEAMS_APP_ID=${local.TEAMS_APP_ID}\nTAB_ENDPOINT=\n`);
      const run = runScript(packageScript, ['partial', '--env-dir', envDir, '--out', envDir]);
      expect(run.status).toBe(1);
      for (const name of ['AAD_APP_CLIENT_ID', 'TAB_ENDPOINT', 'TAB_DOMAIN'])
        expect(run.stderr).toContain(`\${{${name}}}`);
      expect(run.stderr).not.toContain('${{TEAMS_APP_ID}}');
      expect(readdirSync(envDir)).toEqual(['.env.partial']);
    } finally {
      rmSync(envDir, { recursive: true, force: true });
    }
  });

  it('lets a variable in the process environment override the env file, as the toolkit does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'omtanke-package-'));
    try {
      const run = runScript(packageScript, ['local', '--out', dir], { TAB_DOMAIN: 'omtanke.example.org' });
      expect(run.status).toBe(0);
      const zipped = unzipSync(readFileSync(join(dir, 'appPackage.local.zip')));
      const m = JSON.parse(Buffer.from(zipped['manifest.json']!).toString('utf8')) as Manifest;
      expect(m.validDomains).toEqual(['omtanke.example.org']);
      expect(m.webApplicationInfo.resource).toBe(`api://omtanke.example.org/${local.AAD_APP_CLIENT_ID}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Microsoft 365 Agents Toolkit project files', () => {
  interface Step {
    uses: string;
    with?: Record<string, unknown>;
    writeToEnvironmentFile?: Record<string, string>;
  }
  interface Project {
    version: string;
    provision?: Step[];
    deploy?: Step[];
    publish?: Step[];
  }
  const projectFiles = {
    'teamsapp.yml': 'dev',
    'teamsapp.local.yml': 'local',
    'teamsapp.testtool.yml': 'testtool',
  } as const;
  const read = (file: string) => readFileSync(join(root, file), 'utf8');
  const load = (file: string) => parseYaml(read(file)) as Project;
  const uses = (steps: Step[] | undefined) => (steps ?? []).map((s) => s.uses);

  it.each(Object.keys(projectFiles))('%s follows the toolkit yml schema v1.13', (file) => {
    const schema = JSON.parse(read('tests/manifest/schemas/yaml.schema.v1.13.json')) as JsonObject;
    // As the toolkit compiles it (YamlParser): union types allowed, its own deprecationMessage keyword.
    const ajv = new Ajv({ allowUnionTypes: true, allErrors: true });
    ajv.addKeyword('deprecationMessage');
    const validate = ajv.compile(schema);
    const project = load(file);
    expect(validate(project) ? [] : validate.errors).toEqual([]);
    expect(project.version).toBe('v1.13');
  });

  it('teamsapp.yml provisions, deploys and publishes with the agreed steps', () => {
    const project = load('teamsapp.yml');
    expect(uses(project.provision)).toEqual([
      'teamsApp/create',
      'aadApp/create',
      'aadApp/update',
      'botFramework/create',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
      'cli/runNpmCommand',
    ]);
    expect(project.provision!.at(-1)!.with).toEqual({
      args: 'run provision -- --site ${{SHAREPOINT_SITE_URL}}',
    });
    expect(uses(project.deploy)).toEqual([
      'cli/runNpmCommand',
      'cli/runNpmCommand',
      'azureAppService/zipDeploy',
    ]);
    expect(project.deploy!.slice(0, 2).map((s) => s.with?.args)).toEqual(['ci', 'run build']);
    expect(uses(project.publish)).toEqual([
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/publishAppPackage',
    ]);
  });

  it.each(Object.entries(projectFiles))(
    '%s uses files that exist and variables env/.env.%s declares',
    (file, env) => {
      const project = load(file);
      const steps = [...(project.provision ?? []), ...(project.deploy ?? []), ...(project.publish ?? [])];
      for (const step of steps) {
        for (const key of ['manifestPath']) {
          const path = step.with?.[key];
          if (typeof path === 'string')
            expect(readFileSync(join(root, path), 'utf8').length).toBeGreaterThan(0);
        }
      }
      const written = new Set(steps.flatMap((s) => Object.values(s.writeToEnvironmentFile ?? {})));
      const declared = new Set(Object.keys(envFile(env)));
      const builtIn = new Set(['TEAMSFX_ENV']);
      const templates = [
        read(file),
        read('manifest/manifest.json'),
        read('manifest/en.json'),
        read('manifest/aad.manifest.json'),
      ];
      const unknown = placeholders(templates.join('\n')).filter(
        (name) =>
          !declared.has(name) &&
          !written.has(name) &&
          !builtIn.has(name) &&
          name !== 'AAD_APP_ACCESS_AS_USER_PERMISSION_ID',
      );
      expect(unknown).toEqual([]); // AAD_APP_ACCESS_AS_USER_PERMISSION_ID: generated by aadApp/update
    },
  );
});
