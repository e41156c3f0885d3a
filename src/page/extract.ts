/**
 * extract — the page's readable text as blocks, each with a map back to the DOM text it came from.
 *
 * What: `extractBlocks(doc, options)` walks the live DOM in document order and returns `Block`s (one per block-level
 * element run: a paragraph, a list item, a heading...). Each block has its `text` and `segments`, which say which
 * characters of `text` come from which `Text` node at which offset, so that engine offsets map back to DOM ranges
 * (see ranges.ts). `text` has the same length as the DOM text it was read from: whitespace characters become
 * spaces (one for one) and a `<br>` adds one space that belongs to no node.
 * What is skipped: navigation and menus (nav, menu, [role=navigation|menu|menubar|toolbar|search|tablist], a
 * page-level header/footer/aside), code (code, pre, kbd, samp), form fields and buttons, editable regions
 * (contenteditable), hidden elements (hidden, aria-hidden, display:none, visibility:hidden), script/style/template,
 * media, and the extension's own elements.
 * Main text: when `main` is true (default), Readability was injected (main-text.ts), and Mozilla's Readability (the
 * Firefox Reader View engine, maintained by Mozilla) finds an article on a clone of the document, only the text
 * nodes it keeps are read; otherwise the whole body is read with the skip rules above. Readability works on a
 * clone: the page is never touched. It runs only on
 * documents of at most MAX_READABILITY_ELEMENTS elements (its cost grows with the DOM and cannot be sliced).
 * Flat tree: open shadow roots are entered (a <slot> reads the light DOM assigned to it) and so are same-origin
 * iframes (`iframe.contentDocument`); Readability's choice does not apply inside them (it never sees them).
 * Cross-origin frames and closed shadow roots cannot be read and are skipped.
 * Slicing: `extractPageAsync` reads in slices of DEFAULT_SLICE_MS and gives the main thread back between slices
 * (the caller's yielder); `extractPage`/`extractBlocks` read in one go (tests, small documents). Both share one
 * generator, so they read exactly the same blocks. `roots` reads only given subtrees (content added later).
 * `extractSelection(range)` reads only the text inside a Range (the context menu's "Analyse this selection").
 */
import { MAX_PAGE_BLOCKS, MAX_PAGE_CHARS } from '../messaging';
import { mainTextNodes } from './main-text';
import type { Yielder } from './yield';

export { MAX_READABILITY_CHARS, MAX_READABILITY_ELEMENTS, MIN_MAIN_LETTERS, mainTextNodes, wantsMainText } from './main-text';

/** Where one run of characters of a block comes from. */
export interface Segment {
  node: Text;
  /** Offset in `node.data` of the block character at `start`. */
  nodeStart: number;
  /** [start, end) in the block's text. */
  start: number;
  end: number;
}

export interface Block {
  /** Stable within a page session: assigned in reading order, never reused. */
  id: number;
  text: string;
  /** Nearest lang attribute ('' when none). */
  lang: string;
  element: Element;
  segments: Segment[];
}

export interface ExtractOptions {
  /** Use Readability to keep the main text only. Default true. */
  main?: boolean;
  /** Stop reading after this many characters. */
  maxChars?: number;
  /** Id of the first block read (a session keeps ids unique across readings). Default 0. */
  firstId?: number;
  /** Read only these subtrees (content added later), in this order, without Readability's filter. */
  roots?: Node[];
  /** Text nodes to leave out (they already belong to a block the caller keeps). */
  skipText?: (t: Text) => boolean;
}

/** A page is read up to this many characters (about 200,000 words) and blocks: beyond either, the rest is not
 * analysed (the background refuses a page-layer message over these caps, src/messaging.ts). */
