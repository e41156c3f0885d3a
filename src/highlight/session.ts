/**
 * session — one lifetime of Mirage Lens on one page: read, paint, point at a passage, watch for new text, stop.
 *
 * What: `createSession(doc, options)` returns a Session whose methods answer the content-script messages of
 * src/messaging.ts (`extract`, `paint`, `scrollTo`, `stop`). Everything the session adds to the page (highlights,
 * stylesheet, legend, observers, listeners) is registered in one list of cleanups; `stop()` runs them all, and also
 * runs when `options.signal` aborts (the content script passes WXT's `ctx.signal`). After `stop()` the page's DOM
 * is exactly as before `createSession` (tests/unit/highlight/session.test.ts checks node identity and innerHTML).
 * Watching: when `onContentChange` is given, a MutationObserver (started after the first paint) reports added or
 * changed page text, debounced by `debounceMs` and ignoring the session's own nodes; a flood of mutations is one call.
 * Limits: one document (no shadow roots or iframes yet); extraction and painting are synchronous.
 */
import type { ExtractResult, PaintMessage, PaintResult, Scope } from '../messaging';
import { extractBlocks, extractSelection, type Block } from './extract';
import { LEGEND_TAG, showLegend } from './legend';
import { createPainter, MARK_TAG, type HighlightApi, type Painter } from './painter';
import { rangesForPaint, type MappedSentence } from './ranges';

export interface SessionOptions {
  signal?: AbortSignal;
  /** Force the painter (tests): null = wrapper fallback. */
  highlightApi?: HighlightApi | null;
  /** Use Readability for the main text (default true). */
  main?: boolean;
  /** Called (debounced) when page text is added, removed or changed after the first paint. */
  onContentChange?: () => void;
  debounceMs?: number;
}

export interface Session {
  readonly active: boolean;
  readonly painter: Painter;
  /** The blocks read by the last `extract`. */
  readonly blocks: readonly Block[];
  /** The painted sentences, in page order. */
  readonly painted: readonly MappedSentence[];
  extract(scope: Scope): ExtractResult;
  paint(message: Omit<PaintMessage, 'type'>): PaintResult;
  scrollTo(analysis: number, sentence: number): boolean;
  stop(): void;
}

export const DEFAULT_DEBOUNCE_MS = 800;

function now(doc: Document): number {
  return doc.defaultView?.performance?.now() ?? Date.now();
}

function isOwnNode(n: Node): boolean {
  if (n.nodeType !== 1) return n.parentElement?.tagName.toLowerCase() === MARK_TAG;
  const tag = (n as Element).tagName.toLowerCase();
  return tag === MARK_TAG || tag === LEGEND_TAG || (tag === 'style' && (n as Element).hasAttribute('data-mirage-lens'));
}

export function createSession(doc: Document, options: SessionOptions = {}): Session {
  const painter = createPainter(doc, { highlightApi: options.highlightApi });
  const cleanups: (() => void)[] = [];
  let blocks: Block[] = [];
  let painted: MappedSentence[] = [];
  let active = true;
  let removeLegend: (() => void) | undefined;
  let observer: MutationObserver | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const stopWatching = () => {
    observer?.disconnect();
    observer = undefined;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  const startWatching = () => {
    const cb = options.onContentChange;
    const View = doc.defaultView as (Window & typeof globalThis) | null;
    if (!cb || observer || !View?.MutationObserver || !doc.body) return;
    observer = new View.MutationObserver((records) => {
      const relevant = records.some((r) => {
        if (r.type === 'characterData') return !isOwnNode(r.target);
        return [...r.addedNodes, ...r.removedNodes].some((n) => !isOwnNode(n));
      });
      if (!relevant) return;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        if (active) cb();
      }, options.debounceMs ?? DEFAULT_DEBOUNCE_MS);
    });
    observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
  };

  /** Run a change of our own without the observer seeing it (JS is single-threaded: every record queued during
   * `fn` is ours). */
  const quietly = <T>(fn: () => T): T => {
    try {
      return fn();
    } finally {
      observer?.takeRecords();
    }
  };

  const session: Session = {
    get active() {
      return active;
    },
    painter,
    get blocks() {
      return blocks;
    },
    get painted() {
      return painted;
    },
    extract(scope) {
      const t0 = now(doc);
      quietly(() => painter.clear()); // wrapper marks must not be read as page text
      painted = [];
      if (scope === 'selection') {
        const sel = doc.getSelection?.();
        const range = sel && sel.rangeCount > 0 && !sel.isCollapsed ? sel.getRangeAt(0) : undefined;
        if (!range) return { ok: false, code: 'no-selection' };
        blocks = extractSelection(range);
      } else {
        blocks = extractBlocks(doc, { main: options.main });
      }
      if (!blocks.length) return { ok: false, code: scope === 'selection' ? 'no-selection' : 'no-text' };
      return { ok: true, blocks: blocks.map((b) => ({ text: b.text, lang: b.lang })), ms: now(doc) - t0 };
    },
    paint(message) {
      if (!active) return { ok: false, error: 'session stopped' };
      const t0 = now(doc);
      return quietly(() => {
        painter.clear();
        painted = message.analyses.flatMap((a) => rangesForPaint(blocks, a));
        painted.sort((a, b) => a.range.compareBoundaryPoints(0 /* START_TO_START */, b.range));
        painter.paint(painted);
        removeLegend?.();
        removeLegend = message.legend ? showLegend(doc, message.legend) : undefined;
        return { ok: true as const, painted: painted.length, ms: now(doc) - t0 };
      });
    },
    scrollTo(analysis, sentence) {
      const i = painted.findIndex((p) => p.analysis === analysis && p.sentence === sentence);
      return i >= 0 && quietly(() => painter.focus(i));
    },
    stop() {
      if (!active) return;
      active = false;
      stopWatching();
      removeLegend?.();
      removeLegend = undefined;
      painter.dispose();
      for (const c of cleanups.splice(0).reverse()) c();
      blocks = [];
      painted = [];
    },
  };

  // start watching only after the first successful paint
  const paint = session.paint;
  session.paint = (m) => {
    const r = paint(m);
    if (r.ok) startWatching();
    return r;
  };

  if (options.signal) {
    if (options.signal.aborted) session.stop();
    else {
      const onAbort = () => session.stop();
      options.signal.addEventListener('abort', onAbort, { once: true });
      cleanups.push(() => options.signal?.removeEventListener('abort', onAbort));
    }
  }
  return session;
}
