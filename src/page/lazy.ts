/**
 * lazy — show a page's highlights where the reader is looking, not all at once (STYLE 9).
 *
 * What: `createShower(options)` sits between the session and the painter. The session hands it every mapped
 * sentence, a block at a time, with the block's element; the shower decides when each one goes to the painter.
 * - Eager (at most `eagerMax` items on the page, default EAGER_MAX_ITEMS): everything is painted at once, as
 *   before; no observer. A typical article stays here.
 * - Lazy (more items): only the blocks on or near the screen are painted (`near`, worked out by the session from the
 *   layout before the first paint); an IntersectionObserver on the block elements (rootMargin NEAR_MARGIN: two
 *   screens above and below) paints a block's items when it comes near and, with the Highlight API, takes them out
 *   of the registry again when it goes away. The items of an element go in and out together (a whole block at a
 *   time, which the wrapper fallback needs).
 * Why: Chromium re-validates every range of the highlight registry on each frame in which the registry changed, and
 * invalidates paint for each range added or deleted. Measured on tests/e2e/fixtures/hard/huge.html (Chromium 156,
 * this 2-core machine, traced): registering ~6,000 ranges costs one frame with ~35 ms of PrePaint, deleting 500 of
 * them ~57 ms, deleting the whole set ~25 ms; 100 ranges cost ~3 ms. Keeping the registered set to what is near the
 * screen (tens to a few hundred ranges) keeps every such frame short, switching on, scrolling and switching off.
 * The wrapper fallback (no Highlight API) paints lazily too, but keeps what it painted (each wrap or unwrap is a DOM
 * change the page may see; removing them while the reader scrolls would only add churn).
 * Ranges: an item's Range is made when it is first painted (ranges.ts), and let go (`release`) when the item leaves
 * the registry or the page, so a long page holds live Ranges only for what is near the screen (Chromium updates
 * every live Range of the document on each of the page's own DOM changes).
 * API: `setLazy(on)` switches the mode (the session decides from the number of items); `add(element, items, near)`,
 * `remove(items)`, `reveal(item)` (paint the block of one item now: "Show on the page" for a passage that is off
 * the screen), `dispose()` (disconnect; the painter is cleared by its owner). `pending` = items not painted yet.
 * Limits: items far from the screen are not in the registry (a print of the whole page shows only what was near
 * the screen); a block taller than the margin is painted whole (one 50,000-word paragraph is one block).
 */
import type { PaintItem, Painter } from './painter';

/** Above this many items on a page, highlights are painted lazily. Registering 500 ranges at once costs a frame
 * ~5 ms of PrePaint in Chromium 156 (measured, see above); a 2,000-word article has well under 200. */
export const EAGER_MAX_ITEMS = 500;
/** How far beyond the screen blocks are painted: two screens above and below (IntersectionObserver rootMargin). */
export const NEAR_SCREENS = 2;
export const NEAR_MARGIN = `${NEAR_SCREENS * 100}% 0px`;
/** Elements handed to the IntersectionObserver per frame. Chromium computes the intersections of every newly
 * observed element in the next frame's commit: ~1,500 block elements of the 100,000-word fixture at once made one
 * frame 60–110 ms long (traced), of which 13–28 ms were IntersectionObserverController::computeIntersections. */
export const OBSERVE_PER_FRAME = 250;

/** The part of IntersectionObserver the shower uses (tests pass a fake). */
export interface ObserverLike {
  observe(target: Element): void;
  unobserve(target: Element): void;
  disconnect(): void;
}
export type ObserverCtor = new (
  callback: (entries: { target: Element; isIntersecting: boolean }[]) => void,
  init?: { rootMargin?: string },
) => ObserverLike;

export interface ShowerOptions {
  painter: Painter;
  /** Runs a change of the page (the session's `quietly`: its own MutationObservers must not see it). */
  run?: <T>(fn: () => T) => T;
  /** undefined: no observer is available, everything is painted at once. */
  Observer?: ObserverCtor;
  margin?: string;
  /** Run `fn` at the next frame (requestAnimationFrame); returns a cancel function. Without it, elements are
   * observed at once; with it, OBSERVE_PER_FRAME per frame. */
  nextFrame?: (fn: () => void) => () => void;
}

