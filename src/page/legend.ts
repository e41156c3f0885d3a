/**
 * legend — the small on-page key that says what the three highlight levels mean, and that they are not proof.
 *
 * What: `showLegend(doc, payload)` adds one <mirage-lens-root> element after <body> (so body stays untouched), with a
 * closed shadow root holding the legend (page styles cannot reach it, it cannot restyle the page). Returns a
 * function that removes it. Built with createElement/textContent only; every word arrives translated in `payload`.
 * Accessibility: a labelled region; the close button is keyboard reachable; each level shows its underline style,
 * not only its colour.
 */
import type { LegendPayload, Level } from '../messaging';
import { LEVEL_STYLE } from '../shared/presentation';

export const LEGEND_TAG = 'mirage-lens-root';

const CSS = `
:host { all: initial; }
.box { position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; max-width: 300px; box-sizing: border-box;
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2937; background: #ffffff;
  border: 1px solid #6b7280; border-radius: 8px; padding: 10px 12px; box-shadow: 0 4px 16px rgba(0,0,0,.18); }
.head { display: flex; align-items: center; justify-content: space-between; gap: 8px; margin: 0 0 6px; }
h2 { font-size: 13px; font-weight: 400; margin: 0; letter-spacing: .02em; }
ul { list-style: none; margin: 0 0 6px; padding: 0; }
li { margin: 2px 0; }
.sample { text-decoration-line: underline; padding: 0 2px; }
p { margin: 4px 0 0; }
.summary { color: #374151; }
.note { color: #4b5563; }
button { font: inherit; line-height: 1; border: 1px solid #6b7280; background: #f9fafb; color: #111827; border-radius: 4px;
  padding: 2px 7px; cursor: pointer; }
button:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 1px; }
`;

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
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
  const head = el(doc, 'div', 'head');
  head.append(el(doc, 'h2', undefined, payload.title));
  const close = el(doc, 'button', undefined, '×');
  close.type = 'button';
  close.setAttribute('aria-label', payload.close);
  close.title = payload.close;
  close.addEventListener('click', () => {
    box.hidden = true;
  });
  head.append(close);
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
  box.append(head, list, el(doc, 'p', 'summary', payload.summary), el(doc, 'p', 'note', payload.note));
  root.append(style, box);
  doc.documentElement.appendChild(host);
  return () => host.remove();
}