export const MAX_CHARS = MAX_PAGE_CHARS;
/** Elements whose whole subtree is never read. */
const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'META', 'LINK',
  'CODE', 'PRE', 'KBD', 'SAMP', 'VAR', 'TT',
  'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'OPTGROUP', 'BUTTON', 'DATALIST', 'OUTPUT', 'PROGRESS', 'METER',
  'NAV', 'MENU', 'DIALOG',
  'SVG', 'MATH', 'IFRAME', 'FRAME', 'CANVAS', 'VIDEO', 'AUDIO', 'OBJECT', 'EMBED', 'PICTURE', 'IMG', 'MAP',
  'MIRAGE-LENS-LEGEND', 'MIRAGE-LENS-ROOT',
]);
/** Landmarks that are chrome around the text rather than the text. */
const SKIP_ROLES = new Set([
  'navigation', 'menu', 'menubar', 'menuitem', 'toolbar', 'search', 'tablist', 'tab', 'dialog', 'alertdialog',
  'banner', 'contentinfo', 'complementary', 'button', 'textbox', 'combobox', 'listbox', 'tooltip', 'status',
]);
/** Page-level header/footer/aside are skipped; inside an article or main they belong to the text. */
const CHROME_TAGS = new Set(['HEADER', 'FOOTER', 'ASIDE']);
/** Phrasing elements: they do not start a new block. */
const INLINE_TAGS = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'DATA', 'DFN', 'EM', 'I', 'MARK', 'Q', 'S', 'SMALL', 'SPAN', 'STRONG',
  'SUB', 'SUP', 'TIME', 'U', 'FONT', 'LABEL', 'INS', 'DEL', 'BIG', 'WBR', 'BR', 'RUBY', 'RT', 'RP', 'NOBR',
  'MIRAGE-MARK',
]);

const WHITESPACE = /[\t\n\r\f\v]/g;
const LETTER = /\p{L}/u;

type View = Window & typeof globalThis;

function viewOf(el: Node): View | null {
  return (el.ownerDocument?.defaultView ?? null);
}

function isSkipped(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  // a plain-text document is shown by the browser in one <pre>: that is its text, not code
  if (SKIP_TAGS.has(tag) && !(tag === 'PRE' && el.ownerDocument.contentType === 'text/plain')) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('inert')) return true;
  const role = el.getAttribute('role');
  if (role && SKIP_ROLES.has(role.trim().toLowerCase())) return true;
  const ce = el.getAttribute('contenteditable');
  if (ce !== null && ce.toLowerCase() !== 'false') return true;
  if (CHROME_TAGS.has(tag) && !el.parentElement?.closest('article, main, [role="main"], [role="article"]')) return true;
  const view = viewOf(el);
  // 'style' in el: an HTML element of any realm (same-origin iframes have their own HTMLElement)
  if (view && 'style' in el) {
    const st = view.getComputedStyle(el);
    if (st.display === 'none' || st.visibility === 'hidden' || st.visibility === 'collapse') return true;
  }
  return false;
}

function isInline(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (INLINE_TAGS.has(tag)) return true;
  const view = viewOf(el);
  if (tag.includes('-') && view) {
    const d = view.getComputedStyle(el).display;
    return d.startsWith('inline') || d === 'contents' || d === '';
  }
  return false;
}

/** The parent element of `n` in the flat tree as far as blocks are concerned: a shadow root's host. */
function upOf(n: Node): Element | null {
  if (n.parentElement) return n.parentElement;
  const p = n.parentNode as (Node & { host?: Element }) | null;
  return p && p.nodeType === 11 && p.host ? p.host : null;
}

/** The same-origin document inside an iframe, or undefined (cross-origin, not loaded, or not HTML). */
function frameDocument(el: Element): Document | undefined {
  const tag = el.tagName.toUpperCase();
  if (tag !== 'IFRAME' && tag !== 'FRAME') return undefined;
  try {
    const d = (el as HTMLIFrameElement).contentDocument;
    return d?.body ? d : undefined;
  } catch {
    return undefined;
  }
}

function nearestLang(el: Element): string {
  for (let e: Element | null = el; e; e = upOf(e)) {
    const l = e.getAttribute('lang');
    if (l !== null) return l;
  }
  return '';
}

interface Builder {
  blocks: Block[];
  current: Block | null;
  chars: number;
  max: number;
  nextId: number;
}

function builder(options: ExtractOptions): Builder {
  return { blocks: [], current: null, chars: 0, max: options.maxChars ?? MAX_CHARS, nextId: options.firstId ?? 0 };
}

