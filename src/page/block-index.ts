/**
 * block-index — the blocks a page session knows, by id, with the look-ups that page changes need: which block a
 * text node belongs to, and which blocks were read from an element. Ids are never reused within a session (`nextId`
 * only grows), so paint and change messages can name blocks by id.
 */
import type { Block } from './extract';

export class BlockIndex {
  private readonly byId = new Map<number, Block>();
  /** Text node -> id of the block it belongs to. */
  private readonly nodeBlock = new Map<Text, number>();
  /** Block element -> ids of the blocks read from it. */
  private readonly elementBlocks = new Map<Element, number[]>();
  /** The first id a newly read block may take. */
  nextId = 0;

  add(b: Block): void {
    this.byId.set(b.id, b);
    for (const s of b.segments) this.nodeBlock.set(s.node, b.id);
    const list = this.elementBlocks.get(b.element);
    if (list) list.push(b.id);
    else this.elementBlocks.set(b.element, [b.id]);
    if (b.id >= this.nextId) this.nextId = b.id + 1;
  }

  drop(id: number): void {
    const b = this.byId.get(id);
    if (!b) return;
    this.byId.delete(id);
    for (const s of b.segments) if (this.nodeBlock.get(s.node) === id) this.nodeBlock.delete(s.node);
    const list = this.elementBlocks.get(b.element)?.filter((x) => x !== id);
    if (list?.length) this.elementBlocks.set(b.element, list);
    else this.elementBlocks.delete(b.element);
  }

  reset(): void {
    this.byId.clear();
    this.nodeBlock.clear();
    this.elementBlocks.clear();
  }

  get(id: number): Block | undefined {
    return this.byId.get(id);
  }

  get size(): number {
    return this.byId.size;
  }

  ids(): number[] {
    return [...this.byId.keys()];
  }

  values(): IterableIterator<Block> {
    return this.byId.values();
  }

  /** The blocks in id (reading) order. */
  sorted(): Block[] {
    return [...this.byId.values()].sort((a, b) => a.id - b.id);
  }

  blockOf(node: Text): number | undefined {
    return this.nodeBlock.get(node);
  }

  readFrom(element: Element): readonly number[] | undefined {
    return this.elementBlocks.get(element);
  }
}
