/**
 * ranges — engine offsets back to DOM Ranges.
 *
 * What: the background analyses the blocks' texts joined with BLOCK_SEPARATOR; a sentence comes back as offsets
 * inside its block (src/shared/block-offsets.ts `locate`); `blockRange` turns block offsets into a live `Range` across as many Text nodes (and inline elements) as the
 * sentence spans. `rangesForPaint` does it for every sentence of an analysis.
 * Limits: a sentence never spans two blocks (blocks are paragraphs for the engine); offsets that fall in a gap that
 * belongs to no node (a <br>) snap to the nearest node boundary inside the sentence.
 */
import type { AnalysisPaint, Level, PaintedSentence } from '../messaging';
import type { Block, Segment } from './extract';

/** First segment whose end is after `offset` (segments are sorted and disjoint). */
function firstEndingAfter(segs: Segment[], offset: number): number {
  let lo = 0;
  let hi = segs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segs[mid]!.end > offset) hi = mid;
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
    if (segs[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

export interface DomPoint {
  node: Text;
  offset: number;
}

/** The DOM point of block offset `offset`, read as the start (`'start'`) or the end (`'end'`) of a range. */
function pointAt(block: Block, offset: number, side: 'start' | 'end'): DomPoint | undefined {
  const segs = block.segments;
  if (side === 'start') {
    const i = firstEndingAfter(segs, offset);
    if (i >= segs.length) return undefined;
    const s = segs[i];
    return { node: s!.node, offset: s!.nodeStart + Math.max(0, offset - s!.start) };
  }
  const i = lastStartingBefore(segs, offset);
  if (i < 0) return undefined;
  const s = segs[i];
  return { node: s!.node, offset: s!.nodeStart + Math.min(s!.end, offset) - s!.start };
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

export interface MappedSentence {
  analysis: number;
  sentence: number;
  level: Level;
  block: number;
  /** [start, end) inside the block's text (what the paint message said). */
  start: number;
  end: number;
  range: Range;
  /** The sentence as the page shows it (read before painting: the wrapper fallback splits nodes). */
  text: string;
}

/** Every painted sentence of an analysis, as live Ranges. Offsets are inside blocks (`s.b`); a sentence whose
 * block is gone (removed from the page meanwhile) or whose offsets no longer fit is skipped. */
export function rangesForPaint(blockOf: (id: number) => Block | undefined, paint: AnalysisPaint): MappedSentence[] {
  const out: MappedSentence[] = [];
  for (const s of paint.sentences) {
    const m = mapSentence(blockOf(s.b), paint.id, s);
    if (m) out.push(m);
  }
  return out;
}

export function mapSentence(block: Block | undefined, analysis: number, s: PaintedSentence): MappedSentence | undefined {
  if (!block || s.end > block.text.length) return undefined;
  const range = blockRange(block, s.start, s.end);
  return range ? { analysis, sentence: s.i, level: s.level, block: block.id, start: s.start, end: s.end, range, text: range.toString() } : undefined;
}