function closeBlock(b: Builder): void {
  const cur = b.current;
  b.current = null;
  if (cur && LETTER.test(cur.text)) {
    cur.id = b.nextId++;
    b.blocks.push(cur);
  }
}

function appendText(b: Builder, blockEl: Element, node: Text, from: number, to: number): void {
  if (b.chars >= b.max) return;
  to = Math.min(to, from + (b.max - b.chars));
  if (!b.current || b.current.element !== blockEl) {
    closeBlock(b);
    if (b.blocks.length >= MAX_PAGE_BLOCKS) return;
    b.current = { id: -1, text: '', lang: nearestLang(blockEl), element: blockEl, segments: [] };
  }
  const cur = b.current;
  const piece = node.data.slice(from, to).replace(WHITESPACE, ' ');
  cur.segments.push({ node, nodeStart: from, start: cur.text.length, end: cur.text.length + piece.length });
  cur.text += piece;
  b.chars += piece.length;
}

/** The block-level element a node's text belongs to (crossing shadow boundaries, stopping at `root`). */
function blockOf(node: Node, root: Element): Element {
  let el = upOf(node);
  while (el && el !== root && isInline(el)) el = upOf(el);
  return el ?? root;
}

/** Nodes visited between two looks at the clock. */
const CHECK_EVERY = 64;

interface Visit {
  node: Node;
  /** The block root for blockOf (a document's body). */
  root: Element;
  /** True inside shadow trees and frames: Readability never saw these nodes, its choice does not apply. */
  free: boolean;
}

/**
 * Walk the flat tree under `start` in document order: open shadow roots (their slots show the light DOM assigned to
 * them) and same-origin iframes are entered; skipped elements are not. Calls `visit` on each Text node and <br>.
 * A generator: it yields every CHECK_EVERY nodes so that a driver can give the page its main thread back.
 */
function* walkFlat(
  start: Visit[],
  visit: (n: Text | Element, v: Visit) => void,
  frames: Document[],
  shadows: ShadowRoot[],
): Generator<void, void, void> {
  const stack: Visit[] = [...start].reverse();
  let n = 0;
  while (stack.length) {
    const v = stack.pop()!;
    if (++n % CHECK_EVERY === 0) yield;
    const node = v.node;
    if (node.nodeType === 3) {
      visit(node as Text, v);
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 11) continue;
    let children: ArrayLike<Node> = node.childNodes;
    const root = v.root;
    let free = v.free;
    if (node.nodeType === 1) {
      const el = node as Element;
      const inner = frameDocument(el);
      if (inner) {
        if (isSkippedFrame(el)) continue;
        frames.push(inner);
        stack.push({ node: inner.body, root: inner.body, free: true });
        continue;
      }
      if (isSkipped(el)) continue;
      const tag = el.tagName.toUpperCase();
      if (tag === 'BR') {
        visit(el, v);
        continue;
      }
      const sr = (el as Element & { shadowRoot: ShadowRoot | null }).shadowRoot;
      if (sr) {
        shadows.push(sr);
        children = sr.childNodes;
        free = true;
      } else if (tag === 'SLOT') {
        const assigned = (el as HTMLSlotElement).assignedNodes?.() ?? [];
        if (assigned.length) children = assigned;
      }
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, root, free });
  }
}

/** An iframe is read only when it is shown (its own element is not hidden). */
function isSkippedFrame(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const view = viewOf(el);
  if (view && 'style' in el) {
    const st = view.getComputedStyle(el);
    if (st.display === 'none' || st.visibility === 'hidden') return true;
  }
  return false;
}

/** What a page walk found besides its blocks: the frames and shadow roots it entered (for painting and watching). */
export interface Extraction {
  blocks: Block[];
  frames: Document[];
  shadows: ShadowRoot[];
}

