/**
 * block-offsets — where a sentence of an analysis falls among the page's blocks. The background analyses the texts
 * of a page's blocks joined with BLOCK_SEPARATOR; `blockStarts` gives each block's start in that joined text and
 * `locate` turns [start, end) of the joined text back into a block id and offsets inside that block, which is what
 * the paint message carries. `textEdit` and `shiftSpan` follow a block whose text changed in place (the page layer
 * and the background apply them alike, so the highlights they keep agree). Pure.
 */
import { BLOCK_SEPARATOR } from '../messaging';

/** Start offset of each block in the joined text of an analysis (blocks in the order they were joined). */
export function blockStarts(blocks: readonly { text: string }[]): number[] {
  const starts: number[] = [];
  let pos = 0;
  for (const b of blocks) {
    starts.push(pos);
    pos += b.text.length + BLOCK_SEPARATOR.length;
  }
  return starts;
}

/** Which block of the analysis holds [start, end) of the joined text (its id, from `indices`), and the offsets
 * inside that block. `blocks` are the analysis' blocks in joined order; `starts` = blockStarts(blocks). Pure. */
export function locate(
  blocks: readonly { text: string }[],
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
    if (starts[mid]! <= start) lo = mid;
    else hi = mid - 1;
  }
  const block = indices[lo];
  const b = blocks[lo];
  if (!b || block === undefined) return undefined;
  const s = start - starts[lo]!;
  const e = Math.min(end - starts[lo]!, b.text.length);
  return s < b.text.length && e > s ? { block, start: s, end: e } : undefined;
}

/** How a block's text changed in place: characters before `from` and from `oldTo` (old) / `newTo` (new) on are the
 * same; the middle was rewritten. Identical texts give an empty middle at their end. Pure, linear in the length. */
export interface TextEdit {
  from: number;
  oldTo: number;
  newTo: number;
}

export function textEdit(old: string, next: string): TextEdit {
  const max = Math.min(old.length, next.length);
  let from = 0;
  while (from < max && old.charCodeAt(from) === next.charCodeAt(from)) from++;
  let tail = 0;
  while (tail < max - from && old.charCodeAt(old.length - 1 - tail) === next.charCodeAt(next.length - 1 - tail)) tail++;
  return { from, oldTo: old.length - tail, newTo: next.length - tail };
}

/** Where [start, end) of the old text is in the new one: unchanged before the edit, shifted after it, undefined when
 * it overlaps the rewritten middle (a sentence that changed is not the sentence that was scored). */
export function shiftSpan(start: number, end: number, edit: TextEdit): { start: number; end: number } | undefined {
  if (end <= edit.from) return { start, end };
  if (start >= edit.oldTo) return { start: start + edit.newTo - edit.oldTo, end: end + edit.newTo - edit.oldTo };
  return undefined;
}
