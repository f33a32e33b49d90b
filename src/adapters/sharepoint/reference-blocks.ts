/**
 * Reference numbers reserved in blocks: the counter item is read and written (two round trips)
 * once per block instead of once per submission, and the next block is fetched in the background
 * when the current one runs low, so a submission normally waits for no counter round trip at all.
 *
 * What it means for the numbers: they stay unique and increase within an instance, but several
 * instances hand out numbers from their own blocks, so the order across instances follows the
 * blocks rather than the clock, and numbers an instance reserved but never used (it stopped, or
 * the year ended) are never given: the sequence can have gaps of up to one block per instance.
 */
import type { ReferenceCounter } from '../../app/ports/reference-counter.port';

export interface BlockSource {
  reserve(year: number, count: number): Promise<number>;
}

interface Block {
  next: number;
  end: number;
}

export class BlockCounter implements ReferenceCounter {
  private readonly blocks = new Map<number, Block[]>();
  private readonly pending = new Map<number, Promise<void>>();

  constructor(
    private readonly source: BlockSource,
    readonly blockSize: number,
  ) {}

  async next(year: number): Promise<number> {
    for (;;) {
      const queue = this.blocks.get(year) ?? [];
      const block = queue[0];
      if (block && block.next <= block.end) {
        const n = block.next++;
        if (block.next > block.end) queue.shift();
        // Fetch ahead only with real blocks: a block of one means "no gaps", so nothing is reserved early.
        if (this.blockSize > 1 && this.remaining(year) <= this.blockSize / 2) {
          this.refill(year).catch(() => undefined); // a failed prefetch is retried by the next caller
        }
        return n;
      }
      queue.shift();
      await this.refill(year);
    }
  }

  private remaining(year: number): number {
    return (this.blocks.get(year) ?? []).reduce((sum, b) => sum + b.end - b.next + 1, 0);
  }

  /** One reservation at a time per year; callers waiting for numbers share it. */
  private refill(year: number): Promise<void> {
    const running = this.pending.get(year);
    if (running) return running;
    const started = this.source
      .reserve(year, this.blockSize)
      .then((first) => {
        const queue = this.blocks.get(year) ?? [];
        queue.push({ next: first, end: first + this.blockSize - 1 });
        this.blocks.set(year, queue);
      })
      .finally(() => this.pending.delete(year));
    this.pending.set(year, started);
    return started;
  }
}
