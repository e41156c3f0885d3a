/**
 * painting — what a page session shows: the painted sentences of each analysis, the lazy shower, the legend.
 *
 * `new Highlights(deps)`; `paint(message)` replaces the analyses it names (or all of them), maps each sentence to a
 * DOM range inside its block (ranges.ts) and paints the blocks on and near the screen first, then down the page,
 * then above it, in slices with the main thread given back between them (yield.ts). On a page with many flagged
 * sentences (more than `eagerMax`) only blocks within NEAR_SCREENS screens go into the highlight registry; the
 * others follow as the reader scrolls (lazy.ts). The stylesheet, and the whole-document style recalculation it
 * causes, come first in a task of their own; the legend comes last. `forget(ids)` drops blocks and their
 * highlights (page changes); `itemsOf(id)` and `rebind(block, kept)` carry a block's highlights over to its text
 * read again (a block whose nodes were replaced, or whose text changed elsewhere); `scrollTo` points at one sentence; `drain()` takes every highlight away (slice by slice
 * for wrapper marks).
 */
import type { AnalysisPaint, LegendPayload, PaintMessage, PaintResult, PaintedSentence } from '../messaging';
import type { BlockIndex } from './block-index';
import type { Block } from './extract';
import { createShower, EAGER_MAX_ITEMS, nearRun, viewportSpan, type ObserverCtor, type Shower } from './lazy';
import { showLegend } from './legend';
import type { Painter } from './painter';
import { mapSentence, type MappedSentence } from './ranges';
import { slicer, type Slicer, type Yielder } from './yield';

export interface HighlightsDeps {
  doc: Document;
  view: (Window & typeof globalThis) | null;
  painter: Painter;
  index: BlockIndex;
  yielder: Yielder;
  /** A slicer bound to the session's lifetime (stops when the session does). */
  newSlicer: () => Slicer;
  isActive: () => boolean;
  /** The watcher's `quietly`: changes of our own that the page's observers must not see. */
  quietly: <T>(fn: () => T) => T;
  IntersectionObserver?: ObserverCtor | null;
  nextFrame?: ((fn: () => void) => () => void) | null;
  eagerMax?: number;
}

const STOPPED: PaintResult = { ok: false, error: 'session stopped' };

function byBlock(list: readonly MappedSentence[]): Map<number, MappedSentence[]> {
  const m = new Map<number, MappedSentence[]>();
  for (const it of list) {
    const l = m.get(it.block);
    if (l) l.push(it);
    else m.set(it.block, [it]);
  }
  return m;
}

function frameScheduler(view: (Window & typeof globalThis) | null): ((fn: () => void) => () => void) | undefined {
  if (!view || typeof view.requestAnimationFrame !== 'function') return undefined;
  return (fn) => {
    const id = view.requestAnimationFrame(() => fn());
    return () => view.cancelAnimationFrame(id);
  };
}

export class Highlights {
  /** Painted items per analysis id. */
  private readonly items = new Map<number, MappedSentence[]>();
  readonly shower: Shower;
  private removeLegend: (() => void) | undefined;
  private legendKey: string | null = null;

  constructor(private readonly d: HighlightsDeps) {
    const Observer = d.IntersectionObserver === null ? undefined : (d.IntersectionObserver ?? (d.view as unknown as { IntersectionObserver?: ObserverCtor } | null)?.IntersectionObserver);
    this.shower = createShower({
      painter: d.painter,
      run: d.quietly,
      Observer,
      nextFrame: d.nextFrame === null ? undefined : (d.nextFrame ?? frameScheduler(d.view)),
    });
  }

  all(): MappedSentence[] {
    return [...this.items.values()].flat();
  }

  /** The painted sentences, in page order (block, then offset). */
  painted(): MappedSentence[] {
    return this.all().sort((a, b) => a.block - b.block || a.sentence - b.sentence);
  }

