/**
 * Text as a person sees it, for the personnummer guard: what renders the same must scan the same.
 * Compatibility forms (full-width, mathematical digits) are folded (NFKC), digits of any script
 * become ASCII, every dash becomes '-', every kind of space or line break one ' ', and invisible
 * format characters (zero-width space, soft hyphen, joiners, direction marks) are dropped.
 */
export interface NormalisedText {
  readonly text: string;
  /** For each character of `text`, the [start, end) of the original characters it came from. */
  readonly from: readonly (readonly [number, number])[];
}

const FORMAT = /^\p{Cf}$/u;
const DASH = /^[\p{Pd}\u2212\u2796\ufe63\uff0d]$/u;
const SPACE = /^[\s\p{Zs}\p{Zl}\p{Zp}\u0085]$/u;
const DIGIT = /^\p{Nd}$/u;

/** The value of a decimal digit of any script: Unicode lays each script's 0–9 out contiguously. */
function digitValue(cp: number): number {
  let steps = 0;
  while (DIGIT.test(String.fromCodePoint(cp - steps - 1))) steps++;
  return steps % 10;
}

function fold(ch: string): string {
  if (FORMAT.test(ch)) return '';
  const n = ch.normalize('NFKC');
  let out = '';
  for (const c of n) {
    if (FORMAT.test(c)) continue;
    if (DASH.test(c)) out += '-';
    else if (SPACE.test(c)) out += ' ';
    else if (DIGIT.test(c)) out += String(digitValue(c.codePointAt(0)!));
    else out += c;
  }
  return out;
}

export function normaliseForScan(input: string): NormalisedText {
  let text = '';
  const from: [number, number][] = [];
  let i = 0;
  for (const ch of input) {
    const start = i;
    i += ch.length;
    for (const c of fold(ch)) {
      // Runs of spaces count as one separator; the run maps back to all of its characters.
      if (c === ' ' && text.endsWith(' ')) {
        from[from.length - 1] = [from[from.length - 1]![0], i];
        continue;
      }
      text += c;
      from.push([start, i]);
    }
  }
  return { text, from };
}