function* extractGen(doc: Document, options: ExtractOptions, out: Extraction): Generator<void, void, void> {
  const body = doc.body;
  if (!body) return;
  const keep = options.main === false || options.roots ? undefined : mainTextNodes(doc);
  yield;
  const b = builder(options);
  const roots: Visit[] = options.roots
    ? options.roots.map((r) => ({ node: r, root: (r.ownerDocument ?? doc).body ?? body, free: true }))
    : [{ node: body, root: body, free: false }];
  yield* walkFlat(roots, (n, v) => {
    if (n.nodeType === 1) {
      if (b.current && b.chars < b.max) {
        b.current.text += ' ';
        b.chars++;
      }
      return;
    }
    const t = n as Text;
    if (!t.data) return;
    if (keep && !v.free && !keep.has(t)) return;
    if (options.skipText?.(t)) return;
    appendText(b, blockOf(t, v.root), t, 0, t.data.length);
  }, out.frames, out.shadows);
  closeBlock(b);
  out.blocks = b.blocks;
}

/** Read the page synchronously (tests, small documents). */
export function extractPage(doc: Document, options: ExtractOptions = {}): Extraction {
  const out: Extraction = { blocks: [], frames: [], shadows: [] };
  const g = extractGen(doc, options, out);
  while (!g.next().done) {
    // no yielding
  }
  return out;
}

export function extractBlocks(doc: Document, options: ExtractOptions = {}): Block[] {
  return extractPage(doc, options).blocks;
}


/**
 * Read the page in slices of at most `sliceMs` of main-thread time, calling `yielder` between slices (STYLE 9).
 * `signal` aborts between slices (the result is then empty).
 */
export type SlicedExtractOptions = ExtractOptions & { yielder: Yielder; sliceMs?: number; signal?: AbortSignal; now?: () => number };

export async function extractPageAsync(doc: Document, options: SlicedExtractOptions): Promise<Extraction> {
  const out: Extraction = { blocks: [], frames: [], shadows: [] };
  const now = options.now ?? (() => performance.now());
  const slice = options.sliceMs ?? DEFAULT_SLICE_MS;
  const g = extractGen(doc, options, out);
  let t0 = now();
  while (!g.next().done) {
    if (now() - t0 >= slice) {
      await options.yielder();
      if (options.signal?.aborted) return { blocks: [], frames: [], shadows: [] };
      t0 = now();
    }
  }
  return out;
}

/** Main-thread time for one slice of reading or painting, in ms: far below the 50 ms of a long task. */
export const DEFAULT_SLICE_MS = 8;

/** The readable text inside `range` (a selection), as blocks. */
export function extractSelection(range: Range, options: ExtractOptions = {}): Block[] {
  const doc = range.startContainer.ownerDocument ?? (range.startContainer as Document);
  const root = range.commonAncestorContainer;
  const b = builder(options);
  const body = doc.body ?? doc.documentElement;
  const visitText = (t: Text) => {
    if (!range.intersectsNode(t)) return;
    const from = t === range.startContainer ? range.startOffset : 0;
    const to = t === range.endContainer ? range.endOffset : t.data.length;
    if (to > from) appendText(b, blockOf(t, body), t, from, to);
  };
  for (let el: Element | null = root.nodeType === 1 ? (root as Element) : root.parentElement; el; el = el.parentElement) {
    if (isSkipped(el)) return [];
  }
  if (root.nodeType === 3) {
    visitText(root as Text);
  } else {
    const g = walkFlat([{ node: root, root: body, free: true }], (n) => {
      if (n.nodeType === 3) visitText(n as Text);
      else if (b.current && b.chars < b.max && range.intersectsNode(n)) {
        b.current.text += ' ';
        b.chars++;
      }
    }, [], []);
    while (!g.next().done) {
      // synchronous: a selection is small
    }
  }
  closeBlock(b);
  return b.blocks;
}

/** True when `node` sits inside an element that is never read (navigation, code, hidden...), in the flat tree. */
export function insideSkipped(node: Node): boolean {
  for (let el: Element | null = node.nodeType === 1 ? (node as Element) : upOf(node); el; el = upOf(el)) {
    if (isSkipped(el)) return true;
  }
  return false;
}

/** The block-level element that holds `node`'s text (for change tracking). */
export function blockElementOf(node: Node): Element | undefined {
  const doc = node.ownerDocument;
  const body = doc?.body;
  return body ? blockOf(node, body) : undefined;
}
