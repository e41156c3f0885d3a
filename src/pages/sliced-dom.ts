/**
 * sliced-dom — a markup tree (src/report/markup.ts) turned into DOM in slices of at most `budgetMs` each, so that a
 * long text's view never holds the page for seconds: a 750,000-word text's sentence view (27,756 marked sentences and
 * their list of reasons) was one task of 1-3 s.
 *
 * API: `toDomInSlices(tree, doc, options)` -> `{ node, done }`. Elements carrying `data-slice` get their children in
 * slices: as many as the budget allows at once (a short text: all of them, so the result is the same DOM as `toDom`'s,
 * at once), the rest in later tasks, in order, with `aria-busy="true"` on that element until its last child is in.
 * `done` resolves when every slice is in, or when the tree was taken out of the document meanwhile (a new result, a
 * new tab of the result), at which point the rest is dropped.
 * Limits: the first slice includes every element without `data-slice` whole; children are the unit (one huge child
 * is one step).
 */
import { toDom, type El } from '../report/markup';

export interface SliceOptions {
  /** Time per slice (ms). */
  budgetMs?: number;
  /** Runs the next slice (tests pass their own). */
  schedule?: (next: () => void) => void;
  /** The clock (tests pass their own). */
  now?: () => number;
}

interface Pending {
  parent: Element;
  children: (El | string)[];
  at: number;
}

export function toDomInSlices(tree: El, doc: Document, options: SliceOptions = {}): { node: Node; done: Promise<void> } {
  const { budgetMs = 30, schedule = (next) => setTimeout(next, 0), now = () => performance.now() } = options;
  const queue: Pending[] = [];
  const build = (node: El | string): Node => {
    if (typeof node === 'string' || node.tag === 'svg') return toDom(node, doc); // a chart is never sliced
    const { 'data-slice': sliced, ...attrs } = node.attrs;
    const shell = toDom({ ...node, attrs, children: [] }, doc) as Element;
    if (sliced !== undefined) queue.push({ parent: shell, children: node.children, at: 0 });
    else for (const c of node.children) shell.appendChild(build(c));
    return shell;
  };
  const root = build(tree);
  let attached = false;
  const step = (): boolean => {
    const t0 = now();
    while (queue.length) {
      const p = queue[0]!;
      while (p.at < p.children.length) {
        p.parent.appendChild(build(p.children[p.at++]!));
        if (now() - t0 >= budgetMs && p.at < p.children.length) {
          p.parent.setAttribute('aria-busy', 'true');
          return false;
        }
      }
      p.parent.removeAttribute('aria-busy');
      queue.shift();
    }
    return true;
  };
  if (step()) return { node: root, done: Promise.resolve() };
  const done = new Promise<void>((resolve) => {
    const next = () => {
      attached ||= root.isConnected;
      if (attached && !root.isConnected) return resolve(); // replaced meanwhile: the rest is not wanted
      if (step()) resolve();
      else schedule(next);
    };
    schedule(next);
  });
  return { node: root, done };
}
