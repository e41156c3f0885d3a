/**
 * markup — a tiny element tree with two outputs: an escaped HTML string (for the downloadable report) and real DOM
 * nodes (for the pages), so that no string from a user or a file is ever parsed as markup.
 *
 * When to use: anything that must exist both as a file and on screen (the teacher report, charts), or any HTML
 * string we produce. Build with `h(tag, attrs, ...children)`; children are nodes or plain strings (always text).
 *
 * API:
 * - `h(tag, attrs?, ...children)` -> El. `tag` must be in ALLOWED_TAGS (no script, iframe, object, embed, link,
 *   base, form...); attribute names must be plain (`[a-z][a-z0-9-:]*`) and never `on*`, `href`/`src` only accept
 *   `#fragment`, `data:image/` is refused too. Violations throw: they are programming errors, not user input.
 * - `css(text)` -> a `<style>` element; the CSS is ours, and may not contain `<`.
 * - `serialize(node)` -> HTML string: text escapes `& < > " '`, attribute values escape `& < > " '` too; void
 *   elements are written without end tags.
 * - `documentHtml(root)` -> `<!doctype html>` + serialize(root).
 * - `toDom(node, doc)` -> DOM Node built with createElement / createElementNS (SVG) / createTextNode.
 * Limits: no comments, no raw HTML, by design.
 */

export type Child = El | string | number | null | undefined | false | readonly Child[];
export interface El {
  tag: string;
  attrs: Record<string, string>;
  children: (El | string)[];
}

export const SVG_NS = 'http://www.w3.org/2000/svg';

const HTML_TAGS =
  'html head body title meta style main header footer section article aside nav h1 h2 h3 h4 p div span strong em small ' +
  'b i u mark code pre blockquote q cite ul ol li dl dt dd table caption thead tbody tfoot tr th td figure figcaption ' +
  'details summary hr br abbr time data sup sub';
const SVG_TAGS = 'svg g rect line circle path polyline polygon text title desc tspan';
export const ALLOWED_TAGS = new Set([...HTML_TAGS.split(' '), ...SVG_TAGS.split(' ')]);
const SVG_ONLY = new Set(SVG_TAGS.split(' ').filter((t) => t !== 'title'));
const VOID = new Set(['meta', 'hr', 'br']);
const ATTR_NAME = /^[a-z][a-z0-9-]*(:[a-z][a-z0-9-]*)?$/i;

type AttrValue = string | number | boolean | null | undefined;

export function h(tag: string, attrs: Record<string, AttrValue> | null = null, ...children: Child[]): El {
  if (!ALLOWED_TAGS.has(tag)) throw new Error(`markup: tag <${tag}> is not allowed`);
  const clean: Record<string, string> = {};
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (!ATTR_NAME.test(name) || /^on/i.test(name)) throw new Error(`markup: attribute ${name} is not allowed`);
    const v = value === true ? '' : String(value);
    if (/^(href|src|xlink:href|action|formaction)$/i.test(name) && !v.startsWith('#')) {
      throw new Error(`markup: ${name} may only point inside the document`);
    }
    clean[name] = v;
  }
  const out: (El | string)[] = [];
  const add = (c: Child): void => {
    if (Array.isArray(c)) (c as readonly Child[]).forEach(add);
    else if (c === null || c === undefined || c === false) return;
    else out.push(typeof c === 'number' ? String(c) : (c as El | string));
  };
  children.forEach(add);
  return { tag, attrs: clean, children: out };
}

const CSS_MARK = '\u0000css';

/** A <style> element with our own CSS. */
export function css(text: string): El {
  if (text.includes('<')) throw new Error('markup: CSS may not contain "<"');
  return { tag: 'style', attrs: {}, children: [CSS_MARK + text] };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

export function serialize(node: El | string): string {
  if (typeof node === 'string') return escapeHtml(node);
  let attrs = '';
  for (const [k, v] of Object.entries(node.attrs)) attrs += ` ${k}="${escapeHtml(v)}"`;
  if (VOID.has(node.tag)) return `<${node.tag}${attrs}>`;
  const inner = node.children
    .map((c) => (node.tag === 'style' && typeof c === 'string' && c.startsWith(CSS_MARK) ? c.slice(CSS_MARK.length) : serialize(c)))
    .join('');
  return `<${node.tag}${attrs}>${inner}</${node.tag}>`;
}

export function documentHtml(root: El): string {
  return '<!doctype html>\n' + serialize(root);
}

export function toDom(node: El | string, doc: Document, inSvg = false): Node {
  if (typeof node === 'string') {
    return doc.createTextNode(node.startsWith(CSS_MARK) ? node.slice(CSS_MARK.length) : node);
  }
  const svg = inSvg || node.tag === 'svg' || SVG_ONLY.has(node.tag);
  const el = svg ? doc.createElementNS(SVG_NS, node.tag) : doc.createElement(node.tag);
  for (const [k, v] of Object.entries(node.attrs)) el.setAttribute(k, v);
  for (const c of node.children) el.appendChild(toDom(c, doc, svg));
  return el;
}

/** Plain text of a tree (for tests and accessible names). */
export function textOf(node: El | string): string {
  return typeof node === 'string' ? (node.startsWith(CSS_MARK) ? '' : node) : node.children.map(textOf).join('');
}
