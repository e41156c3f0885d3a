/**
 * painter — show sentence ranges on the page, and take them away without a trace.
 *
 * What: `createPainter(doc, options)` returns a Painter with `add(items)`, `remove(items)`, `focus(item)`, `clear()`
 * and `dispose()`. Items are added and removed in batches (the session slices them so that no batch is a long
 * task). Two implementations behind one interface:
 * - `highlight` (preferred): the CSS Custom Highlight API. Ranges go into the highlight registry of the document
 *   they live in (`CSS.highlights` of the page, or of a same-origin iframe) under namespaced names (mirage-1..3,
 *   mirage-focus); the page's DOM is never modified. Styles go into a constructed stylesheet adopted by that document
 *   and by every open shadow root that holds a range (`::highlight()` rules do not cross a shadow boundary), or,
 *   where adopting fails, one <style data-mirage-lens> element; all removed by `dispose()`. A document gets rules on
 *   :root that every text inherits (a third of the style recalculation of rules on every element) once the browser
 *   shows it computes them that way, else rules on every element.
 * - `wrap` (fallback, when the API is missing): each highlighted run of text is moved into a namespaced
 *   <mirage-mark data-mirage-level="n"> element; the original Text node keeps its identity and is given back its
 *   exact data on removal, and every node the painter inserted is removed. Nothing else is touched. Items are added
 *   and removed a whole block at a time (the session guarantees it), since items of one block share text nodes.
 * Levels are never told by colour alone: level 1 = dotted underline, 2 = dashed, 3 = thick solid; the underline
 * colours reach at least 4:1 against white and against their own tint (3:1 is the WCAG minimum for indicators).
 * Limits: `wrap` changes the DOM while active (page scripts may notice); ranges must be computed before `add`.
 */
import type { Level } from '../messaging';

export interface PaintItem {
  level: Level;
  range: Range;
}

export interface Painter {
  readonly kind: 'highlight' | 'wrap';
  add(items: readonly PaintItem[]): void;
  remove(items: readonly PaintItem[]): void;
  /** Scroll to an item and mark it as the current one. */
  focus(item: PaintItem | undefined): boolean;
  /** Install the stylesheet for `node`'s document (and shadow root) now, before anything is added: the session
   * lets the style recalculation it causes happen in a task of its own. */
  prepare(node: Node): void;
  /** Remove every highlight at once (the page is as before the first `add`). */
  clear(): void;
  /** `clear()` and remove the stylesheets. */
  dispose(): void;
  /** How many items are shown (debug and tests). */
  readonly size: number;
  /** How many stylesheets it installed (documents and shadow roots). */
  readonly styles: number;
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

const FOCUS_DECLARATIONS = `background-color: ${FOCUS_STYLE.background}; color: ${FOCUS_STYLE.color}; text-decoration-line: underline; text-decoration-style: solid; text-decoration-color: ${FOCUS_STYLE.color};`;

/** Rules on every element: work everywhere, but adding or removing them restyles every element of the document
 * (2,559 elements of the 100,000-word fixture: 25–35 ms, over 100 ms under tracing). Used in shadow roots, and in
 * documents where highlight styles are not inherited. */
export const HIGHLIGHT_CSS = `${levelRules((l) => `::highlight(mirage-${l})`)}
::highlight(mirage-focus) { ${FOCUS_DECLARATIONS} }`;

/** Rules on the root element only, reaching every text through highlight inheritance (CSS Pseudo 4 §3.5, in
 * Chromium): the same look for about a third of the style recalculation. Checked before it is relied on. */
export const HIGHLIGHT_ROOT_CSS = `${levelRules((l) => `:root::highlight(mirage-${l})`)}
:root::highlight(mirage-focus) { ${FOCUS_DECLARATIONS} }`;

/** Whether a rule on :root reaches <body>'s highlight styles (highlight inheritance), as computed by the browser. A
 * browser without it, or without getComputedStyle for highlight pseudo-elements, answers no. */
export function inheritsRootHighlight(doc: Document): boolean {
  const view = doc.defaultView;
  if (!doc.body || !view) return false;
  try {
    return view.getComputedStyle(doc.body, '::highlight(mirage-1)').backgroundColor.replace(/\s/g, '') === LEVEL_STYLE[1].tint.replace(/\s/g, '');
  } catch {
    return false;
  }
}

export const WRAP_CSS = `${levelRules((l) => `${MARK_TAG}[data-mirage-level="${l}"]`)}
${MARK_TAG} { display: inline; text-underline-offset: 0.15em; }
${MARK_TAG}[data-mirage-focus] { background-color: ${FOCUS_STYLE.background}; color: ${FOCUS_STYLE.color}; }`;

/** What the Highlight API looks like, so tests can pass a fake one. */
export interface HighlightLike {
  priority?: number;
  add(r: Range): unknown;
  delete(r: Range): boolean;
  readonly size: number;
}
export interface HighlightApi {
  registry: { set(name: string, h: unknown): unknown; delete(name: string): boolean };
  Highlight: new (...ranges: Range[]) => HighlightLike;
}

export function nativeHighlightApi(doc: Document): HighlightApi | undefined {
  const view = doc.defaultView as (Window & { CSS?: { highlights?: HighlightApi['registry'] }; Highlight?: HighlightApi['Highlight'] }) | null;
  const registry = view?.CSS?.highlights;
  const Highlight = view?.Highlight;
  return registry && typeof Highlight === 'function' ? { registry, Highlight } : undefined;
}

type StyleTarget = Document | ShadowRoot;

interface InstalledStyle {
  remove(): void;
  replace(css: string): void;
}

/** A stylesheet for a document or shadow root that can be removed without a trace. */
function installStyle(target: StyleTarget, css: string): InstalledStyle {
  const doc = target.nodeType === 9 ? (target as Document) : target.ownerDocument!;
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  try {
    if (view && 'adoptedStyleSheets' in target && typeof view.CSSStyleSheet === 'function') {
      const sheet = new view.CSSStyleSheet();
      sheet.replaceSync(css);
      target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet];
      if (target.adoptedStyleSheets.includes(sheet)) {
        return {
          remove: () => {
            target.adoptedStyleSheets = target.adoptedStyleSheets.filter((s) => s !== sheet);
          },
          replace: (next) => sheet.replaceSync(next),
        };
      }
    }
  } catch {
    // fall through to a <style> element (e.g. a constructed sheet from another global)
  }
  const style = doc.createElement('style');
  style.setAttribute('data-mirage-lens', '');
  style.textContent = css;
  const parent = target.nodeType === 9 ? (doc.head ?? doc.documentElement) : target;
  parent.appendChild(style);
  return {
    remove: () => style.remove(),
    replace: (next) => {
      style.textContent = next;
    },
  };
}

