/**
 * legend — the small on-page key that says what the three highlight levels mean, and that they are not proof.
 *
 * What: `showLegend(doc, payload)` adds one <mirage-lens-root> element after <body> (so body stays untouched), with a
 * closed shadow root holding the legend (page styles cannot reach it, it cannot restyle the page). Returns a
 * function that removes it. Built with createElement/textContent only; every word arrives translated in `payload`.
 * Out of the reader's way: it folds down to its title bar and opens again (a button with aria-expanded), and it
 * starts folded where it would cover too much — on a narrow screen (under NARROW_PX), or when even the other bottom
 * corner would cover a field, a button or a link of the page; it folds when the reader moves focus to something
 * beneath it. The reader's own choice (folded or open) is kept for the document across repaints. Printed, it leaves
 * its corner and follows the page (after <body>), whole even when folded, so it hides no text on any printed page.
 * Accessibility: a labelled region; its buttons are keyboard reachable; each level shows its underline style, not
 * only its colour.
 */
import type { LegendPayload, Level } from '../messaging';
import { LEVEL_STYLE } from '../shared/presentation';

export const LEGEND_TAG = 'mirage-lens-root';

/** Below this viewport width the open legend (about 300 x 170 px) would cover much of the text: it starts folded. */
export const NARROW_PX = 720;

/** What the page lets a reader reach under the legend: it must not sit on them. */
const FIELDS = 'input, textarea, select, button, a[href], [contenteditable=""], [contenteditable="true"], [tabindex]';

/** The reader's own choice per document (folded or open), kept when the legend is drawn again. */
const CHOICE = new WeakMap<Document, boolean>();

const CSS = `
:host { all: initial; }
.box { position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; max-width: 300px; box-sizing: border-box;
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2937; background: #ffffff;
  border: 1px solid #6b7280; border-radius: 8px; padding: 10px 12px; box-shadow: 0 4px 16px rgba(0,0,0,.18); }
.box.left { right: auto; left: 16px; }
.box.folded { padding: 4px 6px 4px 10px; }
.head { display: flex; align-items: center; justify-content: space-between; gap: 8px; margin: 0 0 6px; }
.folded .head { margin: 0; }
h2 { font-size: 13px; font-weight: 400; margin: 0; letter-spacing: .02em; }
.buttons { display: flex; gap: 4px; }
ul { list-style: none; margin: 0 0 6px; padding: 0; }
li { margin: 2px 0; }
.sample { text-decoration-line: underline; padding: 0 2px; }
p { margin: 4px 0 0; }
.summary { color: #374151; }
.note { color: #4b5563; }
button { font: inherit; line-height: 1; border: 1px solid #6b7280; background: #f9fafb; color: #111827; border-radius: 4px;
  padding: 2px 7px; cursor: pointer; min-width: 24px; min-height: 24px; }
button:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 1px; }
[hidden] { display: none !important; }
@media print {
  /* Fixed, it would sit on the text on every printed page: printed, it follows the page instead. */
  .box, .box.left { position: static; margin: 16px 0 0; max-width: none; box-shadow: none; }
  .buttons { display: none; }
  .folded .head { margin: 0 0 6px; }
  .body[hidden] { display: block !important; }
}
`;

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function button(doc: Document, text: string, label: string): HTMLButtonElement {
  const b = el(doc, 'button', undefined, text);
  b.type = 'button';
  b.setAttribute('aria-label', label);
  b.title = label;
  return b;
}

function levels(doc: Document, payload: LegendPayload): HTMLUListElement {
  const list = el(doc, 'ul');
  ([1, 2, 3] as Level[]).forEach((level) => {
    const s = LEVEL_STYLE[level];
    const li = el(doc, 'li');
    const sample = el(doc, 'span', 'sample', payload.levels[level - 1]);
    sample.style.backgroundColor = s.tint;
    sample.style.textDecorationStyle = s.line;
    sample.style.textDecorationColor = s.color;
    sample.style.textDecorationThickness = s.thickness;
    li.append(sample);
    list.append(li);
  });
  return list;
}

const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Whether something the reader may want to reach lies under `rect` (sampled on a grid; our own host skipped). */
export function coversField(doc: Document, host: Element, rect: DOMRect): boolean {
  if (typeof doc.elementsFromPoint !== 'function' || rect.width === 0) return false;
  for (let i = 0; i < 4; i++) {
    for (let j = 0; j < 3; j++) {
      const x = rect.left + ((i + 0.5) * rect.width) / 4;
      const y = rect.top + ((j + 0.5) * rect.height) / 3;
      const under = doc.elementsFromPoint(x, y).find((e) => e !== host && !host.contains(e));
      if (under?.closest(FIELDS)) return true;
    }
  }
  return false;
}

export function showLegend(doc: Document, payload: LegendPayload): () => void {
  const host = doc.createElement(LEGEND_TAG);
  const root = host.attachShadow({ mode: 'closed' });
  const style = el(doc, 'style');
  style.textContent = CSS;
  const box = el(doc, 'section', 'box');
  box.setAttribute('role', 'region');
  box.setAttribute('aria-label', payload.title);
  if (payload.lang) box.setAttribute('lang', payload.lang);
  const body = el(doc, 'div', 'body');
  body.id = 'legend-body';
  body.append(levels(doc, payload), el(doc, 'p', 'summary', payload.summary), el(doc, 'p', 'note', payload.note));
  const toggle = button(doc, '', '');
  toggle.setAttribute('aria-controls', body.id);
  const close = button(doc, '×', payload.close);
  const fold = (folded: boolean) => {
    body.hidden = folded;
    box.classList.toggle('folded', folded);
    toggle.setAttribute('aria-expanded', String(!folded));
    toggle.textContent = folded ? '▴' : '▾';
    const label = folded ? payload.unfold : payload.fold;
    toggle.setAttribute('aria-label', label);
    toggle.title = label;
  };
  toggle.addEventListener('click', () => {
    const folded = !body.hidden;
    CHOICE.set(doc, folded);
    fold(folded);
  });
  close.addEventListener('click', () => {
    box.hidden = true;
  });
  const head = el(doc, 'div', 'head');
  const buttons = el(doc, 'div', 'buttons');
  buttons.append(toggle, close);
  head.append(el(doc, 'h2', undefined, payload.title), buttons);
  box.append(head, body);
  root.append(style, box);
  fold(CHOICE.get(doc) ?? false);
  doc.documentElement.appendChild(host);
  if (!CHOICE.has(doc)) place(doc, host, box, fold);
  // Focus moved to something the legend hides: fold it out of the way (the reader can open it again).
  const onFocus = (e: FocusEvent) => {
    const target = e.target;
    if (body.hidden || !(target instanceof Element) || target === host || box.hidden) return;
    if (overlaps(target.getBoundingClientRect(), box.getBoundingClientRect())) fold(true);
  };
  doc.addEventListener('focusin', onFocus, true);
  return () => {
    doc.removeEventListener('focusin', onFocus, true);
    host.remove();
  };
}

/** Where the legend starts: open in the bottom-right corner, else the bottom-left one, else folded. */
function place(doc: Document, host: Element, box: HTMLElement, fold: (folded: boolean) => void): void {
  const width = doc.defaultView?.innerWidth ?? Infinity;
  if (width < NARROW_PX) return fold(true);
  if (!coversField(doc, host, box.getBoundingClientRect())) return;
  box.classList.add('left');
  if (!coversField(doc, host, box.getBoundingClientRect())) return;
  box.classList.remove('left');
  fold(true);
  if (coversField(doc, host, box.getBoundingClientRect())) box.classList.add('left');
}
