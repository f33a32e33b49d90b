/**
 * Text from data shows literally on every card. Adaptive Card TextBlocks (and FactSet facts) render
 * markdown, so a title like `[Godkänn här](https://…)` or `**BESLUT**` would otherwise become a link
 * or bold in RUG's channel. renderCard (templates.ts) runs every card through here:
 *
 *   1. every string of the view model is wrapped in two private-use marks before binding, so after
 *      binding we still know which characters came from data and which from the template;
 *   2. in text the card renders as markdown, the marked parts are escaped; everywhere else (input
 *      values, action data, URLs, choice titles) the marks are only removed, so a value comes back
 *      unchanged when the card is submitted.
 *
 * The template's own markdown (e.g. `**${i.ref}**`) keeps working, because only bound values are
 * escaped. Backslash escapes are CommonMark's; a client that does not honour one shows the
 * backslash, which is ugly but still inert.
 */
const OPEN = '\ue000';
const CLOSE = '\ue001';
const MARKS = /[\ue000\ue001]/g;

/** Escapes markdown in one piece of data text: emphasis, links, code, HTML, and line-start blocks. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\*_[\]`~<>]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#+-]|\d+(?=[.)]))/gm, (_m, space: string, marker: string) =>
      /^\d/.test(marker) ? `${space}${marker}\\` : `${space}\\${marker}`,
    );
}

/** Step 1: marks every string in a view model (marks a user typed are dropped first). */
export function markData<T>(value: T): T {
  if (typeof value === 'string') {
    const clean = value.replace(MARKS, '');
    return (clean === '' ? clean : `${OPEN}${clean}${CLOSE}`) as T;
  }
  if (Array.isArray(value)) return value.map((v: unknown) => markData(v)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = markData(v);
    return out as T;
  }
  return value;
}

const escapeMarked = (s: string) =>
  s
    .replace(/\ue000([^\ue000\ue001]*)\ue001/g, (_m, inner: string) => escapeMarkdown(inner))
    .replace(MARKS, '');
const unmark = (s: string) => s.replace(MARKS, '');

/** Teams renders a TextBlock's text and a FactSet's fact titles and values as markdown. */
const rendersMarkdown = (obj: Record<string, unknown>, key: string, isFact: boolean) =>
  (obj.type === 'TextBlock' && key === 'text') || (isFact && (key === 'title' || key === 'value'));

/** Step 2: escapes marked data in markdown text and removes the marks everywhere. */
export function finishCard<T>(node: T, isFact = false): T {
  if (typeof node === 'string') return unmark(node) as T;
  if (Array.isArray(node)) return node.map((n: unknown) => finishCard(n, isFact)) as T;
  if (!node || typeof node !== 'object') return node;
  const obj = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (typeof v === 'string') out[k] = rendersMarkdown(obj, k, isFact) ? escapeMarked(v) : unmark(v);
    // The facts array of a FactSet holds the facts; anything deeper is not a fact.
    else out[k] = finishCard(v, obj.type === 'FactSet' && k === 'facts');
  }
  return out as T;
}
