/**
 * watcher — follows a page's changes after the first paint: MutationObservers on the document body, same-origin
 * frames and open shadow roots collect what was added, changed and removed; after `debounceMs` of quiet (at most
 * `maxWaitMs` after the first change) `onDue` is called, and the session takes the pending changes with `take()`.
 * More than `floodRecords` records in one window is a flood: the session answers it with one full re-read
 * (Dark Reader's huge-mutation path) rather than following every node.
 * The session's own changes (highlight marks, its stylesheet, its legend) are ignored (`isOwn`), and `quietly(fn)`
 * runs a change of its own so that the observers never see it.
 * A page that replaces its whole `<body>` element (`body.replaceWith(…)`, `document.body = …`, as Turbo Drive does on
 * each visit) is seen by `observeRoot(doc)`, a childList-only observer on `<html>`: a body added or removed there is
 * answered like a flood, with one full re-read; `forgetDetached()` then drops the observer of the old body.
 */

/** Quiet time before page changes are handled: typing or a streaming update is one change, not fifty. */
export const DEFAULT_DEBOUNCE_MS = 400;
/** A page that never stops changing is still followed, at most this long after its first change. */
export const DEFAULT_MAX_WAIT_MS = 2000;
/** More mutation records than this in one window: one full re-read. */
export const DEFAULT_FLOOD_RECORDS = 500;

export interface PendingChanges {
  added: Node[];
  changed: Node[];
  anyRemoved: boolean;
  flood: boolean;
}

export interface WatcherOptions {
  view: (Window & typeof globalThis) | null;
  now: () => number;
  isOwn: (n: Node) => boolean;
  onDue: () => void;
  debounceMs?: number;
  maxWaitMs?: number;
  floodRecords?: number;
}

export class ChangeWatcher {
  private readonly observers = new Map<Node, MutationObserver>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private firstPending = 0;
  private count = 0;
  private flood = false;
  private readonly added = new Set<Node>();
  private readonly changed = new Set<Node>();
  private removed = false;

  constructor(private readonly o: WatcherOptions) {}

  get observing(): number {
    return this.observers.size;
  }

  get scheduled(): boolean {
    return this.timer !== undefined;
  }

  observe(target: Node): void {
    const View = (target.ownerDocument?.defaultView ?? this.o.view);
    if (this.observers.has(target) || !View?.MutationObserver) return;
    const o = new View.MutationObserver((records) => this.collect(records));
    o.observe(target, { childList: true, subtree: true, characterData: true });
    this.observers.set(target, o);
  }

  /** Watch `<html>`'s own children (not its subtree): a `<body>` replaced there means the whole page changed. */
  observeRoot(doc: Document): void {
    const root = doc.documentElement;
    const View = doc.defaultView ?? this.o.view;
    if (!root || this.observers.has(root) || !View?.MutationObserver) return;
    const o = new View.MutationObserver((records) => this.collect(records));
    o.observe(root, { childList: true });
    this.observers.set(root, o);
  }

  /** Stop observing what has left the document (a replaced body, a removed frame's body). */
  forgetDetached(): void {
    for (const [target, o] of this.observers) {
      if (target.isConnected) continue;
      o.disconnect();
      this.observers.delete(target);
    }
  }

  /** Run a change of the session's own: records already queued are the page's and are collected first; every record
   * queued during `fn` is ours (JS is single-threaded). */
  quietly<T>(fn: () => T): T {
    for (const o of this.observers.values()) {
      const before = o.takeRecords();
      if (before.length) this.collect(before);
    }
    try {
      return fn();
    } finally {
      for (const o of this.observers.values()) o.takeRecords();
    }
  }

  /** The pending changes, now cleared. */
  take(): PendingChanges {
    const out = { added: [...this.added], changed: [...this.changed], anyRemoved: this.removed, flood: this.flood };
    this.clear();
    return out;
  }

  cancelTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  stop(): void {
    for (const o of this.observers.values()) o.disconnect();
    this.observers.clear();
    this.cancelTimer();
    this.clear();
  }

  private clear(): void {
    this.added.clear();
    this.changed.clear();
    this.removed = false;
    this.count = 0;
    this.flood = false;
    this.firstPending = 0;
  }

  /** Note the records that concern the page; true when any did. */
  private note(records: MutationRecord[]): boolean {
    let relevant = false;
    for (const r of records) {
      if (r.type === 'characterData') {
        if (this.o.isOwn(r.target)) continue;
        relevant = true;
        if (!this.flood) this.changed.add(r.target);
        continue;
      }
      if (isBodySwap(r)) {
        relevant = true;
        this.flood = true;
        this.added.clear();
        this.changed.clear();
        continue;
      }
      for (const n of r.addedNodes) {
        if (this.o.isOwn(n)) continue;
        relevant = true;
        if (!this.flood) this.added.add(n);
      }
      for (const n of r.removedNodes) {
        if (this.o.isOwn(n)) continue;
        relevant = true;
        this.removed = true;
      }
    }
    return relevant;
  }

  private collect(records: MutationRecord[]): void {
    if (!this.note(records)) return;
    this.count += records.length;
    if (!this.flood && this.count > (this.o.floodRecords ?? DEFAULT_FLOOD_RECORDS)) {
      this.flood = true;
      this.added.clear();
      this.changed.clear();
    }
    const t = this.o.now();
    if (!this.firstPending) this.firstPending = t;
    this.cancelTimer();
    const wait = Math.max(0, Math.min(this.o.debounceMs ?? DEFAULT_DEBOUNCE_MS, this.firstPending + (this.o.maxWaitMs ?? DEFAULT_MAX_WAIT_MS) - t));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.o.onDue();
    }, wait);
  }
}

/** A record on `<html>` that adds or removes a `<body>`: the page's whole content was swapped. */
function isBodySwap(r: MutationRecord): boolean {
  if (r.target !== r.target.ownerDocument?.documentElement) return false;
  const isBody = (n: Node) => n.nodeName === 'BODY';
  return [...r.addedNodes].some(isBody) || [...r.removedNodes].some(isBody);
}
