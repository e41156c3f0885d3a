/**
 * wrap-painter — the fallback painter, for browsers without the CSS Custom Highlight API: each highlighted run of
 * text is moved into a namespaced <mirage-mark data-mirage-level="n"> element; the original Text node keeps its
 * identity and is given back its exact data on removal, and every node the painter inserted is removed. Nothing
 * else is touched. Items are added and removed a whole block at a time (the session guarantees it), since items of
 * one block share text nodes. Limits: it changes the DOM while active (page scripts may notice).
 */
import type { Level } from '../messaging';
import type { PaintItem, Painter } from './painter';
import { MARK_TAG, scrollBehaviour, styleKeeper, WRAP_CSS } from './styles';

interface Wrapped {
  node: Text;
  data: string;
  inserted: Node[];
}

interface Interval {
  from: number;
  to: number;
  level: Level;
  item: PaintItem;
}

function restore(w: Wrapped): void {
  for (const n of w.inserted) n.parentNode?.removeChild(n);
  if (w.node.data !== w.data) w.node.data = w.data;
}

/** Every range as per-node intervals, before anything moves. */
function intervals(items: readonly PaintItem[]): Map<Text, Interval[]> {
  const perNode = new Map<Text, Interval[]>();
  for (const it of items) {
    const r = it.range;
    const root = r.commonAncestorContainer;
    const texts: Text[] = [];
    if (root.nodeType === 3) texts.push(root as Text);
    else {
      const w = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, 4);
      for (let n = w.nextNode(); n; n = w.nextNode()) if (r.intersectsNode(n)) texts.push(n as Text);
    }
    for (const t of texts) {
      const from = t === r.startContainer ? r.startOffset : 0;
      const to = t === r.endContainer ? r.endOffset : t.data.length;
      if (to <= from) continue;
      let list = perNode.get(t);
      if (!list) perNode.set(t, (list = []));
      list.push({ from, to, level: it.level, item: it });
    }
  }
  return perNode;
}

export class WrapPainter implements Painter {
  readonly kind = 'wrap' as const;
  private readonly sheets = styleKeeper(WRAP_CSS);
  /** Per item: the text nodes it split, and its marks. */
  private byItem = new Map<PaintItem, { wrapped: Wrapped[]; marks: Element[] }>();
  private focused: Element[] = [];

  get size(): number {
    return this.byItem.size;
  }

  get styles(): number {
    return this.sheets.count;
  }

  prepare(node: Node): void {
    this.sheets.ensureFor(node);
  }

  add(items: readonly PaintItem[]): void {
    for (const it of items) {
      it.keepText?.(); // the marks split the text nodes the item's Range points into
      this.byItem.set(it, { wrapped: [], marks: [] });
    }
    for (const [node, list] of intervals(items)) this.split(node, list);
  }

  /** Split one node once: the original keeps the text before the first mark; the rest is inserted after it. */
  private split(node: Text, list: Interval[]): void {
    this.sheets.ensureFor(node);
    list.sort((a, b) => a.from - b.from);
    const doc = node.ownerDocument;
    const data = node.data;
    const inserted: Node[] = [];
    const w: Wrapped = { node, data, inserted };
    let pos = 0;
    let head: string | undefined;
    for (const iv of list) {
      const from = Math.max(iv.from, pos);
      if (iv.to <= from) continue;
      if (from > pos) {
        if (head === undefined) head = data.slice(pos, from);
        else inserted.push(doc.createTextNode(data.slice(pos, from)));
      } else if (head === undefined) head = '';
      const mark = doc.createElement(MARK_TAG);
      mark.setAttribute('data-mirage-level', String(iv.level));
      mark.textContent = data.slice(from, iv.to);
      inserted.push(mark);
      const rec = this.byItem.get(iv.item);
      rec?.marks.push(mark);
      if (rec && !rec.wrapped.includes(w)) rec.wrapped.push(w);
      pos = iv.to;
    }
    if (pos < data.length) inserted.push(doc.createTextNode(data.slice(pos)));
    node.data = head ?? '';
    const parent = node.parentNode;
    if (!parent) return;
    const next = node.nextSibling;
    for (const n of inserted) parent.insertBefore(n, next);
  }

  remove(items: readonly PaintItem[]): void {
    const seen = new Set<Wrapped>();
    const ws: Wrapped[] = [];
    for (const it of items) {
      const rec = this.byItem.get(it);
      if (!rec) continue;
      this.byItem.delete(it);
      for (const w of rec.wrapped) {
        if (seen.has(w)) continue;
        seen.add(w);
        ws.push(w);
      }
    }
    for (let i = ws.length - 1; i >= 0; i--) restore(ws[i]!);
  }

  focus(item: PaintItem | undefined): boolean {
    const m = item && this.byItem.get(item)?.marks;
    if (!m?.length) return false;
    for (const f of this.focused) f.removeAttribute('data-mirage-focus');
    for (const f of m) f.setAttribute('data-mirage-focus', '');
    this.focused = m;
    m[0]?.scrollIntoView?.({ block: 'center', behavior: scrollBehaviour(m[0].ownerDocument) });
    return true;
  }

  clear(): void {
    const all = [...this.byItem.values()].flatMap((x) => x.wrapped);
    const seen = new Set<Wrapped>();
    for (let i = all.length - 1; i >= 0; i--) {
      const w = all[i]!;
      if (seen.has(w)) continue;
      seen.add(w);
      restore(w);
    }
    this.byItem = new Map();
    this.focused = [];
  }

  dispose(): void {
    this.clear();
    this.sheets.removeAll();
  }
}
