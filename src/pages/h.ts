/**
 * h — the reader UI's (popup, side panel, settings) way of building elements: `h(tag, { class, text, attrs, on },
 * ...children)` and `replace(el, ...children)`. A thin front on dom.ts, which does the work for every extension
 * page: DOM APIs only, never parses HTML, so page or user strings can only ever become text.
 */
import { el, mount, type Attrs, type Child as DomChild } from './dom';

export type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  text?: string;
  attrs?: Record<string, string | number | boolean | undefined>;
  on?: Partial<Record<keyof HTMLElementEventMap, (e: Event) => void>>;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const attrs: Attrs = { ...props.attrs, class: props.class || undefined, on: props.on };
  const text: DomChild = props.text === undefined || props.text === '' ? null : props.text;
  return el(tag, attrs, text, ...children);
}

/** Replace all children of `el`. */
export function replace(target: Element, ...children: Child[]): void {
  mount(target, ...children);
}
