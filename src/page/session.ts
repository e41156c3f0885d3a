/**
 * session — one lifetime of Mirage Lens on one page: read, paint, point at a passage, follow page changes, stop.
 *
 * What: `createSession(doc, options)` returns a Session whose methods answer the content-script messages of
 * src/messaging.ts (`extract`, `paint`, `scrollTo`, `stop`). Everything the session adds to the page (highlights,
 * stylesheets, legend, observers, timers) is registered here and taken away by `stop()`, which also runs when
 * `options.signal` aborts (the content script passes WXT's `ctx.signal`). After `stop()` the page's DOM is exactly as
 * before `createSession`, in the document, in same-origin frames and in open shadow roots
 * (tests/unit/page/session.test.ts and tests/e2e/real-pages.e2e.ts check it).
 * Speed (STYLE 9): reading and painting run in slices of `sliceMs` (default 8 ms) with the main thread given back
 * between slices (src/page/yield.ts); painting starts with the blocks on and near the screen, then goes down
 * the page, then paints what is above. On a page with many flagged sentences (more than EAGER_MAX_ITEMS) only the
 * blocks within two screens go into the highlight registry; the others follow as the reader scrolls
 * (src/page/lazy.ts); counts (`painted`) are always every mapped sentence. The stylesheet, and the
 * whole-document style recalculation it causes, come first in a task of their own; the legend comes last.
 * The answers to `extract` (every block's text) and the start of `paint` (a parsed message) get tasks of their own.
 * Operations run one after the other (a paint never interleaves a reading).
 * Blocks have ids that stay valid for the whole session (never reused): paint messages and change reports use them.
 * Watching: after the first paint, MutationObservers (document body, same-origin frames, open shadow roots) collect
 * changes; after `debounceMs` of quiet (at most `maxWaitMs` after the first change) the session drops the blocks
 * whose text nodes left the page or changed (their highlights go at once), reads only the added subtrees, and
 * reports `{ removed, added }` to `onChange`. More than `floodRecords` mutation records in one window are answered
 * with one full re-read instead (compared with the known blocks, so unchanged blocks keep their ids).
 * Limits: a moved block keeps its highlight (its text nodes did not change); cross-origin frames and closed shadow
 * roots are not read.
 */
import type { AnalysisPaint, BlockPayload, DebugResult, ExtractResult, PaintMessage, PaintResult, PaintedSentence, Scope } from '../messaging';
import {
  DEFAULT_SLICE_MS,
  blockElementOf,
  extractPageAsync,
  extractSelection,
  insideSkipped,
  type Block,
  type Extraction,
} from './extract';
import { createShower, NEAR_SCREENS, EAGER_MAX_ITEMS, viewportSpan, type ObserverCtor } from './lazy';
import { LEGEND_TAG, showLegend } from './legend';
import { createPainter, MARK_TAG, type HighlightApi, type Painter } from './painter';
import { mapSentence, type MappedSentence } from './ranges';
import { pageYielder, slicer, type Yielder } from './yield';

export interface PageChange {
  removed: number[];
  added: BlockPayload[];
  full: boolean;
}

export interface SessionOptions {
  signal?: AbortSignal;
  /** Force the painter (tests): null = wrapper fallback. */
  highlightApi?: HighlightApi | null;
  /** Use Readability for the main text (default true). */
  main?: boolean;
  /** Called (debounced) with the blocks removed and added after the first paint. */
  onChange?: (change: PageChange) => void;
  debounceMs?: number;
  maxWaitMs?: number;
  floodRecords?: number;
  yielder?: Yielder;
  sliceMs?: number;
  now?: () => number;
  /** IntersectionObserver for lazy painting (tests pass a fake); null = paint everything at once. Default: the
   * window's. */
  IntersectionObserver?: ObserverCtor | null;
  /** How the lazy painter waits for the next frame (src/page/lazy.ts); null = observe every element at once.
   * Default: the window's requestAnimationFrame. */
  nextFrame?: ((fn: () => void) => () => void) | null;
  /** Above this many items, paint lazily (src/page/lazy.ts). Default EAGER_MAX_ITEMS. */
  eagerMax?: number;
}

