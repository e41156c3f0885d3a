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
 * Main text: when `main` is true (default) and Mozilla's Readability (the Firefox Reader View engine, maintained by
 * Mozilla) finds an article on a clone of the document, only the text nodes it keeps are read; otherwise the whole
 * body is read with the skip rules above. Readability works on a clone: the page is never touched.
 * `extractSelection(range)` reads only the text inside a Range (the context menu's "Analyse this selection").
 * Limits: does not enter shadow roots or iframes yet; reading is synchronous (bounded by MAX_CHARS), chunking with
 * yields is planned for very long pages.
 */
import { Readability } from '@mozilla/readability';

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
}

/** A page is read up to this many characters (about 200,000 words): beyond it, the rest is not analysed. */
export const MAX_CHARS = 1_200_000;
/** Readability is only worth its cost when it keeps at least this many letters. */
export const MIN_MAIN_LETTERS = 200;
/** Readability is skipped on documents with more elements than this (its cost grows with the DOM). */
export const MAX_READABILITY_ELEMENTS = 20_000;

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

function isSkipped(el: Element, view: (Window & typeof globalThis) | null): boolean {
  const tag = el.tagName.toUpperCase();
  if (SKIP_TAGS.has(tag)) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('inert')) return true;
  const role = el.getAttribute('role');
  if (role && SKIP_ROLES.has(role.trim().toLowerCase())) return true;
  const ce = el.getAttribute('contenteditable');
  if (ce !== null && ce.toLowerCase() !== 'false') return true;
  if (CHROME_TAGS.has(tag) && !el.parentElement?.closest('article, main, [role="main"], [role="article"]')) return true;
  if (view && el instanceof view.HTMLElement) {
    const st = view.getComputedStyle(el);
    if (st.display === 'none' || st.visibility === 'hidden' || st.visibility === 'collapse') return true;
  }
  return false;
}

function isInline(el: Element, view: (Window & typeof globalThis) | null): boolean {
  const tag = el.tagName.toUpperCase();
  if (INLINE_TAGS.has(tag)) return true;
  if (tag.includes('-') && view) {
    const d = view.getComputedStyle(el).display;
    return d.startsWith('inline') || d === 'contents' || d === '';
  }
  return false;
}

/**
 * The live text nodes that Readability keeps as the article, or undefined when it finds no article (or the page is
 * too big for it to be worth running).
 */
export function mainTextNodes(doc: Document): Set<Text> | undefined {
  if (!doc.body) return undefined;
  if (doc.getElementsByTagName('*').length > MAX_READABILITY_ELEMENTS) return undefined;
  let content: Node | null | undefined;
  try {
    const clone = doc.cloneNode(true) as Document;
    content = new Readability<Node>(clone, { serializer: (n) => n, charThreshold: 300 }).parse()?.content;
  } catch {
    return undefined;
  }
  if (!content) return undefined;
  // Readability may rebuild parts of its copy, so live nodes are found again by their text, in order.
  const kept: string[] = [];
  const cw = (content.ownerDocument ?? doc).createTreeWalker(content, 4 /* SHOW_TEXT */);
  for (let n = cw.nextNode(); n; n = cw.nextNode()) {
    const data = (n as Text).data;
    if (data.trim()) kept.push(data);
  }
  const live: Text[] = [];
  const lw = doc.createTreeWalker(doc.body, 4);
  for (let n = lw.nextNode(); n; n = lw.nextNode()) if ((n as Text).data.trim()) live.push(n as Text);
  const out = new Set<Text>();
  let j = 0;
  let letters = 0;
  for (const data of kept) {
    let k = j;
    while (k < live.length && live[k].data !== data) k++;
    if (k === live.length) continue; // rebuilt or merged text: skip it, keep the position
    out.add(live[k]);
    letters += countLetters(data);
    j = k + 1;
  }
  return letters >= MIN_MAIN_LETTERS ? out : undefined;
}

function countLetters(s: string): number {
  let n = 0;
  for (const ch of s) if (LETTER.test(ch)) n++;
  return n;
}

function nearestLang(el: Element): string {
  return el.closest('[lang]')?.getAttribute('lang') ?? '';
}

