import type { Initiative } from './initiative.types';

/** FNV-1a, 32 bits: a short fingerprint of a text (not a secret; it only tells texts apart). */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/**
 * What a person voting or deciding has in front of them: the initiative's text, and for a decision
 * also the proposal and the decisions so far. A card or form carries this fingerprint of what it
 * showed; a press whose fingerprint no longer matches was made on an outdated text.
 */
export function shownVersion(
  i: Pick<Initiative, 'form' | 'proposal' | 'decisions'>,
  what: 'review' | 'decision',
): string {
  const seen = what === 'review' ? [i.form] : [i.form, i.proposal, i.decisions.map((d) => d.id)];
  return fingerprint(JSON.stringify(seen));
}
