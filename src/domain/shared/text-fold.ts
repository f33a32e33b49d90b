/**
 * Swedish folding for search: case-insensitive (Å = å), NFC, and accents removed from every letter
 * except å, ä and ö, which are letters of their own in Swedish ("ar" must not find "är", but "cafe"
 * finds "café").
 */
const KEEP = /[åäö]/;

export function foldSwedish(text: string): string {
  let out = '';
  for (const ch of text.toLocaleLowerCase('sv').normalize('NFC')) {
    if (KEEP.test(ch)) out += ch;
    else out += ch.normalize('NFD').replace(/\p{M}+/gu, '');
  }
  return out;
}

/** Primary order of Swedish collation (CLDR): space, punctuation, symbols, digits, then a–z, å, ä, ö. */
const ORDER = ' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$0123456789abcdefghijklmnopqrstuvwxyzåäö';
const WEIGHT = new Map([...ORDER].map((ch, n) => [ch, String.fromCharCode(0x21 + n)]));
/** Letters Swedish sorts as another: æ with ä, ø with ö, ü with y. */
const SAME_AS: Readonly<Record<string, string>> = { æ: 'ä', ø: 'ö', ü: 'y' };

/**
 * A key that sorts bytewise the way Swedish collation orders titles at its first level (SQLite has
 * no Swedish collation, and every store must sort alike). Characters outside the table sort after
 * it, by code point.
 */
export function swedishSortKey(text: string): string {
  let key = '';
  for (const raw of text.toLocaleLowerCase('sv').normalize('NFC')) {
    const ch = SAME_AS[raw] ?? (KEEP.test(raw) ? raw : raw.normalize('NFD').replace(/\p{M}+/gu, ''));
    for (const c of ch) key += WEIGHT.get(c) ?? String.fromCodePoint(0x100 + (c.codePointAt(0) ?? 0));
  }
  return key;
}
