/**
 * first-blocks — on a long page, the blocks to score and paint first: those on and near the reader's screen, so that
 * the first highlights appear before the whole page is scored (STYLE 9: work in proportion to what matters).
 *
 * What: `firstBlocks(blocks, near)` takes the page's blocks (page order) and the ids of those on or near the screen
 * (the page layer's `near`, two screens above and below) and answers the run of blocks to analyse first: the near
 * band from its middle outwards, at most FIRST_MAX_CHARS, widened to at least FIRST_MIN_CHARS with the blocks around
 * it. It answers undefined when a first pass would not pay: a page under FIRST_PAGE_CHARS (scored whole in well
 * under 100 ms), no block near the screen, or a first run that would itself be a large share of the page.
 * The pipeline (pipeline.ts) scores that run as a document of its own, paints it, and then scores and paints the
 * whole page, which replaces it. So the first highlights are the screenful's own analysis: a sentence's level can
 * change when the whole page's analysis arrives, since each sentence is placed in its document's context. The
 * side panel and the legend wait for the whole page.
 * Pure: no browser API; tested in Node (tests/unit/background/first-blocks.test.ts).
 */
import type { BlockPayload } from '../messaging';

/** Pages shorter than this (characters, about 20,000 words) are scored whole at once: the engine takes well under
 * 100 ms there, less than a second paint would save. */
export const FIRST_PAGE_CHARS = 120_000;
/** The first run is widened to at least this (about 1,000 words): below 300 words an analysis is weak, below 150 it
 * says nothing, and a screenful of short blocks can be that small. */
export const FIRST_MIN_CHARS = 6_000;
/** ... and cut to about this (about 4,000 words), so that the first pass stays a small share of the whole. */
export const FIRST_MAX_CHARS = 24_000;

export function firstBlocks(blocks: readonly BlockPayload[], near: readonly number[]): BlockPayload[] | undefined {
  const total = blocks.reduce((n, b) => n + b.text.length, 0);
  if (total < FIRST_PAGE_CHARS || !near.length) return undefined;
  const wanted = new Set(near);
  const at: number[] = [];
  blocks.forEach((b, i) => {
    if (wanted.has(b.id)) at.push(i);
  });
  if (!at.length) return undefined;
  const middle = at[at.length >> 1]!;
  let lo = middle;
  let hi = middle;
  let chars = blocks[middle]!.text.length;
  // down the page first, then up, one block at a time, inside [from, to], until `until` characters
  const grow = (from: number, to: number, until: number) => {
    while (chars < until) {
      const before = hi - lo;
      if (hi < to) chars += blocks[++hi]!.text.length;
      if (chars < until && lo > from) chars += blocks[--lo]!.text.length;
      if (hi - lo === before) return;
    }
  };
  grow(at[0]!, at[at.length - 1]!, FIRST_MAX_CHARS);
  grow(0, blocks.length - 1, FIRST_MIN_CHARS);
  return chars * 4 > total ? undefined : blocks.slice(lo, hi + 1);
}
