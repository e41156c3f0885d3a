// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { darkLines, darkPage, HIGHLIGHT_CSS, HIGHLIGHT_ROOT_CSS, inheritsRootHighlight } from '@/src/page/styles';
import { DARK_LINE, LEVEL_STYLE } from '@/src/shared/presentation';
import { createPainter, type HighlightApi } from '@/src/page/painter';

/** A document whose window computes highlight styles as `answer` says. */
function docWith(answer: (el: Element, pseudo?: string) => string, body = true): Document {
  const doc = document.implementation.createHTMLDocument('t');
  if (!body) doc.documentElement.removeChild(doc.body);
  const view = { getComputedStyle: (el: Element, pseudo?: string) => ({ backgroundColor: answer(el, pseudo) }) };
  Object.defineProperty(doc, 'defaultView', { value: view });
  return doc;
}

describe('highlight rules', () => {
  it('the :root rules are the per-element rules, scoped to :root', () => {
    expect(HIGHLIGHT_ROOT_CSS.replace(/:root::highlight/g, '::highlight')).toBe(HIGHLIGHT_CSS);
    for (const l of [1, 2, 3] as const) expect(HIGHLIGHT_ROOT_CSS).toContain(`:root::highlight(mirage-${l}) { background-color: ${LEVEL_STYLE[l].tint};`);
  });

  it('relies on inheritance only where the browser computes <body>\'s highlight style from the :root rule', () => {
    const tint = LEVEL_STYLE[1].tint;
    expect(inheritsRootHighlight(docWith((_el, pseudo) => (pseudo === '::highlight(mirage-1)' ? tint.replace(/\s/g, '') : 'x')))).toBe(true);
    // no inheritance: body's highlight style is the default
    expect(inheritsRootHighlight(docWith(() => 'rgba(0, 0, 0, 0)'))).toBe(false);
    // no getComputedStyle for highlight pseudo-elements
    expect(inheritsRootHighlight(docWith(() => {
      throw new TypeError('unsupported pseudo');
    }))).toBe(false);
    // nothing to ask
    expect(inheritsRootHighlight(docWith(() => tint, false))).toBe(false);
  });
});

describe('"Show on the page" and reduced motion (audit 2)', () => {
  /** A Highlight registry that keeps nothing: enough for focus() to run its scroll. */
  const fakeApi = (): HighlightApi => ({
    registry: { set: () => undefined, delete: () => true },
    Highlight: class {
      size = 0;
      priority?: number;
      add() {}
      delete() {
        return true;
      }
    },
  });
  /** Focus one sentence with each painter, the system asking for reduced motion or not; the scroll behaviours seen. */
  function behaviours(reduce: boolean): string[] {
    const seen: string[] = [];
    const match = vi.spyOn(window, 'matchMedia').mockImplementation((q: string) => ({ matches: reduce && q === '(prefers-reduced-motion: reduce)', media: q }) as MediaQueryList);
    const scroll = vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation((arg?: boolean | ScrollIntoViewOptions) => {
      seen.push(typeof arg === 'object' ? String(arg.behavior) : String(arg));
    });
    try {
      for (const highlightApi of [fakeApi(), null]) {
        document.body.innerHTML = '<p>One sentence here. Another one.</p>';
        const range = document.createRange();
        range.setStart(document.body.firstChild!.firstChild!, 0);
        range.setEnd(document.body.firstChild!.firstChild!, 18);
        const painter = createPainter(document, { highlightApi });
        const item = { level: 2 as const, range };
        painter.add([item]);
        expect(painter.focus(item)).toBe(true);
        painter.dispose();
      }
    } finally {
      match.mockRestore();
      scroll.mockRestore();
    }
    return seen;
  }
  it('scrolls smoothly by default, and jumps when the reader asked for reduced motion (both painters)', () => {
    expect(behaviours(false)).toEqual(['smooth', 'smooth']);
    expect(behaviours(true)).toEqual(['auto', 'auto']);
  });
});

describe('dark pages (audit 2)', () => {
  /** A document whose window computes body's and the root's background and body's text colour as given. */
  function page(body: string, root: string, text: string): Document {
    const doc = document.implementation.createHTMLDocument('t');
    const view = { getComputedStyle: (el: Element) => ({ backgroundColor: el === doc.body ? body : root, color: text }) };
    Object.defineProperty(doc, 'defaultView', { value: view });
    return doc;
  }
  const CLEAR = 'rgba(0, 0, 0, 0)';
  it.each([
    ['white page', page('rgb(255, 255, 255)', CLEAR, 'rgb(34, 34, 34)'), false],
    ['unpainted page, dark text', page(CLEAR, CLEAR, 'rgb(0, 0, 0)'), false],
    ['dark body', page('rgb(17, 24, 39)', CLEAR, 'rgb(229, 231, 235)'), true],
    ['dark root, clear body', page(CLEAR, 'rgb(0, 0, 0)', 'rgb(229, 231, 235)'), true],
    ['unpainted page, light text (a dark colour scheme)', page(CLEAR, CLEAR, 'rgb(229, 231, 235)'), true],
    ['mid-grey body', page('rgb(160, 160, 160)', CLEAR, 'rgb(0, 0, 0)'), false],
    ['dark grey body', page('rgb(90, 90, 90)', CLEAR, 'rgb(255, 255, 255)'), true],
  ])('%s: dark = %s', (_name, doc, dark) => {
    expect(darkPage(doc)).toBe(dark);
  });
  it('a dark page gets the dark-page underline colours, in every rule of every level; the rest is unchanged', () => {
    for (const css of [HIGHLIGHT_CSS, HIGHLIGHT_ROOT_CSS]) {
      const dark = darkLines(css);
      for (const l of [1, 2, 3] as const) {
        expect(dark).not.toContain(LEVEL_STYLE[l].color);
        expect(dark).toContain(`text-decoration-color: ${DARK_LINE[l]}`);
      }
      expect(dark.replace(/#[0-9a-f]{6}/g, '')).toBe(css.replace(/#[0-9a-f]{6}/g, ''));
    }
  });
});
