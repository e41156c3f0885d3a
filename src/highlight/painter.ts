/**
 * painter — show sentence ranges on the page, and take them away without a trace.
 *
 * What: `createPainter(doc, options)` returns a Painter with `paint(items)`, `focus(item)`, `clear()` and
 * `dispose()`. Two implementations behind one interface:
 * - `highlight` (preferred): the CSS Custom Highlight API. Ranges go into `CSS.highlights` under namespaced names
 *   (mirage-1..3, mirage-focus); the page's DOM is never modified. Styles go into a constructed stylesheet adopted by
 *   the document (or, where adopting fails, one <style> element in <head>), removed by `dispose()`.
 * - `wrap` (fallback, when the API is missing): each highlighted run of text is moved into a namespaced
 *   <mirage-mark data-mirage-level="n"> element; the original Text node keeps its identity and is given back its
 *   exact data on `clear()`, and every node the painter inserted is removed. Nothing else is touched.
 * Levels are never told by colour alone: level 1 = dotted underline, 2 = dashed, 3 = thick solid; the underline
 * colours reach at least 4:1 against white and against their own tint (3:1 is the WCAG minimum for indicators).
 * Limits: `wrap` changes the DOM while active (page scripts may notice); ranges must be computed before `paint`.
 */
import type { Level } from '../messaging';

export interface PaintItem {
  level: Level;
  range: Range;
}

export interface Painter {
  readonly kind: 'highlight' | 'wrap';
  paint(items: readonly PaintItem[]): void;
  /** Scroll to an item (index into the last `paint` list) and mark it as the current one. */
  focus(index: number): boolean;
  /** Remove every highlight (the page is as before `paint`). */
  clear(): void;
  /** `clear()` and remove the stylesheet. */
  dispose(): void;
}

export const LEVEL_STYLE: Record<Level, { line: string; color: string; tint: string; thickness: string }> = {
  1: { line: 'dotted', color: '#a16207', tint: 'rgba(250, 204, 21, 0.18)', thickness: '2px' },
  2: { line: 'dashed', color: '#c2410c', tint: 'rgba(249, 115, 22, 0.18)', thickness: '2px' },
  3: { line: 'solid', color: '#b91c1c', tint: 'rgba(239, 68, 68, 0.20)', thickness: '3px' },
};
export const FOCUS_STYLE = { background: '#1d4ed8', color: '#ffffff' };
export const HIGHLIGHT_NAMES = ['mirage-1', 'mirage-2', 'mirage-3', 'mirage-focus'] as const;
export const MARK_TAG = 'mirage-mark';

function levelRules(selector: (l: Level) => string): string {
  return ([1, 2, 3] as Level[])
    .map((l) => {
      const s = LEVEL_STYLE[l];
      return `${selector(l)} { background-color: ${s.tint}; text-decoration-line: underline; text-decoration-style: ${s.line}; text-decoration-color: ${s.color}; text-decoration-thickness: ${s.thickness}; }`;
    })
    .join('\n');
}

export const HIGHLIGHT_CSS = `${levelRules((l) => `::highlight(mirage-${l})`)}
::highlight(mirage-focus) { background-color: ${FOCUS_STYLE.background}; color: ${FOCUS_STYLE.color}; text-decoration-line: underline; text-decoration-style: solid; text-decoration-color: ${FOCUS_STYLE.color}; }`;

export const WRAP_CSS = `${levelRules((l) => `${MARK_TAG}[data-mirage-level="${l}"]`)}
${MARK_TAG} { display: inline; text-underline-offset: 0.15em; }
${MARK_TAG}[data-mirage-focus] { background-color: ${FOCUS_STYLE.background}; color: ${FOCUS_STYLE.color}; }`;

/** What the Highlight API looks like, so tests can pass a fake one. */
export interface HighlightApi {
  registry: { set(name: string, h: unknown): unknown; delete(name: string): boolean };
  Highlight: new (...ranges: Range[]) => { priority?: number };
}

export function nativeHighlightApi(doc: Document): HighlightApi | undefined {
  const view = doc.defaultView as (Window & { CSS?: { highlights?: HighlightApi['registry'] }; Highlight?: HighlightApi['Highlight'] }) | null;
  const registry = view?.CSS?.highlights;
  const Highlight = view?.Highlight;
  return registry && typeof Highlight === 'function' ? { registry, Highlight } : undefined;
}

/** A stylesheet for the document that can be removed without a trace. */
function installStyle(doc: Document, css: string): () => void {
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  try {
    if (view && 'adoptedStyleSheets' in doc && typeof view.CSSStyleSheet === 'function') {
      const sheet = new view.CSSStyleSheet();
      sheet.replaceSync(css);
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      if (doc.adoptedStyleSheets.includes(sheet)) {
        return () => {
          doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
        };
      }
    }
  } catch {
    // fall through to a <style> element (e.g. a constructed sheet from another global)
  }
  const style = doc.createElement('style');
  style.setAttribute('data-mirage-lens', '');
  style.textContent = css;
  (doc.head ?? doc.documentElement).appendChild(style);
  return () => style.remove();
}

