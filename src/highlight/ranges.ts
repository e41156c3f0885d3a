/**
 * ranges — engine offsets back to DOM Ranges.
 *
 * What: the background analyses the blocks' texts joined with BLOCK_SEPARATOR; a sentence comes back as
 * [start, end) in that joined string. `locate` finds the block and the offsets inside it, `blockRange` turns block
 * offsets into a live `Range` across as many Text nodes (and inline elements) as the sentence spans.
 * `rangesForPaint` does it for every sentence of an analysis.
 * Limits: a sentence never spans two blocks (blocks are paragraphs for the engine); offsets that fall in a gap that
 * belongs to no node (a <br>) snap to the nearest node boundary inside the sentence.
 */
import { BLOCK_SEPARATOR, type AnalysisPaint, type Level } from '../messaging';
import type { Block, Segment } from './extract';

/** First segment whose end is after `offset` (segments are sorted and disjoint). */
function firstEndingAfter(segs: Segment[], offset: number): number {
  let lo = 0;
  let hi = segs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segs[mid].end > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Last segment whose start is before `offset`. */
function lastStartingBefore(segs: Segment[], offset: number): number {
  let lo = 0;
  let hi = segs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segs[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

export interface DomPoint {
  node: Text;
  offset: number;
}

/** The DOM point of block offset `offset`, read as the start (`'start'`) or the end (`'end'`) of a range. */
export function pointAt(block: Block, offset: number, side: 'start' | 'end'): DomPoint | undefined {
  const segs = block.segments;
  if (side === 'start') {
    const i = firstEndingAfter(segs, offset);
    if (i >= segs.length) return undefined;
    const s = segs[i];
    return { node: s.node, offset: s.nodeStart + Math.max(0, offset - s.start) };
  }
  const i = lastStartingBefore(segs, offset);
  if (i < 0) return undefined;
  const s = segs[i];
  return { node: s.node, offset: s.nodeStart + Math.min(s.end, offset) - s.start };
}

/** A Range over [start, end) of `block`'s text, or undefined when it covers no node text. */
export function blockRange(block: Block, start: number, end: number): Range | undefined {
  if (end <= start) return undefined;
  const a = pointAt(block, start, 'start');
  const b = pointAt(block, end, 'end');
  if (!a || !b) return undefined;
  const doc = a.node.ownerDocument;
  const range = doc.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range.collapsed ? undefined : range;
}

/** Start offset of each listed block in the joined text of an analysis. */
export function blockStarts(blocks: readonly Block[], indices: readonly number[]): number[] {
  const starts: number[] = [];
  let pos = 0;
  for (const i of indices) {
    starts.push(pos);
    pos += (blocks[i]?.text.length ?? 0) + BLOCK_SEPARATOR.length;
  }
  return starts;
}

/** Which block of the analysis holds [start, end) of the joined text, and the offsets inside that block. */
export function locate(
  blocks: readonly Block[],
  indices: readonly number[],
  starts: readonly number[],
  start: number,
  end: number,
): { block: number; start: number; end: number } | undefined {
  let lo = 0;
  let hi = starts.length - 1;
  if (hi < 0) return undefined;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= start) lo = mid;
    else hi = mid - 1;
  }
  const block = indices[lo];
  const b = blocks[block];
  if (!b) return undefined;
  const s = start - starts[lo];
  const e = Math.min(end - starts[lo], b.text.length);
  return s < b.text.length && e > s ? { block, start: s, end: e } : undefined;
}

export interface MappedSentence {
  analysis: number;
  sentence: number;
  level: Level;
  block: number;
  range: Range;
  /** The sentence as the page shows it (read before painting: the wrapper fallback splits nodes). */
  text: string;
}

/** Every painted sentence of an analysis, as live Ranges, in page order. */
export function rangesForPaint(blocks: readonly Block[], paint: AnalysisPaint): MappedSentence[] {
  const starts = blockStarts(blocks, paint.blocks);
  const out: MappedSentence[] = [];
  for (const s of paint.sentences) {
    const loc = locate(blocks, paint.blocks, starts, s.start, s.end);
    if (!loc) continue;
    const range = blockRange(blocks[loc.block], loc.start, loc.end);
    if (range) out.push({ analysis: paint.id, sentence: s.i, level: s.level, block: loc.block, range, text: range.toString() });
  }
  return out;
}
