/**
 * ux-helpers — what tests/e2e/ux.e2e.ts measures in the browser: the on-page legend inside its closed shadow root
 * (read through the DevTools protocol, which pierces it), text that collides or is cut in the charts, and the lines
 * a piece of text is laid out on.
 */
import type { Page } from 'playwright-core';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface DomNode {
  nodeId: number;
  nodeName: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

const attr = (n: DomNode, name: string) => {
  const a = n.attributes ?? [];
  for (let i = 0; i < a.length; i += 2) if (a[i] === name) return a[i + 1];
  return undefined;
};

function find(n: DomNode, test: (n: DomNode) => boolean): DomNode | undefined {
  if (test(n)) return n;
  for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) {
    const f = find(c, test);
    if (f) return f;
  }
  return undefined;
}

/** The legend's box on screen, whether it is open (aria-expanded of its fold button), or undefined when absent. */
export async function legendState(page: Page): Promise<{ box: Box; expanded: string | undefined } | undefined> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const host = find(root, (n) => n.nodeName === 'MIRAGE-LENS-ROOT');
    const section = host && find(host, (n) => n.nodeName === 'SECTION' && attr(n, 'role') === 'region');
    const toggle = host && find(host, (n) => n.nodeName === 'BUTTON' && attr(n, 'aria-controls') !== undefined);
    if (!section) return undefined;
    const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: section.nodeId })) as { model: { border: number[] } };
    const xs = [model.border[0]!, model.border[2]!, model.border[4]!, model.border[6]!];
    const ys = [model.border[1]!, model.border[3]!, model.border[5]!, model.border[7]!];
    const box = { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
    return { box, expanded: toggle && attr(toggle, 'aria-expanded') };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

export const intersects = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Texts of the charts matching `selector` that are cut by their chart's edge or overlap another text of the chart:
 * one line per problem ("roc-chart: '0 %' overlaps 'taux de faux positifs'"). */
export function chartTextProblems(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const out: string[] = [];
    for (const svg of document.querySelectorAll<SVGSVGElement>(sel)) {
      const frame = svg.getBoundingClientRect();
      const name = svg.getAttribute('class') ?? 'svg';
      const texts = [...svg.querySelectorAll<SVGTextElement>('text')].filter((t) => t.textContent.trim());
      const rects = texts.map((t) => t.getBoundingClientRect());
      rects.forEach((r, i) => {
        if (r.left < frame.left - 1 || r.right > frame.right + 1 || r.top < frame.top - 1 || r.bottom > frame.bottom + 1) out.push(`${name}: '${texts[i]!.textContent}' is cut by the chart's edge`);
        for (let j = i + 1; j < rects.length; j++) {
          const q = rects[j]!;
          const w = Math.min(r.right, q.right) - Math.max(r.left, q.left);
          const h = Math.min(r.bottom, q.bottom) - Math.max(r.top, q.top);
          if (w > 0.5 && h > 0.5) out.push(`${name}: '${texts[i]!.textContent}' overlaps '${texts[j]!.textContent}'`);
        }
      });
    }
    return out;
  }, selector);
}

/** The lines the text of the first element matching `selector` is laid out on: one string per line. */
export function textLines(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    const node = el?.firstChild;
    if (!node || node.nodeType !== 3) return [];
    const text = node.textContent ?? '';
    const lines: string[] = [];
    const add = (c: string) => {
      lines[lines.length - 1] = (lines[lines.length - 1] ?? '') + c;
    };
    let top = NaN;
    const range = document.createRange();
    for (let i = 0; i < text.length; i++) {
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const r = range.getBoundingClientRect();
      if (r.width === 0 && text[i] === ' ') {
        if (lines.length) add(' ');
        continue;
      }
      if (Number.isNaN(top) || Math.abs(r.top - top) > r.height / 2) {
        lines.push('');
        top = r.top;
      }
      add(text[i]!);
    }
    return lines;
  }, selector);
}
