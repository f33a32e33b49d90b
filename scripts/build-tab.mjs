// Builds the Teams tab (src/tab) with esbuild into dist/tab/: ES modules with code splitting (heavy
// views load on demand), minified, content-hashed file names, and the two HTML pages the manifest
// uses (index.html for the personal and channel tab, config.html for the channel tab's settings).
// Usage: node scripts/build-tab.mjs [--dev]   (also importable: buildTab({ outdir, dev }))
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { directImports } from './build-tab-direct-imports.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Shared esbuild options, so the bench builds its baseline page exactly the same way. */
export function tabBuildOptions({ outdir, dev = false }) {
  return {
    absWorkingDir: root,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022', 'chrome110', 'safari16', 'firefox110'],
    jsx: 'automatic',
    minify: !dev,
    sourcemap: dev ? 'inline' : false,
    outdir,
    entryNames: '[name]-[hash]',
    chunkNames: 'chunks/[name]-[hash]',
    define: { 'process.env.NODE_ENV': JSON.stringify(dev ? 'development' : 'production') },
    legalComments: 'none',
    metafile: true,
    plugins: [directImports()],
    logLevel: 'warning',
  };
}

export async function buildTab({ outdir = join(root, 'dist', 'tab'), dev = false } = {}) {
  const esbuild = await import('esbuild');
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const result = await esbuild.build({
    ...tabBuildOptions({ outdir, dev }),
    entryPoints: { index: 'src/tab/index.tsx', config: 'src/tab/config.tsx' },
  });
  const entryOf = (name) => {
    const [file] = Object.entries(result.metafile.outputs).find(
      ([, o]) => o.entryPoint === `src/tab/${name}.tsx`,
    );
    return `/tab/${relative(outdir, join(root, file)).split('\\').join('/')}`;
  };
  const page = (template, placeholder, entry) =>
    readFileSync(join(root, 'src', 'tab', 'public', template), 'utf8').replaceAll(placeholder, entry);
  writeFileSync(join(outdir, 'index.html'), page('index.html', '__ENTRY__', entryOf('index')));
  writeFileSync(join(outdir, 'config.html'), page('config.html', '__CONFIG__', entryOf('config')));
  copyFileSync(join(root, 'src', 'tab', 'public', 'tab.css'), join(outdir, 'tab.css'));
  writeFileSync(join(outdir, 'meta.json'), JSON.stringify(result.metafile));
  return result.metafile;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = Date.now();
  await buildTab({ dev: process.argv.includes('--dev') });
  process.stderr.write(`[build-tab] dist/tab built in ${Date.now() - started} ms\n`);
}
