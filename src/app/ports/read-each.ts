/** Called for a stored item whose record cannot be read (corrupt JSON, a hand-edited list item). */
export type ReportUnreadable = (what: string, key: string, err: unknown) => void;

/**
 * Reads every item it can. One whose stored record cannot be read is skipped and reported, so one
 * bad item never blocks a list, the outbox, the stats or the annual report.
 */
export function readEach<T, R>(
  items: readonly T[],
  read: (item: T) => R,
  what: string,
  keyOf: (item: T) => string,
  report: ReportUnreadable,
): R[] {
  const out: R[] = [];
  for (const item of items) {
    try {
      out.push(read(item));
    } catch (err) {
      report(what, keyOf(item), err);
    }
  }
  return out;
}

/** Reports to a logger, without the record itself (it may hold personal data). */
export const reportTo =
  (log: { error(msg: string, fields?: Record<string, unknown>): void } | undefined): ReportUnreadable =>
  (what, key, err) =>
    log?.error('a stored record could not be read; it is skipped', {
      what,
      key,
      reason: err instanceof Error ? err.name : 'unknown',
    });
