// `npm run bench`: runs every scripts/bench/*.mjs part (each exports `run()` returning
// { name, lines, ok }) and prints their figures; exits non-zero if a part misses its target.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'bench');
let failed = 0;
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.mjs'))
  .sort()) {
  const part = await import(pathToFileURL(join(dir, file)).href);
  if (typeof part.run !== 'function') continue;
  try {
    const result = await part.run();
    console.log(`== ${result.name ?? file}`);
    for (const line of result.lines ?? []) console.log(`   ${line}`);
    if (result.ok === false) failed++;
  } catch (err) {
    failed++;
    console.log(`== ${file}: failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}
process.exit(failed ? 1 : 0);
