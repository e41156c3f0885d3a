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
import { HIGHLIGHT_CSS, HIGHLIGHT_NAMES, HIGHLIGHT_ROOT_CSS, inheritsRootHighlight, scrollBehaviour, styleKeeper } from './styles';
import { WrapPainter } from './wrap-painter';

export { HIGHLIGHT_NAMES, MARK_TAG } from './styles';

export interface PaintItem {
  level: Level;
  /** May be made on first use (ranges.ts): a painter reads it only in add, remove and focus. */
  readonly range: Range;
  /** Read the item's text now, before a painter changes the DOM (ranges.ts). */
  keepText?(): void;
  /** Let the item's Range go once it is no longer shown (ranges.ts). */
  release?(): void;
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

function nativeHighlightApi(doc: Document): HighlightApi | undefined {
  const view = doc.defaultView as (Window & { CSS?: { highlights?: HighlightApi['registry'] }; Highlight?: HighlightApi['Highlight'] }) | null;
  const registry = view?.CSS?.highlights;
  const Highlight = view?.Highlight;
  return registry && typeof Highlight === 'function' ? { registry, Highlight } : undefined;
}

function scrollToRange(range: Range): void {
  const el = range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement;
  if (el) el.scrollIntoView?.({ block: 'center', behavior: scrollBehaviour(el.ownerDocument) });
}

export interface PainterOptions {
  /** Force an implementation (tests); default: 'highlight' when the API exists. `null` = wrapper fallback. */
  highlightApi?: HighlightApi | null;
}

export function createPainter(doc: Document, options: PainterOptions = {}): Painter {
  if (options.highlightApi === null) return new WrapPainter();
  const fixed = options.highlightApi;
  if (!fixed && !nativeHighlightApi(doc)) return new WrapPainter();
  return new HighlightPainter((d) => fixed ?? nativeHighlightApi(d));
}

interface DocHighlights {
  api: HighlightApi;
  levels: Map<Level, HighlightLike>;
}

/** The CSS Custom Highlight API painter: ranges in each document's highlight registry, the DOM never touched. */
class HighlightPainter implements Painter {
  readonly kind = 'highlight' as const;
  private readonly sheets = styleKeeper(HIGHLIGHT_CSS, { css: HIGHLIGHT_ROOT_CSS, works: inheritsRootHighlight });
  private readonly docs = new Map<Document, DocHighlights | null>();
  private focused: { api: HighlightApi } | undefined;
  private count = 0;

  constructor(private readonly apiFor: (doc: Document) => HighlightApi | undefined) {}

  get size(): number {
    return this.count;
  }

  get styles(): number {
    return this.sheets.count;
  }

  private forDoc(d: Document): DocHighlights | null {
    let x = this.docs.get(d);
    if (x === undefined) {
      const api = this.apiFor(d);
      x = api ? { api, levels: new Map() } : null;
      this.docs.set(d, x);
    }
    return x;
  }

  prepare(node: Node): void {
    if (node.ownerDocument && this.forDoc(node.ownerDocument)) this.sheets.ensureFor(node);
  }

  add(items: readonly PaintItem[]): void {
    for (const it of items) {
      const node = it.range.startContainer;
      const d = node.ownerDocument;
      const x = d && this.forDoc(d);
      if (!x) continue; // a frame without the API: not shown rather than changed
      this.sheets.ensureFor(node);
      let h = x.levels.get(it.level);
      if (!h) {
        h = new x.api.Highlight();
        h.priority = it.level;
        x.levels.set(it.level, h);
        x.api.registry.set(`mirage-${it.level}`, h);
      }
      h.add(it.range);
      this.count++;
    }
  }

  remove(items: readonly PaintItem[]): void {
    for (const it of items) {
      const d = it.range.startContainer.ownerDocument;
      const x = d ? this.docs.get(d) : undefined;
      const h = x?.levels.get(it.level);
      if (!x || !h?.delete(it.range)) continue;
      this.count--;
      if (h.size === 0) {
        x.levels.delete(it.level);
        x.api.registry.delete(`mirage-${it.level}`);
      }
    }
  }

  focus(item: PaintItem | undefined): boolean {
    if (!item) return false;
    const d = item.range.startContainer.ownerDocument;
    const x = d && this.forDoc(d);
    if (!x) return false;
    this.focused?.api.registry.delete('mirage-focus');
    const h = new x.api.Highlight(item.range);
    h.priority = 10;
    x.api.registry.set('mirage-focus', h);
    this.focused = { api: x.api };
    scrollToRange(item.range);
    return true;
  }

  clear(): void {
    for (const x of this.docs.values()) {
      if (!x) continue;
      for (const name of HIGHLIGHT_NAMES) x.api.registry.delete(name);
      x.levels.clear();
    }
    this.docs.clear();
    this.focused = undefined;
    this.count = 0;
  }

  dispose(): void {
    this.clear();
    this.sheets.removeAll();
  }
}