interface Builder {
  blocks: Block[];
  current: Block | null;
  chars: number;
  max: number;
}

function closeBlock(b: Builder): void {
  const cur = b.current;
  b.current = null;
  if (cur && LETTER.test(cur.text)) b.blocks.push(cur);
}

function appendText(b: Builder, blockEl: Element, node: Text, from: number, to: number): void {
  if (b.chars >= b.max) return;
  to = Math.min(to, from + (b.max - b.chars));
  if (!b.current || b.current.element !== blockEl) {
    closeBlock(b);
    b.current = { text: '', lang: nearestLang(blockEl), element: blockEl, segments: [] };
  }
  const cur = b.current;
  const piece = node.data.slice(from, to).replace(WHITESPACE, ' ');
  cur.segments.push({ node, nodeStart: from, start: cur.text.length, end: cur.text.length + piece.length });
  cur.text += piece;
  b.chars += piece.length;
}

/** The block-level element a node's text belongs to. */
function blockOf(node: Node, root: Node, view: (Window & typeof globalThis) | null): Element {
  let el = node.parentElement;
  while (el && el !== root && isInline(el, view)) el = el.parentElement;
  return (el ?? (root as Element)) as Element;
}

/** Walk `root` (skipping what is not readable) and call `visit` on each readable Text node and each <br>. */
function walk(
  doc: Document,
  root: Node,
  visit: (n: Text | Element) => void,
  view: (Window & typeof globalThis) | null,
): void {
  const walker = doc.createTreeWalker(root, 1 | 4 /* SHOW_ELEMENT | SHOW_TEXT */, {
    acceptNode(n: Node) {
      if (n.nodeType === 1) return isSkipped(n as Element, view) ? 2 /* REJECT */ : 1;
      return 1;
    },
  });
  // the root itself may be skipped content (e.g. a selection inside <code>)
  for (let el: Element | null = root.nodeType === 1 ? (root as Element) : root.parentElement; el; el = el.parentElement) {
    if (isSkipped(el, view)) return;
  }
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === 3) visit(n as Text);
    else if ((n as Element).tagName.toUpperCase() === 'BR') visit(n as Element);
  }
}

export function extractBlocks(doc: Document, options: ExtractOptions = {}): Block[] {
  const body = doc.body;
  if (!body) return [];
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  const keep = options.main === false ? undefined : mainTextNodes(doc);
  const b: Builder = { blocks: [], current: null, chars: 0, max: options.maxChars ?? MAX_CHARS };
  walk(doc, body, (n) => {
    if (n.nodeType === 1) {
      if (b.current) {
        b.current.text += ' ';
        b.chars++;
      }
      return;
    }
    const t = n as Text;
    if (keep && !keep.has(t)) return;
    if (!t.data) return;
    appendText(b, blockOf(t, body, view), t, 0, t.data.length);
  }, view);
  closeBlock(b);
  return b.blocks;
}

/** The readable text inside `range` (a selection), as blocks. */
export function extractSelection(range: Range, options: ExtractOptions = {}): Block[] {
  const doc = range.startContainer.ownerDocument ?? (range.startContainer as Document);
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  const root = range.commonAncestorContainer;
  const b: Builder = { blocks: [], current: null, chars: 0, max: options.maxChars ?? MAX_CHARS };
  const body = doc.body ?? doc.documentElement;
  const visitText = (t: Text) => {
    if (!range.intersectsNode(t)) return;
    const from = t === range.startContainer ? range.startOffset : 0;
    const to = t === range.endContainer ? range.endOffset : t.data.length;
    if (to > from) appendText(b, blockOf(t, body, view), t, from, to);
  };
  if (root.nodeType === 3) {
    for (let el = root.parentElement; el; el = el.parentElement) if (isSkipped(el, view)) return [];
    visitText(root as Text);
  } else {
    walk(doc, root, (n) => {
      if (n.nodeType === 3) visitText(n as Text);
      else if (b.current && range.intersectsNode(n)) {
        b.current.text += ' ';
        b.chars++;
      }
    }, view);
  }
  closeBlock(b);
  return b.blocks;
}
