// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_CSS, HIGHLIGHT_ROOT_CSS, inheritsRootHighlight } from '@/src/page/styles';
import { LEVEL_STYLE } from '@/src/shared/presentation';

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