export interface Shower {
  /** Switch to lazy (true) or eager (false) painting; eager paints everything pending now. */
  setLazy(lazy: boolean): void;
  readonly lazy: boolean;
  /** Items of one block (or more blocks of one element). `near`: the element is on or near the screen. */
  add(element: Element, items: readonly PaintItem[], near: boolean): void;
  remove(items: readonly PaintItem[]): void;
  /** Paint now the element that holds `item` (it may be off the screen). False when the item is unknown. */
  reveal(item: PaintItem): boolean;
  /** Items known but not painted. */
  readonly pending: number;
  /** Elements observed or waiting to be (debug). */
  readonly observed: number;
  /** A frame callback is scheduled (debug: a timer until `dispose`). */
  readonly scheduled: boolean;
  dispose(): void;
}

interface ElementState {
  items: Set<PaintItem>;
  shown: boolean;
}

/** The shower (see the module comment); `createShower(options)` makes one. */
class LazyShower implements Shower {
  private readonly painter: Painter;
  private readonly run: <T>(fn: () => T) => T;
  private readonly unshowFar: boolean;
  private readonly states = new Map<Element, ElementState>();
  private readonly owner = new Map<PaintItem, Element>();
  private isLazy = false;
  private waiting = 0;
  private observer: ObserverLike | undefined;
  private readonly watched = new Set<Element>();
  /** Elements waiting to be observed, a frame's worth at a time. */
  private readonly queue = new Set<Element>();
  private cancelFrame: (() => void) | undefined;

  constructor(private readonly options: ShowerOptions) {
    this.painter = options.painter;
    this.run = options.run ?? (<T>(fn: () => T) => fn());
    this.unshowFar = this.painter.kind === 'highlight';
  }

  get lazy(): boolean {
    return this.isLazy;
  }

  get pending(): number {
    return this.waiting;
  }

  get observed(): number {
    return this.watched.size;
  }

  get scheduled(): boolean {
    return this.cancelFrame !== undefined;
  }

  private show(st: ElementState): void {
    if (st.shown) return;
    st.shown = true;
    this.waiting -= st.items.size;
    if (st.items.size) this.run(() => this.painter.add([...st.items]));
  }

  private unshow(st: ElementState): void {
    if (!st.shown) return;
    st.shown = false;
    this.waiting += st.items.size;
    if (!st.items.size) return;
    const items = [...st.items];
    this.run(() => this.painter.remove(items));
    for (const it of items) it.release?.(); // no live Range for what is not shown
  }

  private readonly onEntries = (entries: { target: Element; isIntersecting: boolean }[]): void => {
    if (!this.isLazy) return;
    // what left first (frees registry entries), then what came near
    for (const e of entries) {
      const st = this.states.get(e.target);
      if (st && !e.isIntersecting && this.unshowFar) this.unshow(st);
    }
    for (const e of entries) {
      const st = this.states.get(e.target);
      if (st && e.isIntersecting) this.show(st);
    }
  };

  /** Observe `el` now; false when it cannot be observed (then its items are painted at once). */
  private observeNow(el: Element): boolean {
    const Observer = this.options.Observer;
    if (!Observer) return false;
    try {
      this.observer ??= new Observer(this.onEntries, { rootMargin: this.options.margin ?? NEAR_MARGIN });
      this.observer.observe(el);
      return true;
    } catch {
      return false; // e.g. an element of another document the observer refuses
    }
  }

  private readonly flush = (): void => {
    this.cancelFrame = undefined;
    let n = 0;
    for (const el of this.queue) {
      if (n++ >= OBSERVE_PER_FRAME) break;
      this.queue.delete(el);
      if (!this.observeNow(el)) {
        this.watched.delete(el);
        const st = this.states.get(el);
        if (st) this.show(st);
      }
    }
    if (this.queue.size && this.isLazy && this.options.nextFrame) this.cancelFrame = this.options.nextFrame(this.flush);
  };

  private stopQueue(): void {
    this.cancelFrame?.();
    this.cancelFrame = undefined;
    this.queue.clear();
  }