export interface Session {
  readonly active: boolean;
  readonly painter: Painter;
  /** The blocks currently known, by id order. */
  readonly blocks: readonly Block[];
  /** The painted sentences, in page order (block, then offset). */
  readonly painted: readonly MappedSentence[];
  extract(scope: Scope): Promise<ExtractResult>;
  paint(message: Omit<PaintMessage, 'type'>): Promise<PaintResult>;
  scrollTo(analysis: number, sentence: number): boolean;
  /** Handle pending page changes now instead of after the debounce (tests). */
  flush(): Promise<void>;
  debug(): Omit<DebugResult, 'sessions'>;
  stop(): Promise<void>;
}

/** Quiet time before page changes are handled: typing or a streaming update is one change, not fifty. */
export const DEFAULT_DEBOUNCE_MS = 400;
/** A page that never stops changing is still followed, at most this long after its first change. */
export const DEFAULT_MAX_WAIT_MS = 2000;
/** More mutation records than this in one window: one full re-read (Dark Reader's huge-mutation path). */
export const DEFAULT_FLOOD_RECORDS = 500;

function isOwnNode(n: Node): boolean {
  if (n.nodeType !== 1) return n.parentElement?.tagName.toLowerCase() === MARK_TAG;
  const tag = (n as Element).tagName.toLowerCase();
  return tag === MARK_TAG || tag === LEGEND_TAG || (tag === 'style' && (n as Element).hasAttribute('data-mirage-lens'));
}

function payload(b: Block): BlockPayload {
  return { id: b.id, text: b.text, lang: b.lang };
}

