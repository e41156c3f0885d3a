/**
 * styles — the page layer's stylesheets: the highlight rules per level (tint + underline style, from the shared
 * LEVEL_STYLE), the focus mark, the wrapper fallback's rules, and a keeper that installs one stylesheet per document
 * or shadow root (a constructed sheet adopted there, else one <style data-mirage-lens>) and removes them all, with
 * the underline colours of DARK_LINE in a document whose page is dark (`darkPage`, read once when its sheet is
 * installed: a page that changes theme afterwards keeps them until it is painted again); and
 * how "Show on the page" scrolls (smoothly, unless the reader asked for reduced motion).
 */
import type { Level } from '../messaging';
import { DARK_LINE, FOCUS_STYLE, LEVEL_STYLE } from '../shared/presentation';

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

/** 'smooth', or 'auto' (an instant jump) when the reader's system asks for reduced motion (WCAG 2.3.3). */
export function scrollBehaviour(doc: Document): ScrollBehavior {
  try {
    return doc.defaultView?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
  } catch {
    return 'smooth';
  }
}

/** Relative luminance (WCAG 2) of a computed CSS colour `rgb(a)(r, g, b[, a])`, with its alpha; undefined if not one. */
function luminance(css: string): [number, number] | undefined {
  const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?/.exec(css);
  if (!m) return undefined;
  const lin = (c: number) => (c <= 10.02 ? c / 3294.6 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return [0.2126 * lin(+m[1]!) + 0.7152 * lin(+m[2]!) + 0.0722 * lin(+m[3]!), m[4] === undefined ? 1 : +m[4]];
}

/** Whether the page's underlines contrast more in DARK_LINE than in the light-page colours: its background (body's,
 * else the root's) is dark, or, with neither painted, its text is light (a dark colour scheme's canvas). */
export function darkPage(doc: Document): boolean {
  const view = doc.defaultView;
  if (!view || !doc.body) return false;
  try {
    for (const el of [doc.body, doc.documentElement]) {
      const bg = luminance(view.getComputedStyle(el).backgroundColor);
      // below a luminance of 0.23 (about #848484) the dark-page colours' weakest contrast is the better one
      if (bg && bg[1] >= 0.5) return bg[0] < 0.23;
    }
    const text = luminance(view.getComputedStyle(doc.body).color);
    return !!text && text[0] > 0.4;
  } catch {
    return false;
  }
}

/** `css` with the dark-page underline colours. */
export function darkLines(css: string): string {
  for (const l of [1, 2, 3] as Level[]) css = css.split(LEVEL_STYLE[l].color).join(DARK_LINE[l]);
  return css;
}

type StyleTarget = Document | ShadowRoot;

interface InstalledStyle {
  remove(): void;
  replace(css: string): void;
}

/** A stylesheet for a document or shadow root that can be removed without a trace. */
function installStyle(target: StyleTarget, css: string): InstalledStyle {
  const doc = target.nodeType === 9 ? (target as Document) : target.ownerDocument!;
  const view = doc.defaultView;
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
export function styleKeeper(css: string, documentRules?: DocumentRules) {
  const installed = new Map<StyleTarget, InstalledStyle>();
  const forDocument = (doc: Document): InstalledStyle => {
    const dark = darkPage(doc) ? darkLines : (c: string) => c;
    if (!documentRules) return installStyle(doc, dark(css));
    const style = installStyle(doc, dark(documentRules.css));
    if (!documentRules.works(doc)) style.replace(dark(css));
    return style;
  };
  return {
    ensureFor(node: Node) {
      const root = node.getRootNode();
      const doc = node.ownerDocument;
      if (doc && !installed.has(doc)) installed.set(doc, forDocument(doc));
      if (root.nodeType === 11 && !installed.has(root as ShadowRoot)) installed.set(root as ShadowRoot, installStyle(root as ShadowRoot, doc && darkPage(doc) ? darkLines(css) : css));
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
