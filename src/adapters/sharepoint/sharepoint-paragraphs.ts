import { randomUUID } from 'node:crypto';
import type { ClaimedParagraph, ParagraphRegister } from '../../app/ports/meeting-repository.port';
import { UnavailableError } from '../../app/ports/store.errors';
import type { GraphList, ListItem } from './graph-list';
import { isDuplicate, mapGraph } from './http/graph-errors';

export const PARAGRAPH_READ = ['ParagraphKey', 'ItemKey', 'Year', 'Number', 'WriteToken'] as const;

const toClaimed = (item: ListItem): ClaimedParagraph => ({
  year: Number(item.fields.Year),
  number: Number(item.fields.Number),
  key: String(item.fields.ItemKey),
});

/**
 * One item per paragraph. SharePoint has no transactions, so the two unique columns are the lock:
 * ParagraphKey ("2026-12") lets only one item hold a number, ItemKey lets an agenda item hold only
 * one. A writer that loses the race for a number reads the year again and tries the next one;
 * nothing is taken by a failed attempt, so the numbers stay gapless.
 */
export class SharePointParagraphs implements ParagraphRegister {
  constructor(
    private readonly sp: GraphList,
    private readonly backoff: (attempt: number) => Promise<void>,
    private readonly maxAttempts = 60,
  ) {}

  claim(year: number, key: string): Promise<number> {
    return mapGraph('claim paragraph', async () => {
      for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
        const held = await this.held(key);
        if (held) return held.number;
        const taken = await this.listYear(year);
        const number = taken.reduce((max, p) => Math.max(max, p.number), 0) + 1;
        const token = randomUUID();
        try {
          await this.sp.create(
            {
              Title: `§ ${number} ${year}`,
              ParagraphKey: `${year}-${number}`,
              ItemKey: key,
              Year: year,
              Number: number,
              WriteToken: token,
            },
            'paragraphs.claim',
            `${year}-${number}`,
          );
          return number;
        } catch (err) {
          if (!isDuplicate(err)) throw err;
          // The number went to another item (read the year again), or this key got one meanwhile.
          await this.backoff(attempt);
        }
      }
      throw new UnavailableError('claim paragraph: too many concurrent writers, try again');
    });
  }

  listYear(year: number): Promise<ClaimedParagraph[]> {
    return mapGraph('list paragraphs', async () => {
      const items = await this.sp.findAll({ column: 'Year', value: year }, 'paragraphs.list', () => true);
      return items
        .map(toClaimed)
        .filter((p) => p.year === year)
        .sort((a, b) => a.number - b.number);
    });
  }

  private async held(key: string): Promise<ClaimedParagraph | null> {
    const item = await this.sp.findOne(
      { column: 'ItemKey', value: key },
      'paragraphs.claim',
      (i) => String(i.fields.ItemKey) === key,
    );
    return item ? toClaimed(item) : null;
  }
}