export function createSession(doc: Document, options: SessionOptions = {}): Session {
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  const now = options.now ?? (() => view?.performance?.now() ?? Date.now());
  const yielder = options.yielder ?? pageYielder((view ?? globalThis) as typeof globalThis);
  const sliceMs = options.sliceMs ?? DEFAULT_SLICE_MS;
  const painter = createPainter(doc, { highlightApi: options.highlightApi });
  const life = new AbortController();
  const cleanups: (() => void)[] = [];

  let active = true;
  let nextId = 0;
  const blocks = new Map<number, Block>();
  /** Text node -> id of the block it belongs to. */
  const nodeBlock = new Map<Text, number>();
  /** Block element -> ids of the blocks read from it. */
  const elementBlocks = new Map<Element, number[]>();
  /** Painted items per analysis id. */
  const items = new Map<number, MappedSentence[]>();
  let frames: Document[] = [];
  let shadows: ShadowRoot[] = [];
  let removeLegend: (() => void) | undefined;

  // ------------------------------------------------------------ one operation at a time
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = chain.then(fn, fn);
    chain = next.catch(() => undefined);
    return next;
  };
  const isActive = () => active;
  const newSlicer = () => slicer(yielder, sliceMs, now, isActive);

  // ------------------------------------------------------------ blocks
  const addBlock = (b: Block) => {
    blocks.set(b.id, b);
    for (const s of b.segments) nodeBlock.set(s.node, b.id);
    const list = elementBlocks.get(b.element);
    if (list) list.push(b.id);
    else elementBlocks.set(b.element, [b.id]);
    if (b.id >= nextId) nextId = b.id + 1;
  };
  const dropBlock = (id: number) => {
    const b = blocks.get(id);
    if (!b) return;
    blocks.delete(id);
    for (const s of b.segments) if (nodeBlock.get(s.node) === id) nodeBlock.delete(s.node);
    const list = elementBlocks.get(b.element)?.filter((x) => x !== id);
    if (list?.length) elementBlocks.set(b.element, list);
    else elementBlocks.delete(b.element);
  };
  const resetBlocks = () => {
    blocks.clear();
    nodeBlock.clear();
    elementBlocks.clear();
  };

  // ------------------------------------------------------------ painting helpers
  const allItems = () => [...items.values()].flat();
  const byBlock = (list: MappedSentence[]) => {
    const m = new Map<number, MappedSentence[]>();
    for (const it of list) {
      const l = m.get(it.block);
      if (l) l.push(it);
      else m.set(it.block, [it]);
    }
    return m;
  };

  /** Remove items a whole block at a time (the wrapper painter needs it), in slices. */
  const removeItems = async (list: MappedSentence[]) => {
    if (!list.length) return;
    if (painter.kind === 'highlight') {
      shower.remove(list);
      return;
    }
    const sl = newSlicer();
    for (const group of byBlock(list).values()) {
      shower.remove(group);
      await sl.maybeYield();
    }
  };

  /** Block ids in painting order: from the first block near the screen downwards, then the blocks above it; and,
   * when `lazy`, which of them are on or near the screen now (NEAR_SCREENS above and below; read from the layout
   * before anything is painted, so that no paint forces a style recalculation in the middle of the loop). */
  const paintOrder = (ids: number[], lazy: boolean): { order: number[]; near: Set<number> } => {
    ids.sort((a, b) => a - b);
    const vh = view?.innerHeight ?? 0;
    if (!ids.length || !vh) return { order: ids, near: new Set(ids) };
    const margin = NEAR_SCREENS * vh;
    const span = (id: number) => {
      const el = blocks.get(id)?.element;
      return el?.isConnected ? viewportSpan(el) : { top: Infinity, bottom: Infinity };
    };
    let lo = 0;
    let hi = ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (span(ids[mid]).bottom < -margin) lo = mid + 1;
      else hi = mid;
    }
    const order = [...ids.slice(lo), ...ids.slice(0, lo).reverse()];
    const near = new Set<number>();
    if (lazy) {
      // blocks follow each other down the page: the near ones are a run from the first one (a layout that breaks
      // the order is put right by the observer one frame later)
      for (let i = lo; i < ids.length; i++) {
        const s = span(ids[i]);
        if (s.top > vh + margin || s.bottom < -margin) break;
        near.add(ids[i]);
      }
    }
    return { order, near };
  };

  // ------------------------------------------------------------ watching
  const observers = new Map<Node, MutationObserver>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstPending = 0;
  let pendingCount = 0;
  let flood = false;
  const pendingAdded = new Set<Node>();
  const pendingChanged = new Set<Node>();
  let pendingRemoved = false;

  const clearPending = () => {
    pendingAdded.clear();
    pendingChanged.clear();
    pendingRemoved = false;
    pendingCount = 0;
    flood = false;
    firstPending = 0;
  };

  const collect = (records: MutationRecord[]) => {
    let relevant = false;
    for (const r of records) {
      if (r.type === 'characterData') {
        if (isOwnNode(r.target)) continue;
        relevant = true;
        if (!flood) pendingChanged.add(r.target);
        continue;
      }
      for (const n of r.addedNodes) {
        if (isOwnNode(n)) continue;
        relevant = true;
        if (!flood) pendingAdded.add(n);
      }
      for (const n of r.removedNodes) {
        if (isOwnNode(n)) continue;
        relevant = true;
        pendingRemoved = true;
      }
    }
    if (!relevant) return;
    pendingCount += records.length;
    if (!flood && pendingCount > (options.floodRecords ?? DEFAULT_FLOOD_RECORDS)) {
      flood = true;
      pendingAdded.clear();
      pendingChanged.clear();
    }
    const t = now();
    if (!firstPending) firstPending = t;
    if (timer !== undefined) clearTimeout(timer);
    const wait = Math.max(0, Math.min(options.debounceMs ?? DEFAULT_DEBOUNCE_MS, firstPending + (options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS) - t));
    timer = setTimeout(() => {
      timer = undefined;
      void session.flush();
    }, wait);
  };

  const observe = (target: Node) => {
    const View = (target.ownerDocument?.defaultView ?? view) as (Window & typeof globalThis) | null;
    if (observers.has(target) || !View?.MutationObserver) return;
    const o = new View.MutationObserver(collect);
    o.observe(target, { childList: true, subtree: true, characterData: true });
    observers.set(target, o);
  };

  const startWatching = () => {
    if (!options.onChange || !active || !doc.body) return;
    observe(doc.body);
    for (const f of frames) if (f.body) observe(f.body);
    for (const s of shadows) observe(s);
  };

  const stopWatching = () => {
    for (const o of observers.values()) o.disconnect();
    observers.clear();
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    clearPending();
  };

  /** Run a change of our own without the observers seeing it: records already queued are the page's and are
   * collected first; every record queued during `fn` is ours (JS is single-threaded). */
  const quietly = <T>(fn: () => T): T => {
    for (const o of observers.values()) {
      const before = o.takeRecords();
      if (before.length) collect(before);
    }
    try {
      return fn();
    } finally {
      for (const o of observers.values()) o.takeRecords();
    }
  };

  const shower = createShower({
    painter,
    run: quietly,
    Observer: options.IntersectionObserver === null ? undefined : (options.IntersectionObserver ?? (view as unknown as { IntersectionObserver?: ObserverCtor } | null)?.IntersectionObserver),
    nextFrame: options.nextFrame === null ? undefined : options.nextFrame ?? (view && typeof view.requestAnimationFrame === 'function'
      ? (fn) => {
          const id = view.requestAnimationFrame(() => fn());
          return () => view.cancelAnimationFrame(id);
        }
      : undefined),
  });

  const remember = (ex: Extraction) => {
    for (const f of ex.frames) if (!frames.includes(f)) frames.push(f);
    for (const s of ex.shadows) if (!shadows.includes(s)) shadows.push(s);
  };

  /** Drop blocks and their highlights; answers the analyses that lost items. */
  const forget = async (ids: number[]) => {
    if (!ids.length) return;
    const gone = new Set(ids);
    const lost: MappedSentence[] = [];
    for (const [a, list] of items) {
      const keep = list.filter((it) => !gone.has(it.block));
      if (keep.length !== list.length) {
        lost.push(...list.filter((it) => gone.has(it.block)));
        items.set(a, keep);
      }
    }
    await removeItems(lost);
    for (const id of ids) dropBlock(id);
  };

  const handleChanges = async (): Promise<PageChange | undefined> => {
    const wasFlood = flood;
    const added = [...pendingAdded];
    const changed = [...pendingChanged];
    const anyRemoved = pendingRemoved;
    clearPending();
    if (!active) return undefined;

    if (wasFlood) {
      // one full re-read, compared with what is known: unchanged blocks keep their ids
      const ex = await extractPageAsync(doc, { main: options.main, firstId: nextId, yielder, sliceMs, signal: life.signal, now });
      if (!active) return undefined;
      remember(ex);
      const sig = (b: Block) => `${b.text}\u0000${b.segments.length}`;
      const known = new Map<Text, Block>();
      for (const b of blocks.values()) if (b.segments[0]) known.set(b.segments[0].node, b);
      const kept = new Set<number>();
      const fresh: Block[] = [];
      for (const b of ex.blocks) {
        const old = b.segments[0] && known.get(b.segments[0].node);
        if (old && sig(old) === sig(b) && old.segments.every((s, i) => s.node === b.segments[i].node && s.nodeStart === b.segments[i].nodeStart)) kept.add(old.id);
        else fresh.push(b);
      }
      const removed = [...blocks.keys()].filter((id) => !kept.has(id));
      await forget(removed);
      for (const b of fresh) addBlock(b);
      startWatching();
      return { removed, added: fresh.map(payload), full: true };
    }

    // 1. blocks whose text nodes left the page or changed
    const dirty = new Set<number>();
    if (anyRemoved || changed.length) {
      for (const b of blocks.values()) {
        if (b.segments.some((s) => !s.node.isConnected)) dirty.add(b.id);
      }
    }
    for (const n of changed) {
      const id = nodeBlock.get(n as Text);
      if (id !== undefined) dirty.add(id);
      else if (n.isConnected) added.push(n);
    }
    // 2. added nodes inside a known block make it dirty; the others are new roots to read
    const roots = new Set<Node>();
    for (const n of added) {
      if (!n.isConnected || insideSkipped(n.parentNode ?? n)) continue;
      const el = blockElementOf(n);
      const owners = el ? elementBlocks.get(el) : undefined;
      if (owners?.length) owners.forEach((id) => dirty.add(id));
      else roots.add(n);
    }
    // dirty blocks are read again from their element (when it is still on the page)
    for (const id of dirty) {
      const el = blocks.get(id)?.element;
      if (el?.isConnected) roots.add(el);
    }
    const removed = [...dirty];
    await forget(removed);
    // only outermost roots, in document order
    const list = [...roots].filter((r) => r.isConnected && ![...roots].some((o) => o !== r && o.contains(r)));
    list.sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1));
    let fresh: Block[] = [];
    if (list.length) {
      const ex = await extractPageAsync(doc, {
        roots: list, firstId: nextId, yielder, sliceMs, signal: life.signal, now,
        skipText: (t) => nodeBlock.has(t),
      });
      if (!active) return undefined;
      remember(ex);
      fresh = ex.blocks;
      for (const b of fresh) addBlock(b);
      startWatching();
    }
    if (!removed.length && !fresh.length) return undefined;
    return { removed, added: fresh.map(payload), full: false };
  };

  // ------------------------------------------------------------ the session
  const session: Session = {
    get active() {
      return active;
    },
    painter,
    get blocks() {
      return [...blocks.values()].sort((a, b) => a.id - b.id);
    },
    get painted() {
      return allItems().sort((a, b) => a.block - b.block || a.sentence - b.sentence);
    },

    extract(scope) {
      return serial(async () => {
        if (!active) return { ok: false as const, code: 'engine' as const, error: 'session stopped' };
        const t0 = now();
        const old = allItems();
        items.clear();
        await removeItems(old); // wrapper marks must not be read as page text
        resetBlocks();
        if ((doc as Document & { contentType?: string }).contentType === 'application/pdf') return { ok: false as const, code: 'no-access' as const };
        let read: Block[];
        if (scope === 'selection') {
          const sel = doc.getSelection?.();
          const range = sel && sel.rangeCount > 0 && !sel.isCollapsed ? sel.getRangeAt(0) : undefined;
          if (!range) return { ok: false as const, code: 'no-selection' as const };
          read = extractSelection(range, { firstId: nextId });
        } else {
          const ex = await extractPageAsync(doc, { main: options.main, firstId: nextId, yielder, sliceMs, signal: life.signal, now });
          if (!active) return { ok: false as const, code: 'engine' as const, error: 'session stopped' };
          frames = [];
          shadows = [];
          remember(ex);
          read = ex.blocks;
        }
        // the blocks are indexed in slices, and the answer (every block's text, serialised by the browser in the
        // task that sends it) leaves in a task of its own, not at the end of a reading slice
        const sl = newSlicer();
        await yielder();
        sl.reset();
        for (const b of read) {
          addBlock(b);
          if (!(await sl.maybeYield())) return { ok: false as const, code: 'engine' as const, error: 'session stopped' };
        }
        if (!read.length) return { ok: false as const, code: scope === 'selection' ? ('no-selection' as const) : ('no-text' as const) };
        const blocksOut = read.map(payload);
        await yielder();
        if (!active) return { ok: false as const, code: 'engine' as const, error: 'session stopped' };
        return { ok: true as const, blocks: blocksOut, ms: now() - t0 };
      });
    },

    paint(message) {
      return serial(async (): Promise<PaintResult> => {
        if (!active) return { ok: false, error: 'session stopped' };
        const t0 = now();
        // the message (every flagged sentence) was parsed in this task: paint from the next one
        await yielder();
        if (!active) return { ok: false, error: 'session stopped' };
        // 1. take away what is replaced
        if (message.mode === 'all') {
          const old = allItems();
          items.clear();
          await removeItems(old);
        } else {
          for (const id of [...message.analyses.map((a) => a.id), ...message.drop]) {
            const old = items.get(id) ?? [];
            items.delete(id);
            await removeItems(old);
          }
        }
        // 2. add the new sentences, a block at a time, visible part first
        const todo = new Map<number, { a: AnalysisPaint; s: PaintedSentence }[]>();
        for (const a of message.analyses) {
          items.set(a.id, []);
          for (const s of a.sentences) {
            const l = todo.get(s.b);
            if (l) l.push({ a, s });
            else todo.set(s.b, [{ a, s }]);
          }
        }
        // many items: only what is near the screen is painted now, the rest as the reader scrolls (lazy.ts)
        let total = 0;
        for (const list of items.values()) total += list.length;
        for (const a of message.analyses) total += a.sentences.length;
        shower.setLazy(total > (options.eagerMax ?? EAGER_MAX_ITEMS));
        // the stylesheet first, and the style recalculation it causes (every element of the document) now, in a
        // task of its own, rather than in the frame that also paints the first highlights
        if (todo.size && !painter.styles && doc.body) {
          quietly(() => painter.prepare(doc.body!));
          void view?.getComputedStyle?.(doc.body).color;
          await yielder();
          if (!active) return { ok: false, error: 'session stopped' };
        }
        const { order, near } = paintOrder([...todo.keys()], shower.lazy);
        const sl = newSlicer();
        for (const id of order) {
          const block = blocks.get(id);
          if (!block) continue; // removed meanwhile
          const batch: MappedSentence[] = [];
          for (const { a, s } of todo.get(id)!) {
            const m = mapSentence(block, a.id, s);
            if (m) batch.push(m);
          }
          shower.add(block.element, batch, near.has(id));
          for (const m of batch) items.get(m.analysis)!.push(m);
          if (!(await sl.maybeYield())) return { ok: false, error: 'session stopped' };
        }
        await yielder();
        if (!active) return { ok: false, error: 'session stopped' };
        quietly(() => {
          removeLegend?.();
          removeLegend = message.legend ? showLegend(doc, message.legend) : undefined;
        });
        startWatching();
        return { ok: true, painted: allItems().length, ms: now() - t0 };
      });
    },

    scrollTo(analysis, sentence) {
      const it = items.get(analysis)?.find((p) => p.sentence === sentence);
      if (!it) return false;
      shower.reveal(it); // off the screen and not painted yet: painted now, before the focus mark
      return quietly(() => painter.focus(it));
    },

    flush() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      return serial(async () => {
        const change = await handleChanges();
        if (change && active) options.onChange?.(change);
      });
    },

    debug() {
      return {
        observers: observers.size + (shower.observed ? 1 : 0),
        timers: (timer === undefined ? 0 : 1) + (shower.scheduled ? 1 : 0),
        blocks: blocks.size,
        items: painter.size,
        styles: painter.styles,
      };
    },

    stop() {
      if (!active) return Promise.resolve();
      active = false;
      life.abort();
      stopWatching();
      removeLegend?.();
      removeLegend = undefined;
      shower.dispose();
      const finish = () => {
        painter.dispose();
        for (const c of cleanups.splice(0).reverse()) c();
        items.clear();
        resetBlocks();
        frames = [];
        shadows = [];
      };
      if (painter.kind === 'highlight') {
        finish();
        return Promise.resolve();
      }
      // wrapper marks: put the text back a block at a time, giving the page its thread between slices
      const old = allItems();
      items.clear();
      return (async () => {
        const sl = slicer(yielder, sliceMs, now);
        for (const group of byBlock(old).values()) {
          painter.remove(group);
          await sl.maybeYield();
        }
        finish();
      })();
    },
  };

  if (options.signal) {
    if (options.signal.aborted) void session.stop();
    else {
      const onAbort = () => void session.stop();
      options.signal.addEventListener('abort', onAbort, { once: true });
      cleanups.push(() => options.signal?.removeEventListener('abort', onAbort));
    }
  }
  return session;
}