/** Rules for a whole document that are cheaper to add, with the check that they work there (else `css` is used). */
interface DocumentRules {
  css: string;
  works(doc: Document): boolean;
}

/** Installs one stylesheet per document / shadow root on first use; `removeAll` takes them all away. */
function styleKeeper(css: string, documentRules?: DocumentRules) {
  const installed = new Map<StyleTarget, InstalledStyle>();
  const forDocument = (doc: Document): InstalledStyle => {
    if (!documentRules) return installStyle(doc, css);
    const style = installStyle(doc, documentRules.css);
    if (!documentRules.works(doc)) style.replace(css);
    return style;
  };
  return {
    ensureFor(node: Node) {
      const root = node.getRootNode() as Node;
      const doc = node.ownerDocument;
      if (doc && !installed.has(doc)) installed.set(doc, forDocument(doc));
      if (root.nodeType === 11 && !installed.has(root as ShadowRoot)) installed.set(root as ShadowRoot, installStyle(root as ShadowRoot, css));
    },
    removeAll() {
      for (const style of installed.values()) style.remove();
      installed.clear();
    },
    get count() {
      return installed.size;
    },
  };
}

function scrollToRange(range: Range): void {
  const el = range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement;
  el?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
}

export interface PainterOptions {
  /** Force an implementation (tests); default: 'highlight' when the API exists. `null` = wrapper fallback. */
  highlightApi?: HighlightApi | null;
}

export function createPainter(doc: Document, options: PainterOptions = {}): Painter {
  if (options.highlightApi === null) return wrapPainter();
  const fixed = options.highlightApi;
  if (!fixed && !nativeHighlightApi(doc)) return wrapPainter();
  return highlightPainter((d) => fixed ?? nativeHighlightApi(d));
}

interface DocHighlights {
  api: HighlightApi;
  levels: Map<Level, HighlightLike>;
}

