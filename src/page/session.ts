/**
 * session — one lifetime of Mirage Lens on one page: read, paint, point at a passage, follow page changes, stop.
 *
 * What: `createSession(doc, options)` returns a Session whose methods answer the content-script messages of
 * src/messaging.ts (`extract`, `paint`, `scrollTo`, `stop`). It wires four parts, one job each:
 * - the block index (block-index.ts): the blocks read, by id (ids stay valid for the whole session, never reused);
 * - painting (painting.ts): highlights, lazy painting, the legend;
 * - the change watcher (watcher.ts) and `readChanges` (changes.ts): after the first paint, page changes become
 *   blocks removed and added, reported (debounced) to `onChange`;
 * - the lifetime (lifetime.ts): one list of teardowns. Everything the session adds to the page (highlights,
 *   stylesheets, legend, observers, timers) is registered there and taken away by `stop()`, which also runs when
 *   `options.signal` aborts (the content script passes WXT's `ctx.signal`). After `stop()` the page's DOM is exactly
 *   as before `createSession`, in the document, in same-origin frames and in open shadow roots
 *   (tests/unit/page/session.test.ts and tests/e2e/real-pages.e2e.ts check it).
 * Speed (STYLE 9): reading and painting run in slices of `sliceMs` (default 8 ms) with the main thread given back
 * between slices (yield.ts); the answers to `extract` (every block's text) and the start of `paint` (a parsed
 * message) get tasks of their own. Operations run one after the other (a paint never interleaves a reading). The
 * answer to `extract` names the blocks on or near the screen (`near`), which the background may score and paint
 * before the rest of a long page; a `paint` replaces highlights block by block, those on and near the screen first.
 * Limits: a moved block keeps its highlight (its text nodes did not change); cross-origin frames and closed shadow
 * roots are not read.
 */
import type { DebugResult, ExtractResult, PaintMessage, PaintResult, Scope } from '../messaging';
import { BlockIndex } from './block-index';
import { payload, readChanges, type PageChange } from './changes';
import { DEFAULT_SLICE_MS, extractPageAsync, extractSelection, type Block, type Extraction, type SlicedExtractOptions } from './extract';
import type { ObserverCtor } from './lazy';
import { LEGEND_TAG } from './legend';
import { Lifetime } from './lifetime';
import { createPainter, MARK_TAG, type HighlightApi, type Painter } from './painter';
import { Highlights } from './painting';
import type { MappedSentence } from './ranges';
import { ChangeWatcher } from './watcher';
import { pageYielder, slicer, type Yielder } from './yield';

export type { PageChange } from './changes';
export { DEFAULT_DEBOUNCE_MS, DEFAULT_FLOOD_RECORDS, DEFAULT_MAX_WAIT_MS } from './watcher';

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
  /** How the lazy painter waits for the next frame (lazy.ts); null = observe every element at once. Default: the
   * window's requestAnimationFrame. */
  nextFrame?: ((fn: () => void) => () => void) | null;
  /** Above this many items, paint lazily (lazy.ts). Default EAGER_MAX_ITEMS. */
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

function isOwnNode(n: Node): boolean {
  if (n.nodeType !== 1) return n.parentElement?.tagName.toLowerCase() === MARK_TAG;
  const tag = (n as Element).tagName.toLowerCase();
  return tag === MARK_TAG || tag === LEGEND_TAG || (tag === 'style' && (n as Element).hasAttribute('data-mirage-lens'));
}

const STOPPED = { ok: false as const, code: 'engine' as const, error: 'session stopped' };

