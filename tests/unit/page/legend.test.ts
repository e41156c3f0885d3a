// @vitest-environment happy-dom
// Issue 10, item 8: the on-page legend folds to its title bar and opens again (a button with aria-expanded, in the
// closed shadow root), starts folded on a narrow screen, keeps the reader's choice across repaints, and leaves the
// page as it was when removed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NARROW_PX, showLegend } from '@/src/page/legend';
import type { LegendPayload } from '@/src/messaging';

const PAYLOAD: LegendPayload = { title: 'Mirage Lens', note: 'Not proof.', summary: '2 of 5', close: 'Hide', fold: 'Fold away', unfold: 'Open the legend', levels: ['one', 'two', 'three'], lang: 'en' };

/** The viewport width happy-dom reports. */
const setWidth = (px: number) => (window as unknown as { happyDOM: { setInnerWidth(n: number): void } }).happyDOM.setInnerWidth(px);

/** showLegend, with its closed shadow root caught on the way (the page itself can never reach it). */
function shown(doc: Document = document) {
  let root: ShadowRoot | undefined;
  const attach = Object.getOwnPropertyDescriptor(Element.prototype, 'attachShadow')!.value as (this: Element, init: ShadowRootInit) => ShadowRoot;
  const spy = vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    root = attach.call(this, init);
    return root;
  });
  const remove = showLegend(doc, PAYLOAD);
  spy.mockRestore();
  const q = <T extends Element>(s: string) => root!.querySelector<T>(s)!;
  return { remove, root: root!, box: q<HTMLElement>('section'), toggle: q<HTMLButtonElement>('button[aria-controls]'), body: q<HTMLElement>('#legend-body') };
}

describe('on-page legend', () => {
  afterEach(() => {
    document.documentElement.querySelectorAll('mirage-lens-root').forEach((e) => e.remove());
    setWidth(1024);
  });

  it('folds and opens again, saying so to assistive technology', () => {
    const { box, toggle, body, remove } = shown();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.getAttribute('aria-label')).toBe('Fold away');
    expect(body.hidden).toBe(false);
    toggle.click();
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.getAttribute('aria-label')).toBe('Open the legend');
    expect(body.hidden).toBe(true);
    expect(box.classList.contains('folded')).toBe(true);
    expect(box.textContent).toContain('Mirage Lens');
    toggle.click();
    expect(body.hidden).toBe(false);
    remove();
  });

  it('keeps the reader\'s choice when drawn again', () => {
    const doc = document.implementation.createHTMLDocument('x');
    const first = shown(doc);
    first.toggle.click();
    first.remove();
    const again = shown(doc);
    expect(again.body.hidden).toBe(true);
    again.remove();
  });

  it(`starts folded under ${NARROW_PX} px`, () => {
    setWidth(390);
    const doc = document.implementation.createHTMLDocument('y');
    Object.defineProperty(doc, 'defaultView', { value: window });
    const { body, remove } = shown(doc);
    expect(body.hidden).toBe(true);
    remove();
  });

  it('removing it leaves the page as it was', () => {
    const before = document.documentElement.outerHTML;
    const { remove } = shown();
    expect(document.documentElement.outerHTML).not.toBe(before);
    remove();
    expect(document.documentElement.outerHTML).toBe(before);
  });
});
