/**
 * changes — turn the page changes a watcher collected into blocks removed and added, keeping every unchanged block
 * (and its id and highlights).
 *
 * `readChanges(deps, pending)`: after a flood, one full re-read compared with the known blocks (a block whose text
 * nodes and offsets are the same keeps its id); otherwise the blocks whose text nodes left the page or changed are
 * dropped (their highlights go at once) and read again from their element, and only the added subtrees are read.
 * Answers `{ removed, added, full }`, or undefined when nothing concerns the text.
 */
import type { BlockPayload } from '../messaging';
import type { BlockIndex } from './block-index';
import { blockElementOf, extractPageAsync, insideSkipped, type Block, type Extraction, type SlicedExtractOptions } from './extract';
import type { PendingChanges } from './watcher';

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

export async function readChanges(d: ChangeDeps, p: PendingChanges): Promise<PageChange | undefined> {
  if (!d.isActive()) return undefined;
  if (p.flood) return reread(d);
  const { dirty, roots } = dirtyAndRoots(d, p);
  const removed = [...dirty];
  await d.forget(removed);
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
    for (const b of fresh) d.index.add(b);
  }
  if (!removed.length && !fresh.length) return undefined;
  return { removed, added: fresh.map(payload), full: false };
}
