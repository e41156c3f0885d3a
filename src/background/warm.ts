/**
 * warm — the engine warmed up when an analysis may follow, once per service-worker lifetime, in small steps (the
 * engine's `warmSteps`), one per task: the worker's event loop stays free between them, so the answers of the page
 * being injected and read are handled as they arrive, and the first scoring finds the tables built and the code
 * compiled.
 * When: the popup or side panel opened, a switch-on began (router.ts, pipeline.ts), and once per browser session
 * (`warmOnLaunch`): the browser started with this profile (`runtime.onStartup`) or the extension was installed or
 * updated (`runtime.onInstalled`). Not at every wake-up of the worker: it wakes on tab events (tabs.onUpdated), and
 * warming there would cost that CPU on every wake.
 * Cost: the steps build what any first analysis builds (the worker's heap with and without, and the CPU the steps
 * took: `npm run bench:page`, `warmRecord`); the browser stops an idle worker after 30 s, memory and all, and a
 * worker that wakes later for a tab event does not warm again.
 */
import { browser } from 'wxt/browser';
import { warmSteps } from '../engine';

let started = false;

/** What the warm-up did in this worker (read by the test build's benchmark hooks, stats.ts). Times are
 * `performance.now()` in the worker, ms; `busyMs` is the time spent in the steps themselves. */
export const warmRecord = { reason: '', startedAt: NaN, doneAt: NaN, busyMs: 0, steps: 0 };

/** Start the warm-up (once per worker lifetime); returns at once. `schedule` is for tests. */
export function warmEngine(schedule: (run: () => void) => void = (run) => setTimeout(run, 0), reason = 'use'): void {
  if (started) return;
  started = true;
  warmRecord.reason = reason;
  warmRecord.startedAt = performance.now();
  const steps = warmSteps();
  const next = () => {
    const step = steps.shift();
    if (!step) {
      warmRecord.doneAt = performance.now();
      return;
    }
    const t0 = performance.now();
    step();
    warmRecord.busyMs += performance.now() - t0;
    warmRecord.steps++;
    schedule(next);
  };
  schedule(next);
}

/** Warm once per browser session: when the browser starts (runtime.onStartup) and when the extension is installed
 * or updated (runtime.onInstalled). Called at the worker's start, so the listeners are registered synchronously as
 * MV3 requires; they fire only for those two events, never for a worker woken by a tab event. */
export function warmOnLaunch(warm: (reason: string) => void = (reason) => warmEngine(undefined, reason)): void {
  browser.runtime.onStartup?.addListener(() => warm('startup'));
  browser.runtime.onInstalled.addListener(() => warm('installed'));
}

/** Whether the warm-up started in this worker. */
export function warmStarted(): boolean {
  return started;
}

/** Tests only: forget that the warm-up ran. */
export function resetWarm(): void {
  started = false;
  Object.assign(warmRecord, { reason: '', startedAt: NaN, doneAt: NaN, busyMs: 0, steps: 0 });
}
