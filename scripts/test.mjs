// `npm test`: every test suite (jest). The end-to-end tests drive Debian's Chromium; on a fresh
// machine where it is missing and we may install packages (root with apt-get), it is installed once
// first, so the README's single test command works as it says. Runs under Node 24 (scripts/node24.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// pdftotext (Debian's poppler-utils) reads back the generated minutes in the document tests.
const poppler = existsSync('/usr/bin/pdftotext');
if (!existsSync(chromium) || !poppler) {
  const canInstall =
    process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (canInstall) {
    process.stderr.write(
      "[test] Debian's chromium or poppler-utils is missing; installing them for the browser and document tests (once)…\n",
    );
    const res = spawnSync('bash', [join(root, 'scripts/ci-system-deps.sh')], { stdio: 'inherit' });
    if (res.status !== 0)
      process.stderr.write(
        '[test] could not install chromium/poppler-utils; the browser or document tests will fail.\n',
      );
  } else {
    process.stderr.write(
      `[test] Need Chromium at ${chromium} and pdftotext: install Debian's chromium and poppler-utils (apt-get install chromium poppler-utils) or set CHROMIUM_PATH; the browser and document tests need them.\n`,
    );
  }
}

const jest = spawnSync(
  process.execPath,
  [join(root, 'node_modules/jest/bin/jest.js'), ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
);
process.exit(jest.status ?? 1);
