// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { extractBlocks } from '@/src/page/extract';
import { blockRange, rangesForPaint } from '@/src/page/ranges';
import { blockStarts, locate } from '@/src/shared/block-offsets';
import { BLOCK_SEPARATOR } from '@/src/messaging';

beforeEach(() => {
  document.body.innerHTML = '';
});

function blocksOf(html: string) {
  document.body.innerHTML = html; // fixture markup written in this test
  return extractBlocks(document, { main: false });
}

describe('blockRange: block offsets to DOM ranges across inline elements', () => {
  it.each([
    ['inside one node', '<p>Hello world.</p>', 6, 12, 'world.'],
    ['across inline elements', '<p>One <b>two <i>three</i></b> four. Five.</p>', 4, 19, 'two three four.'],
    ['starting inside an element', '<p>Aa <a href="#">bb cc</a> dd.</p>', 6, 12, 'cc dd.'],
    // Range.toString() does not render <br>; the block text has one space for it
    ['across a <br> gap', '<p>line one<br>line two</p>', 5, 13, 'oneline'],
    ['whole block', '<p><span>x</span> y <span>z</span></p>', 0, 5, 'x y z'],
  ])('%s', (_n, html, start, end, text) => {
    const [b] = blocksOf(html);
    const r = blockRange(b!, start, end)!;
    expect(r).toBeDefined();
    expect(r.toString()).toBe(text);
    expect(b!.text.slice(start, end).replace(/\s+/g, ' ')).toBe(text === 'oneline' ? 'one line' : text);
  });

  it('is undefined for an empty span', () => {
    const [b] = blocksOf('<p>abc</p>');
    expect(blockRange(b!, 1, 1)).toBeUndefined();
  });
});

describe('joined offsets to blocks', () => {
  it('maps offsets of the text the engine saw back to each block', () => {
    const blocks = blocksOf('<h2>Title here</h2><p>First sentence. <em>Second</em> one.</p><li>Item text.</li>');
    const joined = blocks.map((b) => b.text).join(BLOCK_SEPARATOR);
    const starts = blockStarts(blocks);
    for (const needle of ['Title here', 'First sentence.', 'Second one.', 'Item text.']) {
      const s = joined.indexOf(needle);
      const loc = locate(blocks, [0, 1, 2], starts, s, s + needle.length)!;
      expect(blockRange(blocks[loc.block]!, loc.start, loc.end)!.toString()).toBe(needle);
    }
  });

  it('supports analyses over a subset of blocks (e.g. one language)', () => {
    const blocks = blocksOf('<p>Alpha one.</p><p>Beta two.</p><p>Gamma three.</p>');
    const sub = [blocks[0]!, blocks[2]!];
    const joined = sub.map((b) => b.text).join(BLOCK_SEPARATOR);
    const s = joined.indexOf('Gamma three.');
    const loc = locate(sub, [0, 2], blockStarts(sub), s, s + 12)!;
    expect(loc).toEqual({ block: 2, start: 0, end: 12 });
    const mapped = rangesForPaint((id) => blocks[id], { id: 7, blocks: [0, 2], sentences: [{ i: 1, b: loc.block, start: loc.start, end: loc.end, level: 3 }] });
    expect(mapped).toHaveLength(1);
    expect(mapped[0]).toMatchObject({ analysis: 7, sentence: 1, level: 3, block: 2 });
    expect(mapped[0]!.range.toString()).toBe('Gamma three.');
  });

  it('drops sentences outside every block', () => {
    const blocks = blocksOf('<p>Short.</p>');
    expect(rangesForPaint((id) => blocks[id], { id: 0, blocks: [0], sentences: [{ i: 0, b: 0, start: 50, end: 60, level: 1 }] })).toEqual([]);
    expect(rangesForPaint(() => undefined, { id: 0, blocks: [0], sentences: [{ i: 0, b: 3, start: 0, end: 2, level: 1 }] })).toEqual([]);
  });
});
