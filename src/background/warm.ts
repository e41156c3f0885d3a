/**
 * warm — the engine warmed up when an analysis may follow, once per service-worker lifetime, in small steps (the
 * engine's `warmSteps`), one per task: the worker's event loop stays free between them, so the answers of the page
 * being injected and read are handled as they arrive, and the first scoring finds the tables built and the code
 * compiled.
 * When: the popup or side panel opened (several passes over the steps: `warmOnConnect`), a web page finished loading
 * in a tab (several passes, shortly after the load: `warmOnPageLoaded`), and once per browser session (several
 * passes, `warmOnLaunch`): the browser started with this profile (`runtime.onStartup`) or the extension was installed or
 * updated (`runtime.onInstalled`). Not when a switch-on begins in a cold worker: the analysis warms the engine itself,
 * and a warm-up beside it delayed the page's answers more than it saved (pipeline.ts).
 * Why on a page load: the browser stops a worker 30 s after its last event, so a reader's next article usually finds
 * it stopped; the article's own load wakes it (tabs.onUpdated), and a switch-on in the next seconds then met a cold
 * engine (2,000-word article: 174-264 ms against 71-94 ms warmed this way; `npm run bench:idle`).
 * Cost: the steps build what any first analysis builds, about 0.1-0.2 s of the worker's CPU once per worker (after a
 * page load: 106-175 ms in tasks of at most CONNECT_SLICE_MS, `warmRecord`; at launch 0.2-0.4 s); not at the
 * other wake-ups (a tab starting to load, activated or closed). The memory is held only while the worker lives: the
 * browser stops it 30 s after its last event and its process exits with it (measured by `npm run bench:idle`).
 */
import { browser } from 'wxt/browser';
import { warmSteps } from '../engine';

let started = false;
/** A real analysis began in this worker (`engineUsed`): no more warm-up passes. */
let used = false;

/** What the warm-up did in this worker (read by the test build's benchmark hooks, stats.ts). Times are
 * `performance.now()` in the worker, ms; `busyMs` is the time spent in the steps themselves, `longestMs` the longest
 * step (the longest the worker's event loop was held); `passes` the passes asked for, `passesDone` those run to the
 * end (fewer when a real analysis began meanwhile). */
export const warmRecord = { reason: '', repeat: 0, passes: 0, passesDone: 0, startedAt: NaN, doneAt: NaN, busyMs: 0, longestMs: 0, steps: 0 };

/** Start the warm-up (once per worker lifetime); returns at once. `repeat`: the texts read that many times over in
 * each step (longer steps); `passes`: the whole list of steps run that many times over (the same optimisation as a
 * long `repeat`, in steps as short as one reading). Passes after the first stop, at once, when a real analysis
 * begins (`engineUsed`). `sliceMs`: a task runs further steps while it
 * has taken less than this (0: one step per task); a warmed step takes 1-2 ms, and a timer chained from a timer
 * waits at least 4 ms (the HTML timers' clamp), so one step per task would spread 6 passes over about a second.
 * `longestMs` in the record is then the longest task. `schedule` is for tests. */
export function warmEngine(schedule: (run: () => void) => void = (run) => setTimeout(run, 0), reason = 'use', repeat = 1, passes = 1, sliceMs = 0): void {
  if (started) return;
  started = true;
  warmRecord.reason = reason;
  warmRecord.repeat = repeat;
  warmRecord.passes = passes;
  warmRecord.startedAt = performance.now();
  let steps = warmSteps({ repeat });
  const take = (): (() => void) | undefined => {
    if (used && warmRecord.passesDone >= 1) return undefined; // a real analysis began: no more of the later passes
    if (!steps.length && warmRecord.passesDone < passes) {
      warmRecord.passesDone++;
      if (warmRecord.passesDone < passes && !used) steps = warmSteps({ repeat });
    }
    return steps.shift();
  };
  const next = () => {
    const task0 = performance.now();
    let step = take();
    if (!step) {
      warmRecord.doneAt = performance.now();
      return;
    }
    while (step) {
      const t0 = performance.now();
      step();
      const t1 = performance.now();
      warmRecord.busyMs += t1 - t0;
      warmRecord.steps++;
      if (t1 - task0 >= sliceMs) break;
      step = take();
      if (!step) {
        warmRecord.doneAt = t1;
        warmRecord.longestMs = Math.max(warmRecord.longestMs, t1 - task0);
        return;
      }
    }
    warmRecord.longestMs = Math.max(warmRecord.longestMs, performance.now() - task0);
    schedule(next);
  };
  schedule(next);
}