  /** Remove items a whole block at a time (the wrapper painter needs it), in slices. */
  async remove(list: MappedSentence[]): Promise<void> {
    if (!list.length) return;
    if (this.d.painter.kind === 'highlight') {
      this.shower.remove(list);
      return;
    }
    const sl = this.d.newSlicer();
    for (const group of byBlock(list).values()) {
      this.shower.remove(group);
      await sl.maybeYield();
    }
  }

  async clear(): Promise<void> {
    const old = this.all();
    this.items.clear();
    await this.remove(old);
  }

  /** Drop blocks and their highlights. */
  async forget(ids: readonly number[]): Promise<void> {
    if (!ids.length) return;
    const gone = new Set(ids);
    const lost: MappedSentence[] = [];
    for (const [a, list] of this.items) {
      const keep = list.filter((it) => !gone.has(it.block));
      if (keep.length !== list.length) {
        lost.push(...list.filter((it) => gone.has(it.block)));
        this.items.set(a, keep);
      }
    }
    await this.remove(lost);
    for (const id of ids) this.d.index.drop(id);
  }

  /** The painted sentences of one block (a block read again carries them over: `rebind`). */
  itemsOf(id: number): MappedSentence[] {
    const out: MappedSentence[] = [];
    for (const list of this.items.values()) for (const it of list) if (it.block === id) out.push(it);
    return out;
  }

  /** Paint on `block`'s current text nodes sentences it had before it was read again (offsets inside the block,
   * already moved past an edit by the caller). Those that no longer fit are left out. */
  rebind(block: Block, kept: readonly Pick<MappedSentence, 'analysis' | 'sentence' | 'level' | 'start' | 'end'>[]): void {
    const batch: MappedSentence[] = [];
    for (const k of kept) {
      const m = mapSentence(block, k.analysis, { i: k.sentence, b: block.id, start: k.start, end: k.end, level: k.level });
      if (m && this.items.has(m.analysis)) batch.push(m);
    }
    if (!batch.length) return;
    this.shower.add(block.element, batch, false);
    for (const m of batch) this.items.get(m.analysis)?.push(m);
  }

  scrollTo(analysis: number, sentence: number): boolean {
    const it = this.items.get(analysis)?.find((p) => p.sentence === sentence);
    if (!it) return false;
    this.shower.reveal(it); // off the screen and not painted yet: painted now, before the focus mark
    return this.d.quietly(() => this.d.painter.focus(it));
  }

  /** Take every highlight away at the end of the session: at once with the Highlight API, else a block at a time,
   * giving the page its thread between slices. */
  async drain(sliceMs: number, now: () => number): Promise<void> {
    this.removeLegend?.();
    this.removeLegend = undefined;
    this.legendKey = null;
    this.shower.dispose();
    const old = this.all();
    this.items.clear();
    if (this.d.painter.kind === 'highlight') return;
    const sl = slicer(this.d.yielder, sliceMs, now);
    for (const group of byBlock(old).values()) {
      this.d.painter.remove(group);
      await sl.maybeYield();
    }
  }

  /** Block ids in painting order: from the first block near the screen downwards, then the blocks above it; and
   * which of them are on or near the screen now (NEAR_SCREENS above and below; read from the layout before anything
   * is painted, so that no paint forces a style recalculation in the middle of the loop). */
  private order(ids: number[]): { order: number[]; near: Set<number> } {
    ids.sort((a, b) => a - b);
    const vh = this.d.view?.innerHeight ?? 0;
    if (!ids.length || !vh) return { order: ids, near: new Set(ids) };
    const { first, near } = nearRun(ids, (id) => this.spanOf(id), vh);
    return { order: [...ids.slice(first), ...ids.slice(0, first).reverse()], near: new Set(near) };
  }

  private spanOf(id: number): { top: number; bottom: number } {
    const el = this.d.index.get(id)?.element;
    return el?.isConnected ? viewportSpan(el) : { top: Infinity, bottom: Infinity };
  }

  /** Ids of the blocks on or near the screen, in page order (the background may score and paint them first). */
  nearBlocks(): number[] {
    const vh = this.d.view?.innerHeight ?? 0;
    return vh ? nearRun(this.d.index.ids().sort((a, b) => a - b), (id) => this.spanOf(id), vh).near : [];
  }

