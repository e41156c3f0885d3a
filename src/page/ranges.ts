/**
 * ranges — engine offsets back to DOM Ranges.
 *
 * What: the background analyses the blocks' texts joined with BLOCK_SEPARATOR; a sentence comes back as offsets
 * inside its block (src/shared/block-offsets.ts `locate`); `blockRange` turns block offsets into a live `Range`
 * across as many Text nodes (and inline elements) as the sentence spans. `mapSentence` places one sentence
 * (`MappedSentence`) and `rangesForPaint` every sentence of an analysis.
 * Ranges only when needed: a MappedSentence keeps the two DOM points of its sentence and makes its `range` on first
 * use; `release()` lets it go (made again on the next use). Chromium updates every live Range of a document on each
 * of the page's DOM changes (one text change: 0.008 ms with no range, 0.7 ms with 6,000), so the painting layer
 * holds ranges only for the highlights it shows (lazy.ts), not for every flagged sentence of a long page. A point
 * past the end of its node (the page changed the text before the change watcher read it again) is clamped.
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

/** The DOM points of [start, end) of `block`'s text, or undefined when they cover no node text. */
function blockPoints(block: Block, start: number, end: number): [DomPoint, DomPoint] | undefined {
  if (end <= start) return undefined;
  const a = pointAt(block, start, 'start');
  const b = pointAt(block, end, 'end');
  if (!a || !b || (a.node === b.node && a.offset >= b.offset)) return undefined;
  return [a, b];
}

function rangeOf(a: DomPoint, b: DomPoint): Range {
  const range = a.node.ownerDocument.createRange();
  range.setStart(a.node, Math.min(a.offset, a.node.length));
  range.setEnd(b.node, Math.min(b.offset, b.node.length));
  return range;
}

/** A Range over [start, end) of `block`'s text, or undefined when it covers no node text. */
export function blockRange(block: Block, start: number, end: number): Range | undefined {
  const p = blockPoints(block, start, end);
  const range = p && rangeOf(p[0], p[1]);
  return range && !range.collapsed ? range : undefined;
}

/** One flagged sentence placed in the page: where it is, at which level; its Range made when first needed. */
export class MappedSentence {
  private made: Range | undefined;
  private readText: string | undefined;

  constructor(
    readonly analysis: number,
    readonly sentence: number,
    readonly level: Level,
    readonly block: number,
    /** [start, end) inside the block's text (what the paint message said). */
    readonly start: number,
    readonly end: number,
    private readonly from: DomPoint,
    private readonly to: DomPoint,
  ) {}

  /** The sentence's live Range (made now if it was not, or was released). */
  get range(): Range {
    return (this.made ??= rangeOf(this.from, this.to));
  }

  /** Whether the Range exists now (debug and tests). */
  get hasRange(): boolean {
    return this.made !== undefined;
  }

  /** The sentence as the page shows it; `keepText()` reads it before a painter changes the DOM (wrapper marks). */
  get text(): string {
    return this.readText ?? this.range.toString();
  }

  keepText(): void {
    this.readText ??= this.range.toString();
  }

  /** Let the Range go: a live Range costs every DOM change of its document. */
  release(): void {
    this.made = undefined;
  }
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

/** `s` placed in `block` (no Range is made yet), or undefined when the block is gone or the offsets do not fit. */
export function mapSentence(block: Block | undefined, analysis: number, s: PaintedSentence): MappedSentence | undefined {
  if (!block || s.end > block.text.length) return undefined;
  const p = blockPoints(block, s.start, s.end);
  return p ? new MappedSentence(analysis, s.i, s.level, block.id, s.start, s.end, p[0], p[1]) : undefined;
}
