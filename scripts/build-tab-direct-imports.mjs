// esbuild plugin: turns named imports from package barrels (`import { Button } from
// '@fluentui/react-components'`) into imports of the files that define them. esbuild's code splitting
// decides chunk membership per file, before tree shaking across chunks, so a barrel reached from the
// first load drags everything the lazy views use from the same barrel into the first load (and
// tabster, which a barrel imports for its own re-exports). Direct imports keep each view's
// components in its own chunk. Only @fluentui/* and @griffel/* are rewritten; anything the
// plugin cannot resolve is left as it was.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve as resolvePath } from 'node:path';

const SCOPES = /^@(fluentui|griffel)\//;
const IMPORT = /(^|\n)\s*(import|export)\s*\{([^}]*)\}\s*from\s*["']([^"']+)["'];?/g;

/** A relative specifier as a file: as written, with .js, or a folder's index.js. */
function fileFor(from, spec) {
  const base = resolvePath(dirname(from), spec);
  for (const candidate of [base, `${base}.js`, `${base}/index.js`]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Parses the export statements of an ES module file (Fluent's lib files are plain ESM). */
function exportsOf(file, cache) {
  if (cache.has(file)) return cache.get(file);
  let src = '';
  try {
    src = readFileSync(file, 'utf8');
  } catch {
    // unreadable: no exports known, so imports through it are left as they are
  }
  const named = new Map(); // exported name -> { from: spec | null, name }
  const stars = [];
  for (const m of src.matchAll(/export\s*\{([^}]*)\}\s*from\s*["']([^"']+)["']/g)) {
    for (const part of m[1].split(',')) {
      const clean = part.replace(/\/\*[\s\S]*?\*\//g, '').trim();
      if (!clean || clean.startsWith('type ')) continue;
      const [orig, alias] = clean.split(/\s+as\s+/);
      named.set((alias ?? orig).trim(), { from: m[2], name: orig.trim() });
    }
  }
  for (const m of src.matchAll(/export\s*\*\s*from\s*["']([^"']+)["']/g)) stars.push(m[1]);
  for (const m of src.matchAll(
    /export\s+(?:declare\s+)?(?:const|let|var|function\*?|class|async\s+function)\s+([\w$]+)/g,
  ))
    named.set(m[1], { from: null, name: m[1] });
  // `export { a, b };` without `from`: local (or imported then re-exported) names; stop here.
  for (const m of src.matchAll(/export\s*\{([^}]*)\}\s*(?!\s*from)(?:;|\n)/g)) {
    for (const part of m[1].split(',')) {
      const clean = part.replace(/\/\*[\s\S]*?\*\//g, '').trim();
      if (!clean) continue;
      const [orig, alias] = clean.split(/\s+as\s+/);
      if (!named.has((alias ?? orig).trim()))
        named.set((alias ?? orig).trim(), { from: null, name: orig.trim() });
    }
  }
  const result = { named, stars };
  cache.set(file, result);
  return result;
}

/** Follows re-exports to the file that defines `name`; null when it cannot tell. */
function definingFile(file, name, cache, depth = 0) {
  if (depth > 12) return null;
  const { named, stars } = exportsOf(file, cache);
  const hit = named.get(name);
  if (hit) {
    if (hit.from === null) return { file, name: hit.name };
    if (!hit.from.startsWith('.')) return null; // re-exported from another package: leave it
    const next = fileFor(file, hit.from);
    return next ? definingFile(next, hit.name, cache, depth + 1) : null;
  }
  for (const star of stars) {
    const next = star.startsWith('.') ? fileFor(file, star) : null;
    if (!next) continue;
    const found = definingFile(next, name, cache, depth + 1);
    if (found) return found;
  }
  return null;
}

export function directImports() {
  return {
    name: 'direct-imports',
    setup(build) {
      const cache = new Map();
      const barrels = new Map();
      const barrelOf = async (spec, importer) => {
        const key = `${spec}\0${dirname(importer)}`;
        if (!barrels.has(key)) {
          const r = await build.resolve(spec, { kind: 'import-statement', resolveDir: dirname(importer) });
          barrels.set(key, r.errors.length ? null : r.path);
        }
        return barrels.get(key);
      };
      build.onLoad({ filter: /\.(js|mjs|tsx?)$/ }, async (args) => {
        if (!/node_modules[\\/]@(fluentui|griffel)[\\/]|[\\/]src[\\/]tab[\\/]/.test(args.path))
          return undefined;
        const src = readFileSync(args.path, 'utf8');
        if (!SCOPES.test(src) && !/["']@(fluentui|griffel)\//.test(src)) return undefined;
        let out = '';
        let last = 0;
        for (const m of src.matchAll(IMPORT)) {
          const [whole, lead, keyword, list, spec] = m;
          if (!SCOPES.test(spec)) continue;
          const barrel = await barrelOf(spec, args.path);
          if (!barrel) continue;
          const groups = new Map();
          let ok = true;
          for (const part of list.split(',')) {
            const clean = part.replace(/\/\*[\s\S]*?\*\//g, '').trim();
            if (!clean) continue;
            if (clean.startsWith('type ')) continue; // TypeScript type-only names vanish anyway
            const [orig, alias] = clean.split(/\s+as\s+/).map((x) => x.trim());
            const found = definingFile(barrel, orig, cache);
            if (!found) {
              ok = false;
              break;
            }
            const items = groups.get(found.file) ?? [];
            items.push(`${found.name} as ${alias ?? orig}`);
            groups.set(found.file, items);
          }
          if (!ok || groups.size === 0) continue;
          const lines = [...groups].map(
            ([file, items]) => `${keyword} { ${items.join(', ')} } from ${JSON.stringify(file)};`,
          );
          out += src.slice(last, m.index) + lead + lines.join('\n');
          last = m.index + whole.length;
        }
        if (last === 0) return undefined;
        out += src.slice(last);
        const loader = args.path.endsWith('.tsx') ? 'tsx' : args.path.endsWith('.ts') ? 'ts' : 'js';
        return { contents: out, loader, resolveDir: dirname(args.path) };
      });
    },
  };
}
