/**
 * yield — give the page's main thread back between slices of work (STYLE 9).
 *
 * What: `pageYielder(globalThis)` returns a function whose promise resolves once the page had a chance to run its
 * own tasks (input, rendering). `scheduler.yield()` where the browser has it (Chromium 129+: the continuation keeps
 * its priority), else a MessageChannel message (not throttled to 4 ms like nested setTimeout, and not paused in
 * background tabs as long as requestAnimationFrame would be).
 * `slicer(yielder, sliceMs, now)` returns `maybeYield()`: yields only when the current slice has used `sliceMs`.
 * Limits: a single step that itself takes longer than the slice (one Readability parse, one huge text node) is not
 * cut; callers keep their steps small.
 */
export type Yielder = () => Promise<void>;

interface SchedulerLike {
  yield?: () => Promise<void>;
}

export function pageYielder(global: typeof globalThis = globalThis): Yielder {
  const scheduler = (global as unknown as { scheduler?: SchedulerLike }).scheduler;
  if (typeof scheduler?.yield === 'function') return () => scheduler.yield!.call(scheduler);
  if (typeof global.MessageChannel === 'function') {
    return () =>
      new Promise<void>((ok) => {
        const ch = new global.MessageChannel();
        ch.port1.onmessage = () => {
          ch.port1.close();
          ok();
        };
        ch.port2.postMessage(null);
      });
  }
  return () => new Promise<void>((ok) => setTimeout(ok, 0));
}

export interface Slicer {
  /** Yield when the current slice is used up; resolves to false when `isActive()` turned false meanwhile. */
  maybeYield(): Promise<boolean>;
  /** Start a new slice now (after an await that already gave the thread back). */
  reset(): void;
}

export function slicer(yielder: Yielder, sliceMs: number, now: () => number, isActive: () => boolean = () => true): Slicer {
  let t0 = now();
  return {
    async maybeYield() {
      if (now() - t0 < sliceMs) return isActive();
      await yielder();
      t0 = now();
      return isActive();
    },
    reset() {
      t0 = now();
    },
  };
}
