/** "§ 12": how a paragraph number is written in the minutes, the cards and the tab. */
export function paragraphLabel(paragraph: number): string {
  return `§ ${paragraph}`;
}

/** The key a paragraph is claimed under: one number per agenda item, whatever retries happen. */
export function paragraphKey(meetingId: string, itemId: string): string {
  return `${meetingId}|${itemId}`;
}

/** True when numbers 1..n are all there once: what "gapless per year" means. */
export function isGapless(numbers: readonly number[]): boolean {
  const sorted = [...numbers].sort((a, b) => a - b);
  return sorted.every((n, i) => n === i + 1);
}