function highlightPainter(apiFor: (doc: Document) => HighlightApi | undefined): Painter {
  const styles = styleKeeper(HIGHLIGHT_CSS, { css: HIGHLIGHT_ROOT_CSS, works: inheritsRootHighlight });
  const docs = new Map<Document, DocHighlights | null>();
  let focused: { api: HighlightApi } | undefined;
  let size = 0;

  const forDoc = (d: Document): DocHighlights | null => {
    let x = docs.get(d);
    if (x === undefined) {
      const api = apiFor(d);
      x = api ? { api, levels: new Map() } : null;
      docs.set(d, x);
    }
    return x;
  };

  const clear = () => {
    for (const x of docs.values()) {
      if (!x) continue;
      for (const name of HIGHLIGHT_NAMES) x.api.registry.delete(name);
      x.levels.clear();
    }
    docs.clear();
    focused = undefined;
    size = 0;
  };

  return {
    kind: 'highlight',
    get size() {
      return size;
    },
    get styles() {
      return styles.count;
    },
    prepare(node) {
      if (node.ownerDocument && forDoc(node.ownerDocument)) styles.ensureFor(node);
    },
    add(items) {
      for (const it of items) {
        const node = it.range.startContainer;
        const d = node.ownerDocument;
        const x = d && forDoc(d);
        if (!x) continue; // a frame without the API: not shown rather than changed
        styles.ensureFor(node);
        let h = x.levels.get(it.level);
        if (!h) {
          h = new x.api.Highlight();
          h.priority = it.level;
          x.levels.set(it.level, h);
          x.api.registry.set(`mirage-${it.level}`, h);
        }
        h.add(it.range);
        size++;
      }
    },
    remove(items) {
      for (const it of items) {
        const d = it.range.startContainer.ownerDocument;
        const x = d ? docs.get(d) : undefined;
        const h = x?.levels.get(it.level);
        if (!x || !h?.delete(it.range)) continue;
        size--;
        if (h.size === 0) {
          x.levels.delete(it.level);
          x.api.registry.delete(`mirage-${it.level}`);
        }
      }
    },
    focus(item) {
      if (!item) return false;
      const d = item.range.startContainer.ownerDocument;
      const x = d && forDoc(d);
      if (!x) return false;
      focused?.api.registry.delete('mirage-focus');
      const h = new x.api.Highlight(item.range);
      h.priority = 10;
      x.api.registry.set('mirage-focus', h);
      focused = { api: x.api };
      scrollToRange(item.range);
      return true;
    },
    clear,
    dispose() {
      clear();
      styles.removeAll();
    },
  };
}

interface Wrapped {
  node: Text;
  data: string;
  inserted: Node[];
}

function wrapPainter(): Painter {
  const styles = styleKeeper(WRAP_CSS);
  /** Per item: the text nodes it split, and its marks. */
  let byItem = new Map<PaintItem, { wrapped: Wrapped[]; marks: Element[] }>();
  let focused: Element[] = [];

  const restore = (w: Wrapped) => {
    for (const n of w.inserted) n.parentNode?.removeChild(n);
    if (w.node.data !== w.data) w.node.data = w.data;
  };

  const clear = () => {
    const all = [...byItem.values()].flatMap((x) => x.wrapped);
    const seen = new Set<Wrapped>();
    for (let i = all.length - 1; i >= 0; i--) {
      if (seen.has(all[i])) continue;
      seen.add(all[i]);
      restore(all[i]);
    }
    byItem = new Map();
    focused = [];
  };

  return {
    kind: 'wrap',
    get size() {
      return byItem.size;
    },
    get styles() {
      return styles.count;
    },
    prepare(node) {
      styles.ensureFor(node);
    },
    add(items) {
      // 1. every range to per-node intervals, before anything moves
      const perNode = new Map<Text, { from: number; to: number; level: Level; item: PaintItem }[]>();
      for (const it of items) {
        const r = it.range;
        byItem.set(it, { wrapped: [], marks: [] });
        const root = r.commonAncestorContainer;
        const texts: Text[] = [];
        if (root.nodeType === 3) texts.push(root as Text);
        else {
          const w = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, 4);
          for (let n = w.nextNode(); n; n = w.nextNode()) if (r.intersectsNode(n)) texts.push(n as Text);
        }
        for (const t of texts) {
          const from = t === r.startContainer ? r.startOffset : 0;
          const to = t === r.endContainer ? r.endOffset : t.data.length;
          if (to <= from) continue;
          let list = perNode.get(t);
          if (!list) perNode.set(t, (list = []));
          list.push({ from, to, level: it.level, item: it });
        }
      }
      // 2. split each node once: the original keeps the text before the first mark; the rest is inserted after it
      for (const [node, list] of perNode) {
        styles.ensureFor(node);
        list.sort((a, b) => a.from - b.from);
        const doc = node.ownerDocument;
        const data = node.data;
        const inserted: Node[] = [];
        const w: Wrapped = { node, data, inserted };
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
          const rec = byItem.get(iv.item)!;
          rec.marks.push(mark);
          if (!rec.wrapped.includes(w)) rec.wrapped.push(w);
          pos = iv.to;
        }
        if (pos < data.length) inserted.push(doc.createTextNode(data.slice(pos)));
        node.data = head ?? '';
        const parent = node.parentNode;
        if (!parent) continue;
        const next = node.nextSibling;
        for (const n of inserted) parent.insertBefore(n, next);
      }
    },
    remove(items) {
      const seen = new Set<Wrapped>();
      const ws: Wrapped[] = [];
      for (const it of items) {
        const rec = byItem.get(it);
        if (!rec) continue;
        byItem.delete(it);
        for (const w of rec.wrapped) if (!seen.has(w)) (seen.add(w), ws.push(w));
      }
      for (let i = ws.length - 1; i >= 0; i--) restore(ws[i]);
    },
    focus(item) {
      const m = item && byItem.get(item)?.marks;
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
      styles.removeAll();
    },
  };
}
