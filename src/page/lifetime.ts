/**
 * lifetime — one list of teardowns for everything a page session adds (STYLE 7: every page change belongs to one
 * lifetime).
 *
 * `new Lifetime()`; `add(teardown)` registers a teardown (it may return a Promise: the ones after it wait for it);
 * `follow(signal)` ends the lifetime when an outer signal aborts (WXT's `ctx.signal`: extension reloaded or
 * updated); `end()` marks it inactive, aborts `signal`, then runs every teardown once, newest first — synchronously
 * as long as none returns a Promise. `active` and `signal` tell long operations to stop.
 */
export type Teardown = () => void | Promise<void>;

export class Lifetime {
  private readonly controller = new AbortController();
  private readonly teardowns: Teardown[] = [];

  get active(): boolean {
    return !this.controller.signal.aborted;
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  add(teardown: Teardown): void {
    this.teardowns.push(teardown);
  }

  follow(outer: AbortSignal | undefined): void {
    if (!outer) return;
    if (outer.aborted) {
      void this.end();
      return;
    }
    const onAbort = () => void this.end();
    outer.addEventListener('abort', onAbort, { once: true });
    this.add(() => outer.removeEventListener('abort', onAbort));
  }

  end(): Promise<void> {
    if (!this.active) return Promise.resolve();
    this.controller.abort();
    const list = this.teardowns.splice(0).reverse();
    const run = (from: number): Promise<void> | undefined => {
      for (let i = from; i < list.length; i++) {
        const r = list[i]?.();
        if (r instanceof Promise) return r.then(() => run(i + 1));
      }
      return undefined;
    };
    return run(0) ?? Promise.resolve();
  }
}