/** A real analysis began in this worker (pipeline.ts, a switch-on): a warm-up still under way finishes its first
 * pass (which also builds the other language's tables) and runs no more, stopping at once in a later pass — its
 * steps would take the CPU from the page being injected and read (2 cores: a switch-on 300 ms after the popup opened
 * was injected in 40-50 ms instead of about 20 while the passes went on) — and a warm-up asked for later (the popup
 * opened after a switch-on) is not needed: the analysis warms the engine. */
export function engineUsed(): void {
  used = true;
  started = true;
}

/** The popup or side panel opened (`mirage:get-state`): a click may follow within a second. The warm-up then runs
 * its steps this many times over, one step per task (short steps: a request that arrives meanwhile waits at most one
 * of them), so that the first scoring finds code optimised, not only tables built: after a worker restart, one pass
 * left the article's score step at 43-52 ms against 12-20 ms for an engine that has scored pages (README, "Cost on
 * a page"). */
export const CONNECT_PASSES = 6;
/** The connect warm-up's tasks: steps run together up to this long (a request that arrives waits at most this, plus
 * one step). */
export const CONNECT_SLICE_MS = 8;

/** Warm for an extension page that opened (popup or side panel). */
export function warmOnConnect(schedule?: (run: () => void) => void): void {
  warmEngine(schedule, 'connect', 1, CONNECT_PASSES, CONNECT_SLICE_MS);
}

/** A page finished loading in a tab (tabs.onUpdated 'complete', a web or file page: where a switch-on can act): a
 * reader may switch highlights on there in the next seconds. Often the worker was stopped idle and this very load
 * woke it. The warm-up then starts this long after the load, so that it does not take the CPU from the page's own
 * last work, and runs this many passes, in tasks of at most CONNECT_SLICE_MS: 1, 3 and 6 passes were compared
 * (bench:idle, 4 alternated browsers each, switch-on 1 s after the load): 93-151, 71-94 and 73-126 ms. */
export const PAGE_DELAY_MS = 300;
export const PAGE_PASSES = 3;

/** Warm for a page that finished loading (sites.ts), once per worker as every warm-up. After a switch-on during the
 * delay (`engineUsed`) it does not run: the analysis has warmed the engine. */
export function warmOnPageLoaded(schedule?: (run: () => void) => void, delay: (run: () => void) => void = (run) => setTimeout(run, PAGE_DELAY_MS)): void {
  if (started) return;
  delay(() => warmEngine(schedule, 'page', 1, PAGE_PASSES, CONNECT_SLICE_MS));
}

/** At launch the warm-up runs as the popup's does: LAUNCH_PASSES passes over the short steps, in tasks of at most
 * CONNECT_SLICE_MS, the passes after the first stopped by a switch-on. It read its texts six times over in one pass
 * before (steps of 29-108 ms, one to a task): a reader's click in the browser's first second waited behind such a step.
 * `npm run bench:page -- --only-fresh --fresh-at ready,launch+2000 --fresh-browsers 9 --compare DIR`, three
 * invocations (7, 9, 9 browsers per build; load 2-6): a request as soon as the page was there 263, 353, 388 ms
 * against 328, 438, 429 ms before; 2 s after the launch 244, 119, 118 against 128, 116, 115 ms (the first at load 5-7). */
export const LAUNCH_PASSES = CONNECT_PASSES;

/** Warm once per browser session: when the browser starts (runtime.onStartup) and when the extension is installed
 * or updated (runtime.onInstalled). Called at the worker's start, so the listeners are registered synchronously as
 * MV3 requires; they fire only for those two events, never for a worker woken by a tab event. */
export function warmOnLaunch(warm: (reason: string) => void = (reason) => warmEngine(undefined, reason, 1, LAUNCH_PASSES, CONNECT_SLICE_MS)): void {
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
  used = false;
  Object.assign(warmRecord, { reason: '', repeat: 0, passes: 0, passesDone: 0, startedAt: NaN, doneAt: NaN, busyMs: 0, longestMs: 0, steps: 0 });
}