  /** Observe `el` (now, or in a coming frame); false when it cannot be observed (then its items are painted at once). */
  private watch(el: Element): boolean {
    if (!this.isLazy || this.watched.has(el)) return true;
    if (this.options.nextFrame) {
      this.queue.add(el);
      this.cancelFrame ??= this.options.nextFrame(this.flush);
    } else if (!this.observeNow(el)) return false;
    this.watched.add(el);
    return true;
  }

  private forgetElement(el: Element): void {
    this.states.delete(el);
    this.queue.delete(el);
    if (this.watched.delete(el)) this.observer?.unobserve(el);
  }

  private disconnect(): void {
    this.stopQueue();
    this.observer?.disconnect();
    this.observer = undefined;
    this.watched.clear();
  }

  setLazy(on: boolean): void {
    on = on && !!this.options.Observer;
    if (on === this.isLazy) return;
    this.isLazy = on;
    if (on) {
      // what is painted stays until the observer's first report says it is far away
      for (const [el, st] of this.states) if (!this.watch(el)) this.show(st);
      return;
    }
    this.disconnect();
    for (const st of this.states.values()) this.show(st);
  }

  add(element: Element, items: readonly PaintItem[], near: boolean): void {
    if (!items.length) return;
    let st = this.states.get(element);
    if (!st) {
      st = { items: new Set(), shown: false };
      this.states.set(element, st);
    }
    for (const it of items) {
      st.items.add(it);
      this.owner.set(it, element);
    }
    if (st.shown) this.run(() => this.painter.add(items));
    else {
      this.waiting += items.length;
      if (!this.isLazy || near) this.show(st);
    }
    if (!this.watch(element)) this.show(st);
  }

  remove(items: readonly PaintItem[]): void {
    const painted: PaintItem[] = [];
    for (const it of items) {
      const el = this.owner.get(it);
      if (!el) continue;
      this.owner.delete(it);
      const st = this.states.get(el);
      if (!st?.items.delete(it)) continue;
      if (st.shown) painted.push(it);
      else this.waiting--;
      if (!st.items.size) this.forgetElement(el);
    }
    if (painted.length) this.run(() => this.painter.remove(painted));
    for (const it of items) it.release?.();
  }

  reveal(item: PaintItem): boolean {
    const el = this.owner.get(item);
    const st = el && this.states.get(el);
    if (!st) return false;
    this.show(st);
    return true;
  }

  dispose(): void {
    this.disconnect();
    this.states.clear();
    this.owner.clear();
    this.waiting = 0;
    this.isLazy = false;
  }
}

export function createShower(options: ShowerOptions): Shower {
  return new LazyShower(options);
}

/** Which of `ids` (blocks in page order) are on the screen or within `screens` screens of it (`vh` px high), read
 * from the layout: a binary search for the first block that reaches that band, then the run of blocks from it (blocks
 * follow each other down the page; a layout that breaks the order is put right by the observer a frame later).
 * `first` = the index in `ids` where painting starts (ids.length when every block is above the band). */
export function nearRun(
  ids: readonly number[],
  spanOf: (id: number) => { top: number; bottom: number },
  vh: number,
  screens = NEAR_SCREENS,
): { first: number; near: number[] } {
  const margin = screens * vh;
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spanOf(ids[mid]!).bottom < -margin) lo = mid + 1;
    else hi = mid;
  }
  const near: number[] = [];
  for (let i = lo; i < ids.length; i++) {
    const s = spanOf(ids[i]!);
    if (s.top > vh + margin || s.bottom < -margin) break;
    near.push(ids[i]!);
  }
  return { first: lo, near };
}

/** Top and bottom of `el` in the top window's viewport (adds the offsets of same-origin frames). */
export function viewportSpan(el: Element): { top: number; bottom: number } {
  const r = el.getBoundingClientRect();
  let top = r.top;
  let bottom = r.bottom;
  let frame: Element | null | undefined;
  try {
    frame = el.ownerDocument.defaultView?.frameElement;
    while (frame) {
      const fr = frame.getBoundingClientRect();
      top += fr.top;
      bottom += fr.top;
      frame = frame.ownerDocument.defaultView?.frameElement;
    }
  } catch {
    // a cross-origin parent: the frame's own viewport is all we know
  }
  return { top, bottom };
}