  /** 1. take out what the message replaces, by block: each block's old highlights give way to its new ones in the
   * same task (no frame shows the block bare), and those of blocks with nothing new go at the end. */
  private detach(message: Omit<PaintMessage, 'type'>): Map<number, MappedSentence[]> {
    const ids = message.mode === 'all' ? [...this.items.keys()] : [...message.analyses.map((a) => a.id), ...message.drop];
    const old: MappedSentence[] = [];
    for (const id of ids) {
      old.push(...(this.items.get(id) ?? []));
      this.items.delete(id);
    }
    return byBlock(old);
  }

  /** 2. the new sentences by block; and whether there are so many that painting goes lazy. */
  private plan(message: Omit<PaintMessage, 'type'>): Map<number, { a: AnalysisPaint; s: PaintedSentence }[]> {
    const todo = new Map<number, { a: AnalysisPaint; s: PaintedSentence }[]>();
    for (const a of message.analyses) {
      this.items.set(a.id, []);
      for (const s of a.sentences) {
        const l = todo.get(s.b);
        if (l) l.push({ a, s });
        else todo.set(s.b, [{ a, s }]);
      }
    }
    let total = 0;
    for (const list of this.items.values()) total += list.length;
    for (const a of message.analyses) total += a.sentences.length;
    this.shower.setLazy(total > (this.d.eagerMax ?? EAGER_MAX_ITEMS));
    return todo;
  }

  /** The stylesheet first, and the style recalculation it causes (every element of the document) now, in a task of
   * its own, rather than in the frame that also paints the first highlights. */
  private async prepare(): Promise<void> {
    const body = this.d.doc.body;
    if (this.d.painter.styles || !body) return;
    this.d.quietly(() => this.d.painter.prepare(body));
    void this.d.view?.getComputedStyle?.(body).color;
    await this.d.yielder();
  }

  async paint(message: Omit<PaintMessage, 'type'>, now: () => number): Promise<PaintResult> {
    const t0 = now();
    const { isActive, yielder } = this.d;
    // the message (every flagged sentence) was parsed in this task: paint from the next one
    await yielder();
    if (!isActive()) return STOPPED;
    const old = this.detach(message);
    const todo = this.plan(message);
    if (todo.size) await this.prepare();
    if (!isActive()) return STOPPED;
    const { order, near } = this.order([...todo.keys()]);
    let nearLeft = near.size;
    let at: number | undefined; // when the highlights on and near the screen are all in
    const sl = this.d.newSlicer();
    for (const id of order) {
      const block = this.d.index.get(id);
      const batch: MappedSentence[] = [];
      for (const { a, s } of (block && todo.get(id)) ?? []) {
        const m = mapSentence(block, a.id, s);
        if (m) batch.push(m);
      }
      this.shower.remove(old.get(id) ?? []); // one block: in this task, just before its new highlights
      old.delete(id);
      if (block) this.shower.add(block.element, batch, near.has(id));
      for (const m of batch) this.items.get(m.analysis)?.push(m);
      if (near.has(id) && --nearLeft === 0) at = Date.now();
      if (!(await sl.maybeYield())) return STOPPED;
    }
    for (const list of old.values()) {
      await this.remove(list);
      if (!(await sl.maybeYield())) return STOPPED;
    }
    await yielder();
    if (!isActive()) return STOPPED;
    this.d.quietly(() => this.legend(message.legend));
    return { ok: true, painted: this.all().length, ms: now() - t0, at: at ?? Date.now() };
  }

  /** Show the legend, or take it away; the same words keep the legend that is there (its focus, its place). */
  private legend(payload: LegendPayload | null): void {
    const key = payload && JSON.stringify(payload);
    if (key && key === this.legendKey && this.removeLegend) return;
    this.removeLegend?.();
    this.removeLegend = payload ? showLegend(this.d.doc, payload) : undefined;
    this.legendKey = key;
  }
}
