// Draws the Teams app icons into manifest/: color.png (192×192, full colour) and outline.png
// (32×32, white on transparent), as Teams requires. The glyph is a heart — "omtanke" — with a
// plus cut out of it for care, on Region Halland-ish blue. Pure JS (pngjs), deterministic: the
// same code always writes the same bytes, and tests/manifest checks the committed PNGs against it.
//
//   node scripts/make-icons.mjs [--out <dir>]     (default: manifest/)
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pngjs from 'pngjs';

const { PNG } = pngjs;

export const BLUE = [0x00, 0x5a, 0x9c]; // also the manifest's accentColor (#005A9C)
const WHITE = [0xff, 0xff, 0xff];
const SUPERSAMPLE = 8; // 8×8 samples per pixel for smooth (anti-aliased) edges

/**
 * Heart curve (x² + y² − 1)³ − x²y³ ≤ 0, which spans roughly x ∈ [−1.14, 1.14], y ∈ [−1, 1.25]
 * with y up. `u`, `v` are in glyph units: 0..1 across the glyph box, v down.
 */
function inHeart(u, v) {
  const x = (u - 0.5) * 2.36;
  const y = (0.5 - v) * 2.36 + 0.12;
  const a = x * x + y * y - 1;
  return a * a * a - x * x * y * y * y <= 0;
}

/** A plus sign centred on the heart's visual middle; `arm` and `bar` are half-sizes in glyph units. */
function inPlus(u, v, arm, bar) {
  const cu = 0.5;
  const cv = 0.47;
  const du = Math.abs(u - cu);
  const dv = Math.abs(v - cv);
  return (du <= bar && dv <= arm) || (dv <= bar && du <= arm);
}

/** Fraction (0..1) of the pixel (px, py) covered by `inside`, by supersampling. */
function coverage(px, py, inside) {
  let hits = 0;
  for (let sy = 0; sy < SUPERSAMPLE; sy++) {
    for (let sx = 0; sx < SUPERSAMPLE; sx++) {
      if (inside(px + (sx + 0.5) / SUPERSAMPLE, py + (sy + 0.5) / SUPERSAMPLE)) hits++;
    }
  }
  return hits / (SUPERSAMPLE * SUPERSAMPLE);
}

function blend(from, to, t) {
  return from.map((c, i) => Math.round(c + (to[i] - c) * t));
}

function encode(png) {
  return PNG.sync.write(png, { colorType: 6, inputHasAlpha: true, deflateLevel: 9 });
}

/** 192×192: blue square, white heart with a blue plus inside; the glyph stays in the central 120px. */
export function colorIcon() {
  const size = 192;
  const glyph = 124;
  const offset = (size - glyph) / 2;
  const png = new PNG({ width: size, height: size });
  const white = (x, y) => {
    const u = (x - offset) / glyph;
    const v = (y - offset) / glyph;
    return inHeart(u, v) && !inPlus(u, v, 0.2, 0.065);
  };
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const [r, g, b] = blend(BLUE, WHITE, coverage(x, y, white));
      const i = (y * size + x) * 4;
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = 255;
    }
  }
  return encode(png);
}

/** 32×32: white heart outline with a white plus inside, on a transparent background. */
export function outlineIcon() {
  const size = 32;
  const glyph = 30;
  const offset = (size - glyph) / 2;
  const stroke = 2.4 / glyph; // outline width in glyph units (about 2.4 px)
  const png = new PNG({ width: size, height: size });
  const ring = (u, v) => {
    if (!inHeart(u, v)) return false;
    // inside the heart but not inside the heart shrunk by the stroke width → on the outline
    const k = 1 - (2 * stroke) / 0.9;
    return !inHeart(0.5 + (u - 0.5) / k, 0.47 + (v - 0.47) / k);
  };
  const white = (x, y) => {
    const u = (x - offset) / glyph;
    const v = (y - offset) / glyph;
    return ring(u, v) || inPlus(u, v, 0.2, 0.055);
  };
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const alpha = Math.round(coverage(x, y, white) * 255);
      const i = (y * size + x) * 4;
      // White where drawn, fully transparent elsewhere: no other colour ever appears.
      png.data[i] = alpha ? 255 : 0;
      png.data[i + 1] = alpha ? 255 : 0;
      png.data[i + 2] = alpha ? 255 : 0;
      png.data[i + 3] = alpha;
    }
  }
  return encode(png);
}

function main() {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out');
  const outDir = outIndex >= 0 && args[outIndex + 1] ? resolve(args[outIndex + 1]) : join(root, 'manifest');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'color.png'), colorIcon());
  writeFileSync(join(outDir, 'outline.png'), outlineIcon());
  process.stdout.write(`${join(outDir, 'color.png')}\n${join(outDir, 'outline.png')}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