function scrollToRange(range: Range): void {
  const el = range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement;
  el?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
}

export interface PainterOptions {
  /** Force an implementation (tests); default: 'highlight' when the API exists. */
  highlightApi?: HighlightApi | null;
}

export function createPainter(doc: Document, options: PainterOptions = {}): Painter {
  const api = options.highlightApi === undefined ? nativeHighlightApi(doc) : options.highlightApi;
  return api ? highlightPainter(doc, api) : wrapPainter(doc);
}

function highlightPainter(doc: Document, api: HighlightApi): Painter {
  let removeStyle: (() => void) | undefined;
  let items: readonly PaintItem[] = [];
  const clear = () => {
    for (const name of HIGHLIGHT_NAMES) api.registry.delete(name);
    items = [];
  };
  return {
    kind: 'highlight',
    paint(next) {
      clear();
      removeStyle ??= installStyle(doc, HIGHLIGHT_CSS);
      items = next;
      for (const level of [1, 2, 3] as Level[]) {
        const ranges = next.filter((i) => i.level === level).map((i) => i.range);
        if (!ranges.length) continue;
        const h = new api.Highlight(...ranges);
        h.priority = level;
        api.registry.set(`mirage-${level}`, h);
      }
    },
    focus(index) {
      const item = items[index];
      if (!item) return false;
      const h = new api.Highlight(item.range);
      h.priority = 10;
      api.registry.set('mirage-focus', h);
      scrollToRange(item.range);
      return true;
    },
    clear,
    dispose() {
      clear();
      removeStyle?.();
      removeStyle = undefined;
    },
  };
}

interface Wrapped {
  node: Text;
  data: string;
  inserted: Node[];
}

function wrapPainter(doc: Document): Painter {
  let removeStyle: (() => void) | undefined;
  let wrapped: Wrapped[] = [];
  let marks: Element[][] = [];
  let focused: Element[] = [];

  const clear = () => {
    for (let i = wrapped.length - 1; i >= 0; i--) {
      const w = wrapped[i];
      for (const n of w.inserted) n.parentNode?.removeChild(n);
      if (w.node.data !== w.data) w.node.data = w.data;
    }
    wrapped = [];
    marks = [];
    focused = [];
  };

  return {
    kind: 'wrap',
    paint(items) {
      clear();
      removeStyle ??= installStyle(doc, WRAP_CSS);
      // 1. every range to per-node intervals, before anything moves
      const perNode = new Map<Text, { from: number; to: number; level: Level; item: number }[]>();
      items.forEach((it, item) => {
        const r = it.range;
        const root = r.commonAncestorContainer;
        const texts: Text[] = [];
        if (root.nodeType === 3) texts.push(root as Text);
        else {
          const w = doc.createTreeWalker(root, 4);
          for (let n = w.nextNode(); n; n = w.nextNode()) if (r.intersectsNode(n)) texts.push(n as Text);
        }
        for (const t of texts) {
          const from = t === r.startContainer ? r.startOffset : 0;
          const to = t === r.endContainer ? r.endOffset : t.data.length;
          if (to <= from) continue;
          let list = perNode.get(t);
          if (!list) perNode.set(t, (list = []));
          list.push({ from, to, level: it.level, item });
        }
      });
      marks = items.map(() => []);
      // 2. split each node once: the original keeps the text before the first mark; the rest is inserted after it
      for (const [node, list] of perNode) {
        list.sort((a, b) => a.from - b.from);
        const data = node.data;
        const inserted: Node[] = [];
        let pos = 0;
        let head: string | undefined;
        for (const iv of list) {
          const from = Math.max(iv.from, pos);
          if (iv.to <= from) continue;
          if (from > pos) {
            if (head === undefined) head = data.slice(pos, from);
            else inserted.push(doc.createTextNode(data.slice(pos, from)));
          } else if (head === undefined) head = '';
          const mark = doc.createElement(MARK_TAG);
          mark.setAttribute('data-mirage-level', String(iv.level));
          mark.textContent = data.slice(from, iv.to);
          inserted.push(mark);
          marks[iv.item].push(mark);
          pos = iv.to;
        }
        if (pos < data.length) inserted.push(doc.createTextNode(data.slice(pos)));
        wrapped.push({ node, data, inserted });
        node.data = head ?? '';
        const parent = node.parentNode;
        if (!parent) continue;
        const next = node.nextSibling;
        for (const n of inserted) parent.insertBefore(n, next);
      }
    },
    focus(index) {
      const m = marks[index];
      if (!m?.length) return false;
      for (const f of focused) f.removeAttribute('data-mirage-focus');
      for (const f of m) f.setAttribute('data-mirage-focus', '');
      focused = m;
      m[0].scrollIntoView?.({ block: 'center', behavior: 'smooth' });
      return true;
    },
    clear,
    dispose() {
      clear();
      removeStyle?.();
      removeStyle = undefined;
    },
  };
}