class PageSession implements Session {
  readonly painter: Painter;
  private readonly life = new Lifetime();
  private readonly index = new BlockIndex();
  private readonly watcher: ChangeWatcher;
  private readonly highlights: Highlights;
  private readonly view: (Window & typeof globalThis) | null;
  private readonly now: () => number;
  private readonly yielder: Yielder;
  private readonly sliceMs: number;
  private frames: Document[] = [];
  private shadows: ShadowRoot[] = [];
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly doc: Document, private readonly o: SessionOptions) {
    this.view = doc.defaultView;
    this.now = o.now ?? (() => this.view?.performance?.now() ?? Date.now());
    this.yielder = o.yielder ?? pageYielder((this.view ?? globalThis));
    this.sliceMs = o.sliceMs ?? DEFAULT_SLICE_MS;
    this.painter = createPainter(doc, { highlightApi: o.highlightApi });
    this.watcher = new ChangeWatcher({ view: this.view, now: this.now, isOwn: isOwnNode, onDue: () => void this.flush(), debounceMs: o.debounceMs, maxWaitMs: o.maxWaitMs, floodRecords: o.floodRecords });
    this.highlights = new Highlights({
      doc, view: this.view, painter: this.painter, index: this.index, yielder: this.yielder,
      newSlicer: () => slicer(this.yielder, this.sliceMs, this.now, () => this.active),
      isActive: () => this.active, quietly: (fn) => this.watcher.quietly(fn),
      IntersectionObserver: o.IntersectionObserver, nextFrame: o.nextFrame, eagerMax: o.eagerMax,
    });
    // one list of teardowns, run newest first: watching, then highlights (slice by slice for wrapper marks), then
    // the painter's stylesheets and what the session knows
    this.life.add(() => {
      this.index.reset();
      this.frames = [];
      this.shadows = [];
    });
    this.life.add(() => this.painter.dispose());
    this.life.add(() => this.highlights.drain(this.sliceMs, this.now));
    this.life.add(() => this.watcher.stop());
    this.life.follow(o.signal);
  }

  get active(): boolean {
    return this.life.active;
  }

  get blocks(): readonly Block[] {
    return this.index.sorted();
  }

  get painted(): readonly MappedSentence[] {
    return this.highlights.painted();
  }

  /** One operation at a time. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.chain.then(fn, fn);
    this.chain = next.catch(() => undefined);
    return next;
  }

  private extractOptions(): SlicedExtractOptions {
    return { main: this.o.main, yielder: this.yielder, sliceMs: this.sliceMs, signal: this.life.signal, now: this.now };
  }

  private startWatching(): void {
    if (!this.o.onChange || !this.active || !this.doc.body) return;
    this.watcher.forgetDetached();
    this.watcher.observeRoot(this.doc);
    this.watcher.observe(this.doc.body);
    for (const f of this.frames) if (f.body) this.watcher.observe(f.body);
    for (const s of this.shadows) this.watcher.observe(s);
  }

  private remember(ex: Extraction): void {
    for (const f of ex.frames) if (!this.frames.includes(f)) this.frames.push(f);
    for (const s of ex.shadows) if (!this.shadows.includes(s)) this.shadows.push(s);
  }

  private async read(scope: Scope): Promise<Block[] | Exclude<ExtractResult, { ok: true }>> {
    if (scope === 'selection') {
      const sel = this.doc.getSelection?.();
      const range = sel && sel.rangeCount > 0 && !sel.isCollapsed ? sel.getRangeAt(0) : undefined;
      if (!range) return { ok: false, code: 'no-selection' };
      return extractSelection(range, { firstId: this.index.nextId });
    }
    const ex = await extractPageAsync(this.doc, { ...this.extractOptions(), firstId: this.index.nextId });
    if (!this.active) return STOPPED;
    this.frames = [];
    this.shadows = [];
    this.remember(ex);
    return ex.blocks;
  }

  extract(scope: Scope): Promise<ExtractResult> {
    return this.serial(async (): Promise<ExtractResult> => {
      if (!this.active) return STOPPED;
      const t0 = this.now();
      await this.highlights.clear(); // wrapper marks must not be read as page text
      this.index.reset();
      if ((this.doc as Document & { contentType?: string }).contentType === 'application/pdf') return { ok: false, code: 'no-access' };
      const read = await this.read(scope);
      if (!Array.isArray(read)) return read;
      // the blocks are indexed in slices, and the answer (every block's text, serialised by the browser in the task
      // that sends it) leaves in a task of its own, not at the end of a reading slice
      const sl = slicer(this.yielder, this.sliceMs, this.now, () => this.active);
      await this.yielder();
      sl.reset();
      for (const b of read) {
        this.index.add(b);
        if (!(await sl.maybeYield())) return STOPPED;
      }
      if (!read.length) return { ok: false, code: scope === 'selection' ? 'no-selection' : 'no-text' };
      const blocks = read.map(payload);
      const near = scope === 'page' ? this.highlights.nearBlocks() : [];
      await this.yielder();
      if (!this.active) return STOPPED;
      return { ok: true, blocks, ms: this.now() - t0, near };
    });
  }

  paint(message: Omit<PaintMessage, 'type'>): Promise<PaintResult> {
    return this.serial(async () => {
      if (!this.active) return { ok: false, error: 'session stopped' };
      const r = await this.highlights.paint(message, this.now);
      if (r.ok) this.startWatching();
      return r;
    });
  }

  scrollTo(analysis: number, sentence: number): boolean {
    return this.highlights.scrollTo(analysis, sentence);
  }

  flush(): Promise<void> {
    this.watcher.cancelTimer();
    return this.serial(async () => {
      const change = await readChanges({
        doc: this.doc, index: this.index, isActive: () => this.active, extractOptions: () => this.extractOptions(),
        forget: (ids) => this.highlights.forget(ids),
        itemsOf: (id) => this.highlights.itemsOf(id),
        rebind: (block, kept) => this.highlights.rebind(block, kept),
        remember: (ex) => {
          this.remember(ex);
          this.startWatching();
        },
      }, this.watcher.take());
      if (change && this.active) this.o.onChange?.(change);
    });
  }

  debug(): Omit<DebugResult, 'sessions'> {
    const shower = this.highlights.shower;
    return {
      observers: this.watcher.observing + (shower.observed ? 1 : 0),
      timers: (this.watcher.scheduled ? 1 : 0) + (shower.scheduled ? 1 : 0),
      blocks: this.index.size,
      items: this.painter.size,
      styles: this.painter.styles,
    };
  }

  stop(): Promise<void> {
    return this.life.end();
  }
}

export function createSession(doc: Document, options: SessionOptions = {}): Session {
  return new PageSession(doc, options);
}
