// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { HIGHLIGHT_CSS, HIGHLIGHT_ROOT_CSS, inheritsRootHighlight } from '@/src/page/styles';
import { LEVEL_STYLE } from '@/src/shared/presentation';
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
