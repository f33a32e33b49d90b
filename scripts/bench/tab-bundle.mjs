// Bench part: the tab's initial JavaScript (gzip) next to a bare React + Fluent UI v9 page built the
// same way (same esbuild options), and the ratio (target ≤ 1.5×). "Initial" = the entry module plus
// every chunk it imports statically, i.e. what loads before the first view renders; lazily loaded
// views (charts, annual compilation, Teams SDK, MSAL) are listed separately.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildTab, tabBuildOptions } from '../build-tab.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const gz = (file) => gzipSync(readFileSync(join(root, file)), { level: 9 }).length;

/** Entry output plus its static imports (transitively), in bytes gzip. */
function initialBytes(metafile, entryPoint) {
  const [entry] = Object.entries(metafile.outputs).find(([, o]) => o.entryPoint === entryPoint);
  const seen = new Set();
  const walk = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imp of metafile.outputs[file].imports) if (imp.kind === 'import-statement') walk(imp.path);
  };
  walk(entry);
  return { files: [...seen], bytes: [...seen].reduce((sum, f) => sum + gz(f), 0) };
}

export async function run() {
  const esbuild = await import('esbuild');
  const tabDir = mkdtempSync(join(tmpdir(), 'tab-bench-'));
  const baseDir = mkdtempSync(join(tmpdir(), 'tab-baseline-'));
  try {
    const meta = await buildTab({ outdir: tabDir });
    const tab = initialBytes(meta, 'src/tab/index.tsx');
    // The baseline: the smallest real Fluent v9 page — provider, theme, a heading and a button.
    const src = join(baseDir, 'baseline.tsx');
    writeFileSync(
      src,
      `import { createRoot } from 'react-dom/client';
import { Button, FluentProvider, teamsLightTheme } from '@fluentui/react-components';
createRoot(document.getElementById('root')!).render(
  <FluentProvider theme={teamsLightTheme}><h1>Hej</h1><Button appearance="primary">OK</Button></FluentProvider>,
);`,
    );
    const base = await esbuild.build({
      ...tabBuildOptions({ outdir: join(baseDir, 'out') }),
      entryPoints: { baseline: src },
      nodePaths: [join(root, 'node_modules')],
    });
    const baseEntry = Object.keys(base.metafile.outputs).find((f) => base.metafile.outputs[f].entryPoint);
    const baseline = initialBytes(base.metafile, base.metafile.outputs[baseEntry].entryPoint).files.reduce(
      (sum, f) => sum + gzipSync(readFileSync(join(root, f)), { level: 9 }).length,
      0,
    );
    const lazy = Object.entries(meta.outputs)
      .filter(
        ([f, o]) => f.endsWith('.js') && !tab.files.includes(f) && !o.entryPoint?.endsWith('config.tsx'),
      )
      .map(([f]) => ({ file: f.split('/').pop(), kb: +(gz(f) / 1024).toFixed(1) }))
      .filter((x) => x.kb >= 1)
      .sort((a, b) => b.kb - a.kb);
    const ratio = tab.bytes / baseline;
    return {
      name: 'tab-bundle',
      lines: [
        `tab initial JS (gzip): ${(tab.bytes / 1024).toFixed(1)} KiB in ${tab.files.length} files`,
        `bare React + Fluent v9 page, same build (gzip): ${(baseline / 1024).toFixed(1)} KiB`,
        `ratio: ${ratio.toFixed(2)}× (target ≤ 1.50×) ${ratio <= 1.5 ? 'OK' : 'OVER'}`,
        `lazy chunks (gzip KiB): ${lazy.map((x) => `${x.file} ${x.kb}`).join(', ')}`,
      ],
      ok: ratio <= 1.5,
    };
  } finally {
    rmSync(tabDir, { recursive: true, force: true });
    rmSync(baseDir, { recursive: true, force: true });
  }
}
