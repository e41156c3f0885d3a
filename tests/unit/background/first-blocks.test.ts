import { describe, expect, it } from 'vitest';
import { FIRST_MAX_CHARS, FIRST_MIN_CHARS, FIRST_PAGE_CHARS, firstBlocks } from '@/src/background/first-blocks';
import type { BlockPayload } from '@/src/messaging';

/** `n` blocks of `size` characters each, ids 100.. (ids need not be indices). */
const page = (n: number, size: number): BlockPayload[] => Array.from({ length: n }, (_, i) => ({ id: 100 + i, text: 'x'.repeat(size), lang: '' }));
const ids = (bs: BlockPayload[] | undefined) => bs?.map((b) => b.id);
const chars = (bs: BlockPayload[]) => bs.reduce((n, b) => n + b.text.length, 0);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('firstBlocks: what to score first on a long page', () => {
  it.each([
    ['a page under the line', page(100, Math.floor(FIRST_PAGE_CHARS / 100) - 1), range(140, 150)],
    ['no block near the screen', page(400, 600), []],
    ['near ids that are not on the page', page(400, 600), [5, 6, 7]],
    ['one block near the screen that is a large share of the page', [...page(3, 100), { id: 9, text: 'y'.repeat(FIRST_PAGE_CHARS), lang: '' }], [9]],
  ])('none: %s', (_what, blocks, near) => {
    expect(firstBlocks(blocks, near)).toBeUndefined();
  });

  it('the near band whole when it fits, in page order', () => {
    // 400 blocks of 600 characters; 30 near blocks = 18,000 characters, under the cap
    const got = firstBlocks(page(400, 600), range(200, 229))!;
    expect(ids(got)).toEqual(range(200, 229));
  });

  it('a near band over the cap is cut around its middle', () => {
    const got = firstBlocks(page(400, 600), range(120, 299))!;
    expect(chars(got)).toBeGreaterThanOrEqual(FIRST_MAX_CHARS);
    expect(chars(got)).toBeLessThanOrEqual(FIRST_MAX_CHARS + 600);
    const middle = 120 + 90;
    expect(ids(got)).toContain(middle);
    // as many blocks above the middle as below (within one)
    const got_ = ids(got)!;
    expect(Math.abs(got_.filter((i) => i < middle).length - got_.filter((i) => i > middle).length)).toBeLessThanOrEqual(1);
    expect(got_).toEqual(range(got_[0]!, got_.at(-1)!));
  });

  it('a small near band is widened with the blocks around it', () => {
    const got = firstBlocks(page(400, 600), [300, 301])!;
    expect(chars(got)).toBeGreaterThanOrEqual(FIRST_MIN_CHARS);
    expect(chars(got)).toBeLessThan(FIRST_MIN_CHARS + 1200);
    expect(ids(got)).toEqual(expect.arrayContaining([300, 301]));
  });

  it('at the end of the page it widens upwards only', () => {
    const got = firstBlocks(page(400, 600), [499])!;
    expect(ids(got)!.at(-1)).toBe(499);
    expect(chars(got)).toBeGreaterThanOrEqual(FIRST_MIN_CHARS);
  });
});
