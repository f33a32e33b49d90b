// Builds the Teams app package for one environment: appPackage/build/appPackage.<env>.zip.
//
//   npm run package -- [<env>] [--out <dir>] [--env-dir <dir>]      (<env> defaults to "local")
//
// Reads env/.env.<env> (and env/.env.<env>.user if present), replaces every ${{NAME}} placeholder in
// manifest/manifest.json and its localization files, and zips manifest.json, the localization files and
// both icons — the same result as the toolkit's teamsApp/zipAppPackage, without the toolkit. Fails, naming
// them, when placeholders are left without a value. Prints the zip's path on stdout.
//
// Values are looked up as the Microsoft 365 Agents Toolkit does: a non-empty variable in the process
// environment first, then env/.env.<env>, then env/.env.<env>.user. An empty value counts as missing
// (except APP_NAME_SUFFIX, which the toolkit also allows to be empty).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnv } from 'node:util';
import { zipSync } from 'fflate';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const manifestDir = join(root, 'manifest');
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
// Fixed timestamp for every zip entry, so the same inputs give the same bytes.
const ZIP_TIME = new Date(2024, 0, 1, 0, 0, 0);

class PackageError extends Error {}

function parseArgs(argv) {
  const opts = { env: 'local', outDir: join(root, 'appPackage', 'build'), envDir: join(root, 'env') };
  const positional = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (!v) throw new PackageError(`${arg} needs a value`);
      return v;
    };
    if (arg === '--env') opts.env = value();
    else if (arg === '--out') opts.outDir = resolve(value());
    else if (arg === '--env-dir') opts.envDir = resolve(value());
    else if (arg === '--help' || arg === '-h') opts.help = true;
    else if (arg.startsWith('-')) throw new PackageError(`unknown option ${arg}`);
    else positional.push(arg);
  }
  if (positional.length > 1)
    throw new PackageError(`expected one environment name, got: ${positional.join(' ')}`);
  if (positional[0]) opts.env = positional[0];
  if (!/^[A-Za-z0-9_-]+$/.test(opts.env)) throw new PackageError(`invalid environment name "${opts.env}"`);
  return opts;
}

/** The variables of one environment, with the toolkit's precedence. */
export function loadEnvironment(envDir, env, processEnv = process.env) {
  const file = join(envDir, `.env.${env}`);
  if (!existsSync(file)) {
    const known = existsSync(envDir)
      ? readdirSync(envDir)
          .filter((f) => /^\.env\.[A-Za-z0-9_-]+$/.test(f))
          .map((f) => f.slice(5))
      : [];
    throw new PackageError(
      `no environment file ${relative(root, file) || file}` +
        (known.length ? ` (environments: ${known.join(', ')})` : ''),
    );
  }
  const fromFile = parseEnv(readFileSync(file, 'utf8'));
  const userFile = `${file}.user`;
  const fromUser = existsSync(userFile) ? parseEnv(readFileSync(userFile, 'utf8')) : {};
  const lookup = (name) => {
    const sources = [processEnv, fromFile, fromUser];
    for (const source of sources) {
      const v = source[name];
      if (typeof v === 'string' && v.trim() !== '') return v.trim();
    }
    // The toolkit's one exception: APP_NAME_SUFFIX may be defined empty (e.g. for production).
    if (name === 'APP_NAME_SUFFIX' && sources.some((source) => typeof source[name] === 'string')) return '';
    return undefined;
  };
  return { file, lookup };
}

/**
 * Replaces ${{NAME}} in a JSON text. Values are JSON-string-escaped, since every placeholder sits inside a
 * JSON string. Returns the text and the names that had no value.
 */
export function substitute(text, lookup) {
  const missing = new Set();
  const out = text.replace(PLACEHOLDER, (whole, name) => {
    const v = lookup(name);
    if (v === undefined) {
      missing.add(name);
      return whole;
    }
    return JSON.stringify(v).slice(1, -1);
  });
  return { text: out, missing: [...missing] };
}

