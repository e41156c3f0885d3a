/**
 * dom — small DOM helpers for the analysis and lab pages: `el(tag, attrs, ...children)`, `mount(root, ...children)`
 * and `download(name, content, type)`. DOM APIs and textContent only; strings always become text nodes; `on` in
 * attrs adds listeners.
 */
export type Child = Node | string | number | null | undefined | false | readonly Child[];
type Listener = (e: Event) => void;
export type Attrs = {
  on?: Partial<Record<string, Listener>>;
  [name: string]: string | number | boolean | null | undefined | Partial<Record<string, Listener>>;
};

export function append(parent: Node, children: readonly Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(parent, c);
    else parent.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : (c as Node));
  }
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (k === 'on') {
      for (const [type, fn] of Object.entries((v ?? {}) as Record<string, Listener | undefined>)) if (fn) e.addEventListener(type, fn);
      continue;
    }
    if (v === undefined || v === null || v === false || typeof v === 'object') continue;
    if (k === 'value' && 'value' in e) (e as unknown as { value: string }).value = String(v);
    e.setAttribute(k, v === true ? '' : String(v));
  }
  append(e, children);
  return e;
}

/** A wide table in a box of its own that scrolls sideways on a narrow screen, so that the page never does (WCAG
 * 1.4.10, Reflow). The box is a named region reachable by keyboard, so that a keyboard user can scroll it too
 * (Heydon Pickering's accessible responsive tables; axe's scrollable-region-focusable). */
export function scrollBox(label: string, table: HTMLElement): HTMLDivElement {
  return el('div', { class: 'table-scroll', role: 'region', 'aria-label': label, tabindex: 0 }, table);
}

/** Replace the children of `root`. */
export function mount(root: Element, ...children: Child[]): void {
  root.replaceChildren();
  append(root, children);
}

/** Save `content` as a file named `name` (no network: a local object URL). */
export function download(name: string, content: string | Blob, type = 'application/octet-stream'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
