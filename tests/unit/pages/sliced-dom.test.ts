// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { h, toDom } from '@/src/report/markup';
import { toDomInSlices } from '@/src/pages/sliced-dom';

const tree = (n: number) =>
  h('div', { class: 'view' },
    h('p', null, 'Legend'),
    h('div', { class: 'text', 'data-slice': true }, Array.from({ length: n }, (_, i) => (i % 3 ? `run ${i} ` : h('mark', { id: `m${i}` }, `mark ${i}`)))),
    h('ol', { 'data-slice': true }, Array.from({ length: n }, (_, i) => h('li', null, `item ${i}`))));

/** A clock that moves 1 ms per reading, and a schedule the test runs by hand. */
function manual() {
  let t = 0;
  const tasks: (() => void)[] = [];
  return { now: () => t++, schedule: (f: () => void) => tasks.push(f), run: () => tasks.shift()?.(), pending: () => tasks.length };
}

describe('toDomInSlices', () => {
  it('a small tree: the same DOM as toDom, at once, without the slice marks', async () => {
    const { node, done } = toDomInSlices(tree(5), document);
    const plain = toDom(tree(5), document) as Element;
    for (const e of plain.querySelectorAll('[data-slice]')) e.removeAttribute('data-slice');
    expect((node as Element).outerHTML).toBe(plain.outerHTML);
    expect((node as Element).querySelector('[aria-busy]')).toBeNull();
    await expect(done).resolves.toBeUndefined();
  });

  it('a large tree: the first slice at once, the rest in later tasks, in order, busy until the last child is in', async () => {
    const c = manual();
    const { node, done } = toDomInSlices(tree(300), document, { budgetMs: 20, now: c.now, schedule: c.schedule });
    const root = node as Element;
    document.body.replaceChildren(root);
    const text = root.querySelector('.text')!;
    expect(text.childNodes.length).toBeGreaterThan(0);
    expect(text.childNodes.length).toBeLessThan(300);
    expect(text.getAttribute('aria-busy')).toBe('true');
    expect(root.querySelector('ol')!.children.length).toBe(0); // after the text
    let tasks = 0;
    while (c.pending()) {
      c.run();
      tasks++;
    }
    await done;
    expect(tasks).toBeGreaterThan(10);
    expect(root.querySelector('[aria-busy]')).toBeNull();
    expect(root.querySelector('[data-slice]')).toBeNull();
    const plain = toDom(tree(300), document) as Element;
    expect(root.querySelector('.text')!.innerHTML).toBe(plain.querySelector('.text')!.innerHTML);
    expect(root.querySelector('ol')!.innerHTML).toBe(plain.querySelector('ol')!.innerHTML);
  });

  it('a tree taken out of the document meanwhile gets no more slices', async () => {
    const c = manual();
    const { node, done } = toDomInSlices(tree(300), document, { budgetMs: 20, now: c.now, schedule: c.schedule });
    document.body.replaceChildren(node);
    c.run();
    const had = (node as Element).querySelector('.text')!.childNodes.length;
    document.body.replaceChildren(); // a new result replaced it
    c.run();
    await done;
    expect(c.pending()).toBe(0);
    expect((node as Element).querySelector('.text')!.childNodes.length).toBe(had);
  });
});