/** A file name from the manifest: relative, inside manifest/, no sub-folders (Teams wants a flat zip). */
function packageFile(name, what) {
  if (
    typeof name !== 'string' ||
    name === '' ||
    isAbsolute(name) ||
    normalize(name).split(sep).includes('..')
  ) {
    throw new PackageError(`${what}: "${name}" must be a file name inside manifest/`);
  }
  if (basename(name) !== name)
    throw new PackageError(`${what}: "${name}" must sit at the top of the package`);
  const path = join(manifestDir, name);
  if (!existsSync(path)) throw new PackageError(`${what}: manifest/${name} does not exist`);
  return name;
}

export function buildPackage({ env, outDir, envDir }, processEnv = process.env) {
  const { file: envFile, lookup } = loadEnvironment(envDir, env, processEnv);
  const manifestText = readFileSync(join(manifestDir, 'manifest.json'), 'utf8');
  const template = JSON.parse(manifestText);

  const localizationFiles = [];
  const loc = template.localizationInfo ?? {};
  if (loc.defaultLanguageFile)
    localizationFiles.push(packageFile(loc.defaultLanguageFile, 'defaultLanguageFile'));
  for (const lang of loc.additionalLanguages ?? []) {
    localizationFiles.push(packageFile(lang.file, `localization file for "${lang.languageTag}"`));
  }
  const icons = [
    packageFile(template.icons?.color, 'icons.color'),
    packageFile(template.icons?.outline, 'icons.outline'),
  ];

  const entries = {};
  const missing = new Map(); // placeholder name -> files that use it
  for (const name of ['manifest.json', ...localizationFiles]) {
    const text = name === 'manifest.json' ? manifestText : readFileSync(join(manifestDir, name), 'utf8');
    const result = substitute(text, lookup);
    for (const m of result.missing) missing.set(m, [...(missing.get(m) ?? []), `manifest/${name}`]);
    JSON.parse(result.text); // still valid JSON after substitution
    entries[name] = Buffer.from(result.text, 'utf8');
  }
  if (missing.size > 0) {
    const lines = [...missing].map(([name, files]) => `  \${{${name}}} (used in ${files.join(', ')})`);
    throw new PackageError(
      `unresolved placeholders for environment "${env}" — set them in ${relative(root, envFile) || envFile}` +
        ` (or the process environment):\n${lines.join('\n')}`,
    );
  }
  for (const icon of icons) entries[icon] = readFileSync(join(manifestDir, icon));

  mkdirSync(outDir, { recursive: true });
  const zipPath = join(outDir, `appPackage.${env}.zip`);
  const zipInput = Object.fromEntries(
    Object.entries(entries).map(([name, data]) => [name, [new Uint8Array(data), { mtime: ZIP_TIME }]]),
  );
  writeFileSync(zipPath, zipSync(zipInput, { level: 9 }));
  // The resolved manifest beside the zip, as the toolkit's zipAppPackage leaves it (handy for `atk validate`).
  writeFileSync(join(outDir, `manifest.${env}.json`), entries['manifest.json']);
  return { zipPath, files: Object.keys(entries) };
}

function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
    if (opts.help) {
      process.stdout.write('usage: npm run package -- [<env>] [--out <dir>] [--env-dir <dir>]\n');
      return;
    }
    const { zipPath, files } = buildPackage(opts);
    process.stderr.write(`[package] environment "${opts.env}": ${files.join(', ')}\n`);
    const shown = relative(process.cwd(), zipPath);
    process.stdout.write(`${shown && !shown.startsWith('..') && !isAbsolute(shown) ? shown : zipPath}\n`);
  } catch (error) {
    if (!(error instanceof PackageError) && !(error instanceof SyntaxError)) throw error;
    process.stderr.write(`[package] error: ${error.message}\n`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
