/**
 * changes — turn the page changes a watcher collected into blocks removed and added, keeping every unchanged block
 * (and its id and highlights).
 *
 * `readChanges(deps, pending)`: after a flood, one full re-read compared with the known blocks (a block whose text
 * nodes and offsets are the same keeps its id); otherwise the blocks whose text nodes left the page or changed are
 * read again from their element, and only the added subtrees are read. A block read again from the same element (one
 * block before, one after) keeps its id: when its text is the same (a script replaced its nodes with the same words:
 * a ticker that says the same thing, a framework re-rendering) nothing is reported and its highlights move to the new
 * nodes; when its text changed, its highlights outside the rewritten part stay (block-offsets.ts `shiftSpan`, as the
 * background does) and it is reported in `added` under its id, a change in place. Other dirty blocks are removed
 * (their highlights go at once). Answers `{ removed, added, full }`, or undefined when no text changed.
 */
import type { BlockPayload } from '../messaging';
import { shiftSpan, textEdit } from '../shared/block-offsets';
import type { BlockIndex } from './block-index';
import { blockElementOf, extractPageAsync, insideSkipped, type Block, type Extraction, type SlicedExtractOptions } from './extract';
import type { MappedSentence } from './ranges';
import type { PendingChanges } from './watcher';

type Kept = Pick<MappedSentence, 'analysis' | 'sentence' | 'level' | 'start' | 'end'>;

export interface PageChange {
  removed: number[];
  added: BlockPayload[];
  full: boolean;
}

export interface ChangeDeps {
  doc: Document;
  index: BlockIndex;
  isActive: () => boolean;
  /** Extraction options of the session (yielder, slice, signal, clock, Readability on/off). */
  extractOptions: () => SlicedExtractOptions;
  /** Drop blocks and their highlights. */
  forget: (ids: readonly number[]) => Promise<void>;
  /** The painted sentences of a block, and painting them again on a block read anew (painting.ts). */
  itemsOf: (id: number) => readonly Kept[];
  rebind: (block: Block, kept: readonly Kept[]) => void;
  /** Note the frames and shadow roots an extraction went through, and watch them. */
  remember: (ex: Extraction) => void;
}

export function payload(b: Block): BlockPayload {
  return { id: b.id, text: b.text, lang: b.lang };
}

/** One full re-read, compared with what is known: unchanged blocks keep their ids. */
async function reread(d: ChangeDeps): Promise<PageChange | undefined> {
  const ex = await extractPageAsync(d.doc, { ...d.extractOptions(), firstId: d.index.nextId });
  if (!d.isActive()) return undefined;
  d.remember(ex);
  const sig = (b: Block) => `${b.text}\u0000${b.segments.length}`;
  const known = new Map<Text, Block>();
  for (const b of d.index.values()) if (b.segments[0]) known.set(b.segments[0].node, b);
  const kept = new Set<number>();
  const fresh: Block[] = [];
  for (const b of ex.blocks) {
    const old = b.segments[0] && known.get(b.segments[0].node);
    const same = old && sig(old) === sig(b) && old.segments.every((s, i) => s.node === b.segments[i]?.node && s.nodeStart === b.segments[i]?.nodeStart);
    if (old && same) kept.add(old.id);
    else fresh.push(b);
  }
  const removed = d.index.ids().filter((id) => !kept.has(id));
  await d.forget(removed);
  for (const b of fresh) d.index.add(b);
  return { removed, added: fresh.map(payload), full: true };
}

/** Blocks whose text nodes left the page or changed, and the new roots to read. */
function dirtyAndRoots(d: ChangeDeps, p: PendingChanges): { dirty: Set<number>; roots: Set<Node> } {
  const dirty = new Set<number>();
  const added = [...p.added];
  if (p.anyRemoved || p.changed.length) {
    for (const b of d.index.values()) if (b.segments.some((s) => !s.node.isConnected)) dirty.add(b.id);
  }
  for (const n of p.changed) {
    const id = d.index.blockOf(n as Text);
    if (id !== undefined) dirty.add(id);
    else if (n.isConnected) added.push(n);
  }
  // added nodes inside a known block make it dirty; the others are new roots to read
  const roots = new Set<Node>();
  for (const n of added) {
    if (!n.isConnected || insideSkipped(n.parentNode ?? n)) continue;
    const el = blockElementOf(n);
    const owners = el ? d.index.readFrom(el) : undefined;
    if (owners?.length) owners.forEach((id) => dirty.add(id));
    else roots.add(n);
  }
  // dirty blocks are read again from their element (when it is still on the page)
  for (const id of dirty) {
    const el = d.index.get(id)?.element;
    if (el?.isConnected) roots.add(el);
  }
  return { dirty, roots };
}

/** The dirty blocks read again: a fresh block from the same element as exactly one dirty block takes its id and
 * its highlights (moved past the edit); answers which were changed in place and which are gone. */
function carryOver(d: ChangeDeps, old: Map<number, { block: Block; kept: readonly Kept[] }>, fresh: Block[]): { changed: Block[]; gone: number[] } {
  const count = <T>(list: Iterable<T>, key: (x: T) => Element) => {
    const m = new Map<Element, number>();
    for (const x of list) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
    return m;
  };
  const oldPer = count(old.values(), (o) => o.block.element);
  const freshPer = count(fresh, (b) => b.element);
  const byElement = new Map([...old.values()].map((o) => [o.block.element, o]));
  const changed: Block[] = [];
  const matched = new Set<number>();
  for (const b of fresh) {
    const o = oldPer.get(b.element) === 1 && freshPer.get(b.element) === 1 ? byElement.get(b.element) : undefined;
    if (!o) continue;
    b.id = o.block.id;
    matched.add(b.id);
    const edit = textEdit(o.block.text, b.text);
    const kept: Kept[] = [];
    for (const k of o.kept) {
      const at = shiftSpan(k.start, k.end, edit);
      if (at) kept.push({ ...k, ...at });
    }
    d.index.add(b);
    d.rebind(b, kept);
    if (o.block.text !== b.text) changed.push(b);
  }
  return { changed, gone: [...old.keys()].filter((id) => !matched.has(id)) };
}

export async function readChanges(d: ChangeDeps, p: PendingChanges): Promise<PageChange | undefined> {
  if (!d.isActive()) return undefined;
  if (p.flood) return reread(d);
  const { dirty, roots } = dirtyAndRoots(d, p);
  const old = new Map<number, { block: Block; kept: readonly Kept[] }>();
  for (const id of dirty) {
    const block = d.index.get(id);
    if (block) old.set(id, { block, kept: d.itemsOf(id) });
  }
  await d.forget([...dirty]);
  // only outermost roots, in document order
  const list = [...roots].filter((r) => r.isConnected && ![...roots].some((o) => o !== r && o.contains(r)));
  list.sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1));
  let fresh: Block[] = [];
  if (list.length) {
    const { main: _main, ...options } = d.extractOptions();
    const ex = await extractPageAsync(d.doc, { ...options, roots: list, firstId: d.index.nextId, skipText: (t) => d.index.blockOf(t) !== undefined });
    if (!d.isActive()) return undefined;
    d.remember(ex);
    fresh = ex.blocks;
  }
  const { changed, gone } = carryOver(d, old, fresh);
  const added = fresh.filter((b) => !old.has(b.id));
  for (const b of added) d.index.add(b);
  if (!gone.length && !changed.length && !added.length) return undefined;
  return { removed: gone, added: [...changed, ...added].sort((a, b) => a.id - b.id).map(payload), full: false };
}
