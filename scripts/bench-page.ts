/**
 * bench-page — what the extension costs a page: time to highlight, main-thread long tasks, heap, injected bytes.
 *
 * What: launches the e2e test build (`.output-e2e/chrome-mv3`) in Debian's Chromium through the e2e harness
 * (tests/e2e/harness.ts: fixtures served on 127.0.0.1, every other host resolves to nowhere), and for each fixture
 * page (default: the 2,000-word article and the 100,000-word page under tests/e2e/fixtures/hard/):
 *   (a) round-trip time of `mirage:set-highlights` (enabled: true) from an extension page, as the automation
 *       contract says, timed in that page around `runtime.sendMessage` (Playwright's own CDP call is not counted): one cold run (first injection, traced), the median of N warm runs (untraced), and the median
 *       of N first runs in fresh tabs of the same page with the engine already warm (what a reader meets on each
 *       new article), with the `ms`, `sentences` and `flagged` the extension reports;
 *   (b) a CDP trace (`disabled-by-default-devtools.timeline`, `devtools.timeline`, `toplevel`) around switching on
 *       and, separately, switching off: `RunTask` events on the page renderer's main thread (`CrRendererMain` of the
 *       process that holds the page's main frame) longer than 50 ms, the longest one, and their blocking time
 *       (sum of dur - 50 ms). A page's PerformanceObserver cannot see content-script work (../shared/TOOLCHAIN.md),
 *       a trace can. The fixture pages run no script of their own, so every task in the window is the extension's
 *       (injection, extraction, painting, and the style and paint work the highlights cause);
 *   (c) the page's heap after `HeapProfiler.collectGarbage`: `Runtime.getHeapUsage` — usedSize (V8, all worlds of
 *       the page's isolate, so the content script too) plus embedderHeapUsedSize (Blink: DOM, Range) when the CDP
 *       version reports it — before analysis, after switching on, after switching off, and after repeated on/off
 *       cycles (100 by default, fewer if a time budget runs out: the count is printed), with what is left behind
 *       (highlight registry entries, listeners on window/document, changed DOM);
 *   (d) the bytes injected into pages: every file of `.output-e2e/chrome-mv3/content-scripts/` and the other scripts
 *       the background injects (readability.js), raw and gzip;
 *   (e) a first switch-on in a fresh browser (a new profile, the service worker just started, the content script
 *       never injected), --fresh-browsers times per page and per moment of `--fresh-at`: `ready` (the request
 *       leaves as soon as the worker answers and the page has loaded), `launch+N` (N ms after the browser was
 *       launched, as a reader's click some seconds later would), `load+N` (N ms after the page loaded), `heap+N`
 *       (no request: the worker's heap N ms after the launch); each traced, with what the worker's warm-up had done
 *       (the test build's `__mirageWarm`: why it started, the time its steps took, when it ended); `--compare DIR`
 *       alternates each run with another build; and the first switch-on in a fresh tab of the same page with the engine warm (--runs
 *       times, each traced, each followed by one untraced: the trace's own cost shows beside it; `--tab-wait MS`
 *       sends both requests MS after the page's load event instead of at once: a new renderer is still busy with
 *       its own first frame for about 0.1-0.2 s after the load, which a reader's click never meets). For both: the
 *       median round trip, the median of each step the extension reports
 *       (`timings`: inject, extract, score, paint, and `first` = the first highlights on the page), and every long
 *       task;
 *   (f) the engine's cost per request in the background beside its cost in Node for the same text: the blocks the
 *       page layer read, scored the way a switch-on scores them (`analyseBlocks`), in the service worker (the test
 *       build's `__mirageEngine.time`) and in this Node process, runs interleaved, medians;
 *   (g) the service worker after a restart (CDP ServiceWorker.stopAllWorkers, as Chrome does after 30 s idle): the
 *       first request that wakes it (a fresh tab of the first page), and the worker's heap (Runtime.getHeapUsage
 *       after forced GC) fresh, after that request, and after some seconds idle.
 *   (h) with `--via-popup 300,800` instead of everything else: the first click after a worker restart as a reader
 *       makes it, from the popup. The worker stopped (as in g), the real popup opened on the first page's tab
 *       (`chrome.action.openPopup()` from the controller page: no tab event wakes the worker, the popup's own
 *       `mirage:get-state` does and starts the warm-up, router.ts), then the message its switch sends
 *       (`mirage:set-highlights`, src/pages/tab.ts) sent from inside the popup N ms after the popup's load event,
 *       timed there around `runtime.sendMessage`; alternated (order rotated) with the direct request of (g), the
 *       automation message that wakes the worker itself. --restarts runs of each; medians and ranges, the steps,
 *       whether the popup's switch was there to be clicked, what the warm-up had done when the request reached the
 *       worker, and the load average at each run.
 * When: `npx tsx scripts/bench-page.ts` (or `npm run bench:page`) after `npm run build:e2e`. It builds nothing.
 * Options: --pages hard/article-2000.html,hard/huge.html  --runs 5  --fresh-browsers 5  --pause 1000 (ms)
 *   --cycles 100  --tab-wait 0 (ms after a fresh tab's load)  --cycle-budget 180 (seconds per page)  --timeout 120
 *   (seconds per step)  --settle 750 (ms traced
 *   after a response, to catch trailing paints)  --restarts 5  --idle 5 (seconds)  --ext DIR (another build of the
 *   extension)  --fresh-at ready,launch+2000  --compare DIR (a second build, alternated with --ext in the
 *   fresh-browser runs)  --only-fresh (nothing but the fresh-browser runs)  --via-popup 300,800 (nothing but (h): the
 *   delays after the popup's load, ms, with --restarts runs each, on the first of --pages)  --popup-heap 2000 (with
 *   --via-popup: then the worker's heap 2000 ms after a popup woke it, no request, beside a fresh worker's).
 * Limits: figures come from one headless Chromium on this machine, with tracing overhead in the cold run; the
 *   background's own work (the engine runs in the service worker) is not on the page's main thread and is not in
 *   the page's heap — it shows only in the round-trip times. Every step has a timeout, and a watchdog ends the whole
 *   run; a page that fails or times out is reported as such and the run carries on.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CDPSession, Page } from 'playwright-core';
import type { BlockPayload } from '../src/messaging';
import { fork, type ChildProcess } from 'node:child_process';
import { EXTENSION_DIR, ROOT, startHarness, type Harness } from '../tests/e2e/harness';
import { attachTarget, restartWorker, stopWorker, workerHeap, type WorkerHeap } from '../tests/e2e/sw';
import { LONG_TASK_MS, sleep, traced, withTimeout, type TaskStats } from '../tests/e2e/trace';

// ---------------------------------------------------------------- options

const WATCHDOG_MS = 25 * 60_000;

interface Options {
  pages: string[];
  runs: number;
  freshBrowsers: number;
  pauseMs: number;
  restarts: number;
  idleS: number;
  ext: string;
  cycles: number;
  cycleBudgetS: number;
  timeoutS: number;
  settleMs: number;
  /** Fresh tabs: ms between the page's load event and the request (0: at once, as soon as the tab's id is known). */
  tabWaitMs: number;
  /** When a fresh browser's request leaves (see `FreshAt`). */
  freshAt: FreshAt[];
  /** Another build whose fresh-browser runs alternate with `ext`'s (before/after comparisons). */
  compare?: string;
  /** Only the fresh-browser runs. */
  onlyFresh: boolean;
  /** Only the popup runs after a worker restart: the request N ms after the popup's load, for each N (empty: off). */
  viaPopup: number[];
  /** With viaPopup: also the worker's heap this many ms after a popup woke it (no request), beside a fresh worker's. */
  popupHeapMs?: number;
}

/** When a fresh browser's first request leaves: `ready` as soon as the service worker answers and the page has
 * loaded; `load+N` N ms after the page loaded; `launch+N` N ms after the browser was launched (a reader's click
 * some seconds after starting the browser; at once if opening the page took longer); `heap+N` no request: at N ms
 * after the launch, the worker's heap and what its warm-up did. */
interface FreshAt {
  name: string;
  kind: 'ready' | 'load' | 'launch' | 'heap';
  ms: number;
}

function parseFreshAt(spec: string): FreshAt[] {
  return spec.split(',').filter(Boolean).map((name) => {
    const m = /^(ready|load|launch|heap)(?:\+(\d+))?$/.exec(name);
    if (!m) throw new Error(`--fresh-at: "${name}" is not ready, load+N, launch+N or heap+N`);
    return { name, kind: m[1] as FreshAt['kind'], ms: Number(m[2] ?? 0) };
  });
}

function parseOptions(argv: string[]): Options {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const num = (name: string, fallback: number): number => {
    const v = Number(get(name));
    return Number.isFinite(v) && v >= 0 ? v : fallback;
  };
  return {
    pages: (get('pages') ?? 'hard/article-2000.html,hard/huge.html').split(',').filter(Boolean),
    runs: Math.max(1, num('runs', 5)),
    freshBrowsers: num('fresh-browsers', 5),
    pauseMs: num('pause', 1000),
    restarts: num('restarts', 5),
    idleS: num('idle', 5),
    ext: get('ext') ?? EXTENSION_DIR,
    cycles: num('cycles', 100),
    cycleBudgetS: num('cycle-budget', 180),
    timeoutS: num('timeout', 120),
    settleMs: num('settle', 750),
    tabWaitMs: num('tab-wait', 0),
    freshAt: parseFreshAt(get('fresh-at') ?? `ready,launch+2000`),
    compare: get('compare'),
    onlyFresh: argv.includes('--only-fresh'),
    popupHeapMs: get('popup-heap') === undefined ? undefined : num('popup-heap', 2000),
    viaPopup: (get('via-popup') ?? '').split(',').filter(Boolean).map((x) => {
      const n = Number(x);
      if (!Number.isFinite(n) || n < 0) throw new Error(`--via-popup: "${x}" is not a delay in ms`);
      return n;
    }),
  };
}

// ---------------------------------------------------------------- small helpers

type Result = { ok: true; sentences: number; flagged: number; ms: number; timings?: Record<string, number> } | { ok: false; error: string };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2) : NaN;
};
const MB = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
const signedMB = (bytes: number) => `${bytes >= 0 ? '+' : '−'}${(Math.abs(bytes) / 1048576).toFixed(1)} MB`;
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const msText = (ms: number) => (Number.isFinite(ms) ? `${Math.round(ms)} ms` : 'n/a');
const log = (s: string) => console.log(`  · ${s}`);
const STEPS = ['inject', 'extract', 'score', 'paint', 'first'] as const;
/** Median of each step the extension reports, over runs. */
const stepMedians = (ts: Record<string, number>[]): Record<string, number> =>
  Object.fromEntries(STEPS.map((k) => [k, median(ts.map((t) => t[k]).filter((x): x is number => typeof x === 'number')) ?? NaN]));
const stepsText = (ts: Record<string, number>[]) => (ts.length ? STEPS.map((k) => `${k} ${msText(stepMedians(ts)[k]!)}`).join(', ') : 'n/a');
/** One run's round trip in parts: the steps the worker reports, what its `ms` holds beyond them ("between": settings,
 * the tab's URL, the view's updates, the answers' handling), and what the round trip holds beyond `ms` ("messages":
 * the request's way to the worker and the answer's way back). */
function runParts(elapsed: number, ms: number | undefined, t: Record<string, number> | undefined): string {
  if (!t || ms === undefined) return `${msText(elapsed)} round trip`;
  const steps = (t.inject ?? 0) + (t.extract ?? 0) + (t.score ?? 0) + (t.paint ?? 0);
  return `${msText(elapsed)} round trip = ${STEPS.filter((k) => k !== 'first').map((k) => `${k} ${t[k] ?? 'n/a'}`).join(', ')}, between ${ms - steps}, messages ${Math.round(elapsed - ms)}; first highlights ${t.first ?? 'n/a'} (read in the page ${t.extractInPage ?? 'n/a'})`;
}
/** Every trace of a series as one: counts added, the longest of all, every long task. */
function worst(ts: TaskStats[]): TaskStats | undefined {
  if (!ts.length) return undefined;
  return {
    event: ts[0]!.event,
    tasks: ts.reduce((n, t) => n + t.tasks, 0),
    long: ts.reduce((n, t) => n + t.long, 0),
    longestMs: Math.max(...ts.map((t) => t.longestMs)),
    blockingMs: ts.reduce((n, t) => n + t.blockingMs, 0),
    windowMs: ts.reduce((n, t) => n + t.windowMs, 0),
    longTasks: ts.flatMap((t) => t.longTasks),
    note: ts.map((t) => t.note).find(Boolean),
  };
}

/** The round trip as the extension page that asks sees it: timed in that page around `runtime.sendMessage`, so the
 * automation's own overhead (Playwright's CDP call into the page, a few ms, more while tracing) is not counted. */
async function timedSend(h: Harness, message: unknown, timeoutMs: number, label: string) {
  const page = await h.controller();
  const timed = page.evaluate(async (m) => {
    const t0 = performance.now();
    const r = await chrome.runtime.sendMessage(m);
    return { r, elapsed: performance.now() - t0 };
  }, message as never);
  const { r, elapsed } = await withTimeout(timed, timeoutMs, label);
  return { r: r as Result, elapsed };
}

// ---------------------------------------------------------------- heap and leftovers

interface Heap {
  v8: number;
  blink?: number;
  total: number;
  raw: Record<string, number>;
}

async function heap(cdp: CDPSession): Promise<Heap> {
  for (let i = 0; i < 2; i++) await cdp.send('HeapProfiler.collectGarbage');
  const raw = (await cdp.send('Runtime.getHeapUsage')) as unknown as Record<string, number>;
  const blink = typeof raw.embedderHeapUsedSize === 'number' ? raw.embedderHeapUsedSize : undefined;
  return { v8: raw.usedSize!, blink, total: raw.usedSize! + (blink ?? 0), raw };
}

interface Leftovers {
  highlights: number;
  listeners: number;
  domHash: string;
  extraElements: number;
}

async function leftovers(page: Page, cdp: CDPSession, extensionWorlds: Iterable<number>): Promise<Leftovers> {
  const dom = await page.evaluate(() => {
    const html = new XMLSerializer().serializeToString(document);
    let h = 0;
    for (let i = 0; i < html.length; i++) h = (Math.imul(h, 31) + html.charCodeAt(i)) | 0;
    const reg = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
    return {
      hash: `${html.length}:${(h >>> 0).toString(16)}`,
      highlights: reg ? [...reg.values()].reduce((a, s) => a + s.size, 0) : 0,
      extra: document.querySelectorAll('mirage-lens-root, [data-mirage], [class*="mirage"]').length,
    };
  });
  // DOMDebugger.getEventListeners lists only the listeners of the world the object was evaluated in: count the
  // page's world and every extension (content script) world.
  let listeners = 0;
  for (const contextId of [undefined, ...extensionWorlds]) {
    for (const expression of ['window', 'document']) {
      try {
        const { result } = (await cdp.send('Runtime.evaluate', { expression, ...(contextId ? { contextId } : {}) })) as {
          result: { objectId?: string };
        };
        if (!result.objectId) continue;
        const { listeners: ls } = (await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId })) as {
          listeners: unknown[];
        };
        listeners += ls.length;
      } catch {
        /* the world went away (content script invalidated): nothing left in it */
      }
    }
  }
  return { highlights: dom.highlights, listeners, domHash: dom.hash, extraElements: dom.extra };
}

/** Follows the page's execution contexts and keeps the ids of extension (content script) worlds. */
async function watchExtensionWorlds(cdp: CDPSession, extensionId: string): Promise<Set<number>> {
  const worlds = new Set<number>();
  cdp.on('Runtime.executionContextCreated', (e: { context: { id: number; origin?: string } }) => {
    if (e.context.origin?.startsWith(`chrome-extension://${extensionId}`)) worlds.add(e.context.id);
  });
  cdp.on('Runtime.executionContextDestroyed', (e: { executionContextId: number }) => worlds.delete(e.executionContextId));
  cdp.on('Runtime.executionContextsCleared', () => worlds.clear());
  await cdp.send('Runtime.enable');
  return worlds;
}

// ---------------------------------------------------------------- one page

interface PageFigures {
  name: string;
  words: number;
  failure: string[];
  sentences?: number;
  flagged?: number;
  coldOnMs?: number;
  coldExtMs?: number;
  warmOnMs: number[];
  warmExtMs: number[];
  /** First switch-on in a fresh tab of the same page, engine already warm: what a reader meets on each new article. */
  newTabMs: number[];
  newTabTimings: Record<string, number>[];
  /** The `ms` each of those answers reported (the worker's own time from the request to the answer). */
  newTabExtMs: number[];
  /** Every first switch-on in a new tab, traced. */
  newTabTraces: TaskStats[];
  /** The same first switch-on in a new tab without a trace (one after each traced one): what the trace itself costs. */
  newTabUntracedMs: number[];
  newTabUntracedTimings: Record<string, number>[];
  /** The page's blocks as the page layer read them (for the engine's figures). */
  blocks?: BlockPayload[];
  offMs: number[];
  traceOn?: TaskStats;
  traceOff?: TaskStats;
  heapBefore?: Heap;
  heapOn?: Heap;
  heapOff?: Heap;
  heapCycles?: Heap;
  cyclesDone: number;
  cyclesMs?: number;
  before?: Leftovers;
  whileOn?: Leftovers;
  afterCycles?: Leftovers;
}

const emptyFigures = (name: string): PageFigures => ({
  name, words: 0, failure: [], warmOnMs: [], warmExtMs: [], newTabMs: [], newTabTimings: [], newTabExtMs: [], newTabTraces: [], newTabUntracedMs: [], newTabUntracedTimings: [], offMs: [], cyclesDone: 0,
});

/** The page's blocks as the page layer reads them for a switch-on (asked from the service worker; the page session
 * this opens is stopped at once). */
async function readBlocks(h: Harness, tabId: number, timeout: number): Promise<BlockPayload[]> {
  const blocks = await withTimeout(h.worker.evaluate(async (id) => {
    const x = (await chrome.tabs.sendMessage(id, { type: 'mirage:extract', scope: 'page' }, { frameId: 0 })) as { blocks?: BlockPayload[] };
    await chrome.tabs.sendMessage(id, { type: 'mirage:stop' }, { frameId: 0 });
    return x.blocks;
  }, tabId), timeout, 'read blocks');
  if (!blocks?.length) throw new Error('the page layer gave no blocks');
  return blocks;
}

async function benchPage(h: Harness, name: string, o: Options): Promise<PageFigures> {
  const timeout = o.timeoutS * 1000;
  const f = emptyFigures(name);
  console.log(`\n${name}`);
  const page = await withTimeout(h.openFixture(name), timeout, `open ${name}`);
  const cdp = await page.context().newCDPSession(page);
  const worlds = await watchExtensionWorlds(cdp, h.extensionId);
  try {
    f.words = await page.evaluate(() => document.body.innerText.split(/\s+/).filter(Boolean).length);
    const tabId = await withTimeout(h.tabIdOf(page.url()), timeout, 'tabIdOf');
    const on = { type: 'mirage:set-highlights', tabId, enabled: true };
    const off = { type: 'mirage:set-highlights', tabId, enabled: false };
    f.before = await leftovers(page, cdp, worlds);
    f.heapBefore = await heap(cdp);
    log(`${f.words} words; heap before ${MB(f.heapBefore.total)}`);

    // cold: first injection, traced
    const coldOn = await traced(page, o.settleMs, timeout, () => timedSend(h, on, timeout, 'switch on (cold)'));
    f.traceOn = coldOn.stats;
    if (coldOn.error || !coldOn.result) {
      f.failure.push(`switch on (cold): ${String((coldOn.error as Error)?.message ?? coldOn.error)}`);
      log(f.failure.at(-1)!);
      await withTimeout(h.send(off), timeout, 'switch off after failure').catch(() => undefined);
      return f;
    }
    const { r, elapsed } = coldOn.result;
    f.coldOnMs = elapsed;
    if (!r.ok) {
      f.failure.push(`switch on answered ok: false — ${r.error}`);
      log(f.failure.at(-1)!);
      return f;
    }
    f.sentences = r.sentences;
    f.flagged = r.flagged;
    f.coldExtMs = r.ms;
    log(`on (cold, traced): ${msText(elapsed)} round trip, ${r.ms} ms reported, ${r.sentences} sentences, ${r.flagged} flagged`);
    if (r.timings) log(`  where the time went (ms): ${Object.entries(r.timings).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    log(`  long tasks while on: ${f.traceOn.long} > ${LONG_TASK_MS} ms of ${f.traceOn.tasks}, longest ${msText(f.traceOn.longestMs)}${f.traceOn.note ? ` (${f.traceOn.note})` : ''}`);
    f.whileOn = await leftovers(page, cdp, worlds);
    log(`  while on: ${f.whileOn.highlights} highlight ranges, ${f.whileOn.listeners} listeners on window+document, ${worlds.size} extension world(s)`);
    f.heapOn = await heap(cdp);

    const coldOff = await traced(page, o.settleMs, timeout, () => timedSend(h, off, timeout, 'switch off (cold)'));
    f.traceOff = coldOff.stats;
    if (coldOff.error || !coldOff.result?.r.ok) {
      f.failure.push(`switch off: ${String((coldOff.error as Error)?.message ?? JSON.stringify(coldOff.result?.r))}`);
      log(f.failure.at(-1)!);
      return f;
    }
    f.offMs.push(coldOff.result.elapsed);
    log(`off (traced): ${msText(coldOff.result.elapsed)}; long tasks ${f.traceOff.long}, longest ${msText(f.traceOff.longestMs)}`);
    f.heapOff = await heap(cdp);

    // warm runs, untraced
    for (let i = 0; i < o.runs; i++) {
      const a = await timedSend(h, on, timeout, `switch on (run ${i + 1})`);
      if (!a.r.ok) throw new Error(`run ${i + 1}: ok: false — ${a.r.error}`);
      f.warmOnMs.push(a.elapsed);
      f.warmExtMs.push(a.r.ms);
      const b = await timedSend(h, off, timeout, `switch off (run ${i + 1})`);
      if (!b.r.ok) throw new Error(`run ${i + 1} off: ok: false — ${b.r.error}`);
      f.offMs.push(b.elapsed);
    }
    log(`on (warm): ${f.warmOnMs.map((x) => Math.round(x)).join(', ')} ms`);

    // on/off cycles, bounded by count and time
    const t0 = performance.now();
    const budget = o.cycleBudgetS * 1000;
    while (f.cyclesDone < o.cycles && performance.now() - t0 < budget) {
      const a = await timedSend(h, on, timeout, `cycle ${f.cyclesDone + 1} on`);
      const b = await timedSend(h, off, timeout, `cycle ${f.cyclesDone + 1} off`);
      if (!a.r.ok || !b.r.ok) throw new Error(`cycle ${f.cyclesDone + 1}: ${JSON.stringify(a.r.ok ? b.r : a.r)}`);
      f.cyclesDone++;
    }
    f.cyclesMs = performance.now() - t0;
    f.heapCycles = await heap(cdp);
    f.afterCycles = await leftovers(page, cdp, worlds);
    log(`${f.cyclesDone} on/off cycles in ${(f.cyclesMs / 1000).toFixed(1)} s; heap ${MB(f.heapCycles.total)}`);

    f.blocks = await readBlocks(h, tabId, timeout);

    // a fresh tab of the same page: new renderer, first injection, engine warm; opened (with a query string of its
    // own, so that the tab is found by its URL: the first tab of this page is still open), asked o.tabWaitMs after its
    // load, switched off and closed
    const inFreshTab = async <T>(label: string, switchOn: (page: Page, tabId: number) => Promise<T>): Promise<T> => {
      const fresh = await withTimeout(h.openFixture(`${name}?new-tab=${label}`), timeout, `open ${name} (new tab ${label})`);
      try {
        const id = await withTimeout(h.tabIdOf(fresh.url()), timeout, 'tabIdOf');
        await sleep(o.tabWaitMs);
        const out = await switchOn(fresh, id);
        await timedSend(h, { type: 'mirage:set-highlights', tabId: id, enabled: false }, timeout, `new tab ${label} off`);
        return out;
      } finally {
        await fresh.close().catch(() => undefined);
      }
    };
    for (let i = 0; i < o.runs; i++) {
      // traced
      await inFreshTab(`${i + 1}`, async (fresh, id) => {
        const t = await traced(fresh, o.settleMs, timeout, () => timedSend(h, { type: 'mirage:set-highlights', tabId: id, enabled: true }, timeout, `new tab ${i + 1} on`));
        if (t.error || !t.result) throw t.error instanceof Error ? t.error : new Error(t.error ? JSON.stringify(t.error) : 'new tab: no answer');
        const a = t.result;
        if (!a.r.ok) throw new Error(`new tab ${i + 1}: ok: false — ${a.r.error}`);
        f.newTabTraces.push(t.stats);
        f.newTabMs.push(a.elapsed);
        f.newTabExtMs.push(a.r.ms);
        if (a.r.timings) f.newTabTimings.push(a.r.timings);
      });
      // the same, untraced: the trace records every event of the renderer, which slows the page it measures
      await inFreshTab(`${i + 1}-untraced`, async (_fresh, id) => {
        const a = await timedSend(h, { type: 'mirage:set-highlights', tabId: id, enabled: true }, timeout, `new tab ${i + 1} on (untraced)`);
        if (!a.r.ok) throw new Error(`new tab ${i + 1} (untraced): ok: false — ${a.r.error}`);
        f.newTabUntracedMs.push(a.elapsed);
        if (a.r.timings) f.newTabUntracedTimings.push(a.r.timings);
        await sleep(o.settleMs);
      });
    }
    log(`on, first in a new tab (engine warm, traced): ${f.newTabMs.map((x) => Math.round(x)).join(', ')} ms; median ms by step: ${stepsText(f.newTabTimings)}`);
    log(`  longest main-thread task in each: ${f.newTabTraces.map((t) => msText(t.longestMs)).join(', ')}`);
    for (const [i, ms] of f.newTabMs.entries()) log(`  new tab ${i + 1}: ${runParts(ms, f.newTabExtMs[i], f.newTabTimings[i])}`);
    log(`on, first in a new tab (engine warm, untraced, each after a traced one): ${f.newTabUntracedMs.map((x) => Math.round(x)).join(', ')} ms; median ms by step: ${stepsText(f.newTabUntracedTimings)}`);
  } catch (e) {
    f.failure.push(String((e as Error)?.message ?? e));
    log(`FAILED: ${f.failure.at(-1)}`);
    await withTimeout(h.send({ type: 'mirage:set-highlights', tabId: await h.tabIdOf(page.url()), enabled: false }), 10_000, 'off').catch(
      () => undefined,
    );
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close().catch(() => undefined);
  }
  return f;
}


// ---------------------------------------------------------------- a first switch-on in a fresh browser

interface WarmRecord {
  reason: string;
  startedAt: number;
  doneAt: number;
  busyMs: number;
  longestMs?: number;
  steps: number;
}

interface FirstRuns {
  ms: number[];
  timings: Record<string, number>[];
  traces: TaskStats[];
  failures: string[];
  /** ms from the browser's launch to the request (or to the heap reading). */
  sinceLaunch: number[];
  /** What the worker's warm-up had done when the request left (test build's `__mirageWarm`; absent in older builds). */
  warmAtRequest: (WarmRecord | undefined)[];
  heap: WorkerHeap[];
}

const freshKey = (name: string, at: FreshAt, build: string) => `${name}\t${at.name}\t${build}`;
const buildsOf = (o: Options) => [o.ext, ...(o.compare ? [o.compare] : [])];
const buildName = (b: string) => relative(ROOT, b) || b;

async function warmOf(h: Harness): Promise<WarmRecord | undefined> {
  const w = h.context.serviceWorkers().find((x) => x.url().endsWith('/background.js')) ?? h.worker;
  const r = await w.evaluate(() => (globalThis as unknown as { __mirageWarm?: WarmRecord }).__mirageWarm).catch(() => undefined);
  return r ? { ...r } : undefined;
}

const warmText = (ws: (WarmRecord | undefined)[]) => {
  const known = ws.filter((w): w is WarmRecord => !!w);
  if (!known.length) return 'n/a (this build does not say)';
  const started = known.filter((w) => w.reason);
  const done = started.filter((w) => Number.isFinite(w.doneAt));
  return `${started.length} of ${known.length} had started a warm-up (${[...new Set(started.map((w) => w.reason))].join(', ') || 'none'}), ${done.length} had finished it; steps took ${started.map((w) => Math.round(w.busyMs)).join(', ') || '-'} ms of the worker's time (longest step ${started.map((w) => (w.longestMs === undefined ? 'n/a' : Math.round(w.longestMs))).join(', ')} ms), from ${started.map((w) => Math.round(w.startedAt)).join(', ') || '-'} to ${done.map((w) => Math.round(w.doneAt)).join(', ') || '-'} ms after the worker's start`;
};

/** For each page, `o.freshBrowsers` first switch-ons per `--fresh-at` moment (and per build with `--compare`), each
 * in a browser of its own (new profile: the service worker has just started, the content script was never
 * injected), traced. Pages, moments and builds alternate. */
async function freshBrowserRuns(o: Options): Promise<Map<string, FirstRuns>> {
  const out = new Map<string, FirstRuns>();
  const timeout = o.timeoutS * 1000;
  for (let i = 0; i < o.freshBrowsers; i++) {
    for (const name of o.pages) {
      for (const at of o.freshAt) {
        for (const build of buildsOf(o)) {
          const key = freshKey(name, at, build);
          if (!out.has(key)) out.set(key, { ms: [], timings: [], traces: [], failures: [], sinceLaunch: [], warmAtRequest: [], heap: [] });
          const runs = out.get(key)!;
          let h: Harness | undefined;
          try {
            const launched = performance.now();
            h = await withTimeout(startHarness({ extensionDir: build }), 60_000, 'start Chromium');
            await h.controller();
            const page = await withTimeout(h.openFixture(name), timeout, `open ${name}`);
            const tabId = await withTimeout(h.tabIdOf(page.url()), timeout, 'tabIdOf');
            if (at.kind === 'load') await sleep(at.ms);
            if (at.kind === 'launch' || at.kind === 'heap') await sleep(Math.max(0, launched + at.ms - performance.now()));
            runs.sinceLaunch.push(performance.now() - launched);
            if (at.kind === 'heap') {
              runs.warmAtRequest.push(await warmOf(h));
              runs.heap.push(await workerHeap(h));
              continue;
            }
            const t = await traced(page, o.settleMs, timeout, () => timedSend(h!, { type: 'mirage:set-highlights', tabId, enabled: true }, timeout, 'fresh browser on'));
            if (t.error || !t.result) throw t.error instanceof Error ? t.error : new Error('no answer');
            if (!t.result.r.ok) throw new Error(`ok: false — ${t.result.r.error}`);
            runs.ms.push(t.result.elapsed);
            if (t.result.r.timings) runs.timings.push(t.result.r.timings);
            runs.traces.push(t.stats);
            // what the warm-up had done by the time the request left cannot be read without disturbing the request:
            // it is read after it (doneAt before the request's start means it had finished)
            runs.warmAtRequest.push(await warmOf(h));
          } catch (e) {
            runs.failures.push(String((e as Error)?.message ?? e));
          } finally {
            if (h) await withTimeout(h.close(), 20_000, 'close').catch(() => undefined);
          }
        }
      }
    }
  }
  for (const [key, r] of out) {
    const [name, at, build] = key.split('\t');
    const launch = `${Math.round(median(r.sinceLaunch) ?? NaN)} ms after the launch (median)`;
    if (r.heap.length) {
      console.log(`\n${name}, fresh browser, no request, ${at} (${launch}), build ${buildName(build!)}: worker heap ${r.heap.map((x) => MB(x.total)).join(', ')}`);
    } else {
      console.log(`\n${name}, first switch-on in a fresh browser, ${at} (${launch}), build ${buildName(build!)}: ${r.ms.map((x) => Math.round(x)).join(', ')} ms`);
      log(`median ms by step: ${stepsText(r.timings)}; longest main-thread task in each: ${r.traces.map((t) => msText(t.longestMs)).join(', ')}`);
    }
    log(`warm-up: ${warmText(r.warmAtRequest)}`);
    for (const x of r.failures) log(`FAILED: ${x}`);
  }
  return out;
}

// ---------------------------------------------------------------- the engine: background and Node

interface EngineFigures {
  name: string;
  words: number;
  sw: number[];
  node: number[];
}

/** A Node process of its own that scores blocks on request (scripts/bench-engine-child.ts). */
function nodeEngine(): { load(blocks: BlockPayload[]): Promise<void>; run(): Promise<number>; close(): void } {
  const child: ChildProcess = fork(join(ROOT, 'scripts/bench-engine-child.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ask = <T>(m: object) =>
    withTimeout(new Promise<T>((ok) => {
      child.once('message', (x) => ok(x as T));
      child.send(m);
    }), 120_000, 'Node engine');
  return {
    load: async (blocks) => void (await ask<{ ok: true }>({ blocks })),
    run: async () => (await ask<{ ms: number }>({ run: true })).ms,
    close: () => void child.kill(),
  };
}

/** The same blocks scored in the service worker and in a Node process, runs interleaved (the machine's load hits
 * both alike), after WARM_RUNS runs each. */
const WARM_RUNS = 3;
async function engineFigures(h: Harness, f: PageFigures, runs: number): Promise<EngineFigures | undefined> {
  const blocks = f.blocks;
  if (!blocks) return undefined;
  const inWorker = async () =>
    (await h.worker.evaluate(([b]) => (globalThis as unknown as { __mirageEngine: { time(b: unknown, n: number): number[] } }).__mirageEngine.time(b, 1), [blocks] as const))[0]!;
  const node = nodeEngine();
  try {
    await node.load(blocks);
    for (let i = 0; i < WARM_RUNS; i++) {
      await inWorker();
      await node.run();
    }
    const e: EngineFigures = { name: f.name, words: f.words, sw: [], node: [] };
    for (let i = 0; i < runs; i++) {
      e.sw.push(await inWorker());
      e.node.push(await node.run());
    }
    log(`${f.name}: engine per request, background ${e.sw.map((x) => Math.round(x)).join(', ')} ms; Node ${e.node.map((x) => Math.round(x)).join(', ')} ms`);
    return e;
  } finally {
    node.close();
  }
}

// ---------------------------------------------------------------- the service worker after a restart

interface RestartFigures {
  ms: number[];
  timings: Record<string, number>[];
  bootMs: number[];
  /** ms from the worker's start to its first module's evaluation (boot-mark.ts): loading and compiling the script. */
  evalStartMs: number[];
  fresh: WorkerHeap[];
  after: WorkerHeap[];
  idle: WorkerHeap[];
  failures: string[];
}

/** `o.restarts` times: the worker's heap fresh after a restart; then a first request that wakes a stopped worker
 * (a fresh tab of `name`), the heap after it, and after `o.idleS` seconds without events. */
async function restartRuns(h: Harness, name: string, o: Options): Promise<RestartFigures> {
  const r: RestartFigures = { ms: [], timings: [], bootMs: [], evalStartMs: [], fresh: [], after: [], idle: [], failures: [] };
  const timeout = o.timeoutS * 1000;
  for (let i = 0; i < o.restarts; i++) {
    try {
      await restartWorker(h);
      await sleep(o.pauseMs);
      r.fresh.push(await workerHeap(h));
      const page = await withTimeout(h.openFixture(`${name}?restart=${i + 1}`), timeout, 'open');
      try {
        const tabId = await withTimeout(h.tabIdOf(page.url()), timeout, 'tabIdOf');
        const started = await stopWorker(h);
        const a = await timedSend(h, { type: 'mirage:set-highlights', tabId, enabled: true }, timeout, 'on after a restart');
        if (!a.r.ok) throw new Error(`ok: false — ${a.r.error}`);
        const w = await started();
        r.bootMs.push(await w.evaluate(() => (globalThis as unknown as { __mirageBootMs?: number }).__mirageBootMs ?? NaN));
        r.evalStartMs.push(await w.evaluate(() => (globalThis as unknown as { __mirageEvalStartMs?: number }).__mirageEvalStartMs ?? NaN));
        r.ms.push(a.elapsed);
        if (a.r.timings) r.timings.push(a.r.timings);
        await timedSend(h, { type: 'mirage:set-highlights', tabId, enabled: false }, timeout, 'off');
        r.after.push(await workerHeap(h));
        await sleep(o.idleS * 1000);
        r.idle.push(await workerHeap(h));
      } finally {
        await page.close().catch(() => undefined);
      }
    } catch (e) {
      r.failures.push(String((e as Error)?.message ?? e));
    }
  }
  console.log(`\n${name}, first request after a service-worker restart: ${r.ms.map((x) => Math.round(x)).join(', ')} ms; worker start to main() ${r.bootMs.map((x) => Math.round(x)).join(', ')} ms, of which to the first module's evaluation (loading, compiling) ${r.evalStartMs.map((x) => Math.round(x)).join(', ')} ms`);
  log(`median ms by step: ${stepsText(r.timings)}`);
  log(`worker heap: fresh ${r.fresh.map((x) => MB(x.total)).join(', ')}; after the request ${r.after.map((x) => MB(x.total)).join(', ')}; after ${o.idleS} s idle ${r.idle.map((x) => MB(x.total)).join(', ')}`);
  for (const x of r.failures) log(`FAILED: ${x}`);
  return r;
}

// ---------------------------------------------------------------- the popup's switch after a worker restart

interface PopupRuns {
  /** undefined: the direct request; else ms after the popup's load event. */
  delay?: number;
  ms: number[];
  timings: Record<string, number>[];
  /** ms from the popup's load event to the request leaving it. */
  sentAfterLoad: number[];
  /** The popup's switch was on screen and enabled when the request left (a reader could have clicked it). */
  switchReady: boolean[];
  /** The popup was about the page's tab (the active tab of its window). */
  rightTab: boolean[];
  /** ms from the popup's load event to the new worker's start (negative: the worker started first). */
  workerAfterLoad: number[];
  /** The request's moment in the new worker's clock (ms since its start), to set beside its warm-up. */
  requestAt: number[];
  warm: (WarmRecord | undefined)[];
  /** 1-minute load average when each run began. */
  load: number[];
  failures: string[];
}

/** Evaluated inside the real popup (its own target, by CDP; plain JavaScript): waits for the popup's load event, then
 * until `delay` ms after it, then sends the message its switch sends (src/pages/tab.ts `setHighlights`) and times it
 * there, as `timedSend` does in the controller page. */
const popupClick = (message: unknown, delay: number) => `(async () => {
  if (document.readyState !== 'complete') await new Promise((ok) => addEventListener('load', ok, { once: true }));
  const nav = performance.getEntriesByType('navigation')[0];
  const loadAt = nav && nav.loadEventEnd > 0 ? nav.loadEventEnd : performance.now();
  const wait = loadAt + ${delay} - performance.now();
  if (wait > 0) await new Promise((ok) => setTimeout(ok, wait));
  const toggle = document.getElementById('toggle');
  const switchReady = !!toggle && !toggle.disabled;
  const t0 = performance.now();
  const r = await chrome.runtime.sendMessage(${JSON.stringify(message)});
  const elapsed = performance.now() - t0;
  const [active] = await chrome.tabs.query({ active: true, currentWindow: true });
  return { r, elapsed, sentAfterLoad: t0 - loadAt, switchReady, activeTab: active ? active.id : -1,
    loadAtEpoch: performance.timeOrigin + loadAt, sentAtEpoch: performance.timeOrigin + t0 };
})()`;

interface Sent {
  r: Result;
  elapsed: number;
  sentAtEpoch: number;
  sentAfterLoad?: number;
  switchReady?: boolean;
  activeTab?: number;
  loadAtEpoch?: number;
}

/** `o.restarts` rounds; in each, the direct request and one popup run per delay (order rotated from round to round),
 * each after a worker stop, on a tab of `name` of its own. */
async function popupRuns(h: Harness, name: string, o: Options): Promise<PopupRuns[]> {
  const timeout = o.timeoutS * 1000;
  const variants: (number | undefined)[] = [undefined, ...o.viaPopup];
  const out: PopupRuns[] = variants.map((delay) => ({
    delay, ms: [], timings: [], sentAfterLoad: [], switchReady: [], rightTab: [], workerAfterLoad: [], requestAt: [], warm: [], load: [], failures: [],
  }));
  const popupUrl = `chrome-extension://${h.extensionId}/popup.html`;
  for (let i = 0; i < o.restarts; i++) {
    for (let k = 0; k < variants.length; k++) {
      const runs = out[(i + k) % variants.length]!;
      try {
        const page = await withTimeout(h.openFixture(`${name}?via=${i + 1}-${k + 1}`), timeout, 'open');
        try {
          await page.bringToFront(); // the popup is about the active tab
          const tabId = await withTimeout(h.tabIdOf(page.url()), timeout, 'tabIdOf');
          await sleep(o.pauseMs);
          const ctl = await h.controller();
          const started = await stopWorker(h);
          runs.load.push(loadavg()[0]!);
          const on = { type: 'mirage:set-highlights', tabId, enabled: true };
          let a: Sent;
          if (runs.delay === undefined) {
            a = await withTimeout(ctl.evaluate(async (m) => {
              const t0 = performance.now();
              const r = await chrome.runtime.sendMessage(m);
              return { r: r as Result, elapsed: performance.now() - t0, sentAtEpoch: performance.timeOrigin + t0 };
            }, on as never), timeout, 'direct request after a restart');
          } else {
            // the real popup, as the toolbar button opens it: no tab event, the popup's own get-state wakes the worker
            await withTimeout(ctl.evaluate(() => chrome.action.openPopup()), timeout, 'openPopup');
            const popup = await attachTarget(h, (t) => t.type === 'page' && t.url.startsWith(popupUrl), 'popup');
            try {
              const res = (await withTimeout(popup.send('Runtime.evaluate', { expression: popupClick(on, runs.delay), awaitPromise: true, returnByValue: true }), timeout, 'popup request')) as {
                result?: { value?: Sent };
                exceptionDetails?: unknown;
                error?: unknown;
              };
              if (!res.result?.value) throw new Error(`popup: ${JSON.stringify(res.exceptionDetails ?? res.error ?? res)}`);
              a = res.result.value;
            } finally {
              await popup.send('Runtime.evaluate', { expression: 'window.close()' }).catch(() => undefined);
              await popup.close();
            }
          }
          if (!a.r.ok) throw new Error(`ok: false — ${a.r.error}`);
          const w = await started();
          const origin = await w.evaluate(() => performance.timeOrigin);
          runs.ms.push(a.elapsed);
          if (a.r.timings) runs.timings.push(a.r.timings);
          runs.requestAt.push(a.sentAtEpoch - origin);
          runs.warm.push(await warmOf(h));
          if (a.loadAtEpoch !== undefined) {
            runs.sentAfterLoad.push(a.sentAfterLoad!);
            runs.switchReady.push(a.switchReady!);
            runs.rightTab.push(a.activeTab === tabId);
            runs.workerAfterLoad.push(origin - a.loadAtEpoch);
          }
          await timedSend(h, { type: 'mirage:set-highlights', tabId, enabled: false }, timeout, 'off');
        } finally {
          await page.close().catch(() => undefined);
        }
      } catch (e) {
        runs.failures.push(String((e as Error)?.message ?? e));
      }
    }
  }
  return out;
}

/** The worker's heap after a popup's warm-up: `o.restarts` rounds of a worker stopped, then woken either by a message
 * no listener answers (no warm-up: the fresh worker) or by the real popup (its get-state starts the warm-up), and read
 * `waitMs` after that (forced GC, as workerHeap does), with what the warm-up had done. No switch-on. */
async function popupHeapRuns(h: Harness, name: string, o: Options, waitMs: number): Promise<{ fresh: WorkerHeap[]; popup: WorkerHeap[]; warm: (WarmRecord | undefined)[] }> {
  const timeout = o.timeoutS * 1000;
  const out = { fresh: [] as WorkerHeap[], popup: [] as WorkerHeap[], warm: [] as (WarmRecord | undefined)[] };
  const popupUrl = `chrome-extension://${h.extensionId}/popup.html`;
  for (let i = 0; i < o.restarts; i++) {
    await restartWorker(h);
    await sleep(waitMs);
    out.fresh.push(await workerHeap(h));
    const page = await withTimeout(h.openFixture(`${name}?heap=${i + 1}`), timeout, 'open');
    try {
      await page.bringToFront();
      await sleep(o.pauseMs);
      const ctl = await h.controller();
      const started = await stopWorker(h);
      await withTimeout(ctl.evaluate(() => chrome.action.openPopup()), timeout, 'openPopup');
      const popup = await attachTarget(h, (t) => t.type === 'page' && t.url.startsWith(popupUrl), 'popup');
      try {
        await started();
        await sleep(waitMs);
        out.warm.push(await warmOf(h));
        out.popup.push(await workerHeap(h));
      } finally {
        await popup.send('Runtime.evaluate', { expression: 'window.close()' }).catch(() => undefined);
        await popup.close();
      }
    } finally {
      await page.close().catch(() => undefined);
    }
  }
  return out;
}

function popupReport(out: PopupRuns[], name: string): void {
  const range = (xs: number[]) => (xs.length ? `${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))}` : 'n/a');
  const rows: string[][] = [['after a worker restart', 'round trip (range)', 'first highlights', 'inject', 'extract', 'score', 'paint', 'warm-up done before the request', 'load (1 min)']];
  for (const r of out) {
    const label = r.delay === undefined ? 'direct request (automation message)' : `popup opened, switch request ${r.delay} ms after its load`;
    const m = stepMedians(r.timings);
    const done = r.warm.filter((w, j) => w && Number.isFinite(w.doneAt) && w.doneAt <= r.requestAt[j]!).length;
    rows.push([`${label} (${r.ms.length} runs)`, `${msText(median(r.ms) ?? NaN)} (${range(r.ms)})`, msText(m.first!), msText(m.inject!), msText(m.extract!), msText(m.score!), msText(m.paint!), `${done} of ${r.warm.length}`, r.load.length ? `${Math.min(...r.load).toFixed(2)}–${Math.max(...r.load).toFixed(2)}` : 'n/a']);
  }
  console.log(`\n=== ${name}: the first switch-on after a worker restart, direct and from the popup (ms, medians) ===\n`);
  console.log(table(rows));
  for (const r of out) {
    const label = r.delay === undefined ? 'direct' : `popup +${r.delay} ms`;
    console.log(`\n${label}: ${r.ms.map((x) => Math.round(x)).join(', ')} ms`);
    if (r.delay !== undefined) {
      log(`request left ${r.sentAfterLoad.map((x) => Math.round(x)).join(', ')} ms after the popup's load; switch ready ${r.switchReady.filter(Boolean).length} of ${r.switchReady.length}; popup about the page's tab ${r.rightTab.filter(Boolean).length} of ${r.rightTab.length}; worker started ${r.workerAfterLoad.map((x) => Math.round(x)).join(', ')} ms after the popup's load`);
    }
    log(`request at ${r.requestAt.map((x) => Math.round(x)).join(', ')} ms of the worker's life; warm-up: ${r.warm.map((w) => (w ? `${w.reason || 'none'} ${Math.round(w.startedAt)}→${Number.isFinite(w.doneAt) ? Math.round(w.doneAt) : '…'} (${Math.round(w.busyMs)} ms busy)` : 'n/a')).join('; ')}`);
    for (const x of r.failures) log(`FAILED: ${x}`);
  }
}

// ---------------------------------------------------------------- injected bytes

function injectedFiles(ext: string): { file: string; raw: number; gzip: number }[] {
  const dir = join(ext, 'content-scripts');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => statSync(join(dir, n)).isFile())
    .sort()
    .map((n) => {
      const buf = readFileSync(join(dir, n));
      return { file: relative(ROOT, join(dir, n)), raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
    });
}

// ---------------------------------------------------------------- report

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

function heapCell(x: Heap | undefined, base: Heap | undefined): string {
  if (!x) return 'n/a';
  return base && x !== base ? `${MB(x.total)} (${signedMB(x.total - base.total)})` : MB(x.total);
}

function taskCell(t: TaskStats | undefined): string {
  if (!t) return 'n/a';
  if (t.note && !t.tasks) return `n/a: ${t.note}`;
  return `${t.long} (longest ${msText(t.longestMs)})`;
}

interface Extra {
  fresh: Map<string, FirstRuns>;
  engine: EngineFigures[];
  restart?: RestartFigures;
}

/** Where the time of a first switch-on goes, per page and situation: the issue's breakdown table. */
function breakdown(figures: PageFigures[], x: Extra, o: Options): void {
  const rows: string[][] = [['page, situation', 'round trip', 'first highlights', 'inject', 'extract', 'score', 'paint', 'longest task']];
  const add = (label: string, ms: number[], ts: Record<string, number>[], traces: TaskStats[] | undefined) => {
    if (!ms.length) return;
    const m = stepMedians(ts);
    const w = traces && worst(traces);
    rows.push([label, msText(median(ms) ?? NaN), msText(m.first ?? NaN), msText(m.inject!), msText(m.extract!), msText(m.score!), msText(m.paint!), w ? msText(w.longestMs) : 'n/a']);
  };
  for (const name of o.pages) {
    const short = name.replace(/^hard\//, '');
    for (const at of o.freshAt) {
      for (const build of buildsOf(o)) {
        const fb = x.fresh.get(freshKey(name, at, build));
        const which = o.compare ? `, ${buildName(build)}` : '';
        if (fb?.ms.length) add(`${short}, fresh browser, request ${at.name}${which} (median of ${fb.ms.length})`, fb.ms, fb.timings, fb.traces);
        if (fb?.heap.length) rows.push([`${short}, fresh browser, worker heap at ${at.name}${which} (median of ${fb.heap.length})`, MB(median(fb.heap.map((y) => y.total)) ?? NaN), '', '', '', '', '', '']);
      }
    }
    const f = figures.find((y) => y.name === name);
    if (!f) continue;
    add(`${short}, fresh tab, engine warm (median of ${f.newTabMs.length})`, f.newTabMs, f.newTabTimings, f.newTabTraces);
    add(`${short}, fresh tab, engine warm, untraced (median of ${f.newTabUntracedMs.length})`, f.newTabUntracedMs, f.newTabUntracedTimings, undefined);
    if (x.restart && f.name === o.pages[0]) add(`${short}, after a worker restart (median of ${x.restart.ms.length})`, x.restart.ms, x.restart.timings, undefined);
  }
  console.log('\n=== Where the time of a first switch-on goes (ms, medians; steps as the extension reports them) ===\n');
  console.log(table(rows));
  console.log('first highlights = from the request to the first highlights painted (n/a: this build paints once).');
  if (x.engine.length) {
    const er: string[][] = [['page', 'background (service worker)', 'Node', 'ratio']];
    for (const e of x.engine) er.push([`${e.name.replace(/^hard\//, '')} (${e.words} words)`, msText(median(e.sw) ?? NaN), msText(median(e.node) ?? NaN), ((median(e.sw) ?? NaN) / (median(e.node) ?? NaN)).toFixed(2)]);
    console.log(`\n=== The engine per request, same blocks, medians of ${x.engine[0]!.sw.length} interleaved runs ===\n`);
    console.log(table(er));
  }
  if (x.restart?.fresh.length) {
    const r = x.restart;
    const med = (hs: WorkerHeap[]) => MB(median(hs.map((y) => y.total)) ?? NaN);
    console.log(`\nService worker heap (V8 + Blink, after GC, median of ${r.fresh.length}): fresh ${med(r.fresh)}; after a request ${med(r.after)}; after ${o.idleS} s idle ${med(r.idle)}; worker start to main() ${msText(median(r.bootMs) ?? NaN)} (to the first module's evaluation ${msText(median(r.evalStartMs) ?? NaN)}, then evaluating the modules ${msText(median(r.bootMs.map((b, i) => b - r.evalStartMs[i]!)) ?? NaN)}).`);
  }
}

function report(figures: PageFigures[], o: Options): void {
  const head = ['', ...figures.map((f) => f.name.replace(/^hard\//, ''))];
  const col = (fn: (f: PageFigures) => string) => figures.map((f) => fn(f));
  const rows: [string, string[]][] = [
    ['words on the page', col((f) => String(f.words))],
    ['sentences / flagged', col((f) => (f.sentences === undefined ? 'n/a' : `${f.sentences} / ${f.flagged}`))],
    ['on, cold (1st injection, traced)', col((f) => msText(f.coldOnMs ?? NaN))],
    ['  … `ms` reported by extension', col((f) => msText(f.coldExtMs ?? NaN))],
    [`on, median of ${o.runs} warm runs`, col((f) => msText(median(f.warmOnMs)!))],
    ['  … min – max', col((f) => (f.warmOnMs.length ? `${Math.round(Math.min(...f.warmOnMs))} – ${Math.round(Math.max(...f.warmOnMs))} ms` : 'n/a'))],
    ['  … `ms` reported (median)', col((f) => msText(median(f.warmExtMs)!))],
    [`on, 1st in a new tab, engine warm (median of ${o.runs})`, col((f) => msText(median(f.newTabMs)!))],
    ['off, median', col((f) => msText(median(f.offMs)!))],
    [`tasks > ${LONG_TASK_MS} ms, switching on`, col((f) => taskCell(f.traceOn))],
    ['  … blocking time (Σ dur − 50)', col((f) => (f.traceOn && f.traceOn.tasks ? msText(f.traceOn.blockingMs) : 'n/a'))],
    ['  … main-thread tasks in window', col((f) => (f.traceOn ? `${f.traceOn.tasks} in ${msText(f.traceOn.windowMs)}` : 'n/a'))],
    [`tasks > ${LONG_TASK_MS} ms, 1st on in a new tab (all ${o.runs})`, col((f) => taskCell(worst(f.newTabTraces)))],
    [`tasks > ${LONG_TASK_MS} ms, switching off`, col((f) => taskCell(f.traceOff))],
    ['heap before (V8 + Blink, after GC)', col((f) => heapCell(f.heapBefore, undefined))],
    ['heap after on', col((f) => heapCell(f.heapOn, f.heapBefore))],
    ['heap after off', col((f) => heapCell(f.heapOff, f.heapBefore))],
    ['on/off cycles done', col((f) => (f.cyclesMs === undefined ? 'n/a' : `${f.cyclesDone} in ${(f.cyclesMs / 1000).toFixed(1)} s`))],
    ['heap after cycles (vs before)', col((f) => heapCell(f.heapCycles, f.heapBefore))],
    ['  … growth vs after 1st off', col((f) => (f.heapCycles && f.heapOff ? signedMB(f.heapCycles.total - f.heapOff.total) : 'n/a'))],
    ['highlight ranges: on -> after cycles', col((f) => (f.afterCycles && f.whileOn ? `${f.whileOn.highlights} -> ${f.afterCycles.highlights}` : 'n/a'))],
    ['listeners on window+document (all worlds)', col((f) => (f.afterCycles && f.before && f.whileOn ? `${f.before.listeners} / on: ${f.whileOn.listeners} / ${f.afterCycles.listeners}` : 'n/a'))],
    ['DOM after cycles identical to before', col((f) => (f.afterCycles && f.before ? (f.afterCycles.domHash === f.before.domHash ? 'yes' : 'NO') : 'n/a'))],
  ];
  console.log('\n=== Mirage Lens: cost on a page (Chromium, headless) ===\n');
  console.log(table([head, ...rows.map(([k, v]) => [k, ...v])]));

  const heaps = figures.flatMap((f) => [f.heapBefore, f.heapOn, f.heapOff, f.heapCycles]).filter((x): x is Heap => !!x);
  const hasBlink = heaps.some((x) => x.blink !== undefined);
  console.log(
    `\nHeap = Runtime.getHeapUsage after HeapProfiler.collectGarbage (x2) on the page: usedSize (V8, every world of the page's isolate)` +
      (hasBlink ? ' + embedderHeapUsedSize (Blink: DOM, ranges).' : '; this Chromium reports no embedderHeapUsedSize (V8 only).') +
      (heaps[0] ? ` Fields reported: ${Object.keys(heaps[0].raw).join(', ')}.` : ''),
  );
  const ev = figures.find((f) => f.traceOn?.tasks)?.traceOn?.event ?? 'RunTask';
  console.log(
    `Long tasks = \`${ev}\` trace events over ${LONG_TASK_MS} ms on CrRendererMain of the page's renderer, from sending the message until ${o.settleMs} ms after its answer.`,
  );
  for (const f of figures) {
    for (const [dir, t] of [['on', f.traceOn], ['on in a new tab', worst(f.newTabTraces)], ['off', f.traceOff]] as const) {
      for (const x of t?.longTasks ?? []) console.log(`Long task on ${f.name.replace(/^hard\//, '')}, switching ${dir}: ${msText(x.ms)} — ${x.what}`);
    }
  }
  for (const f of figures) for (const x of f.failure) console.log(`FAILED on ${f.name}: ${x}`);

  const files = injectedFiles(o.ext);
  console.log('\nInjected into pages (content-scripts/ of the test build):\n');
  if (!files.length) console.log('  none found');
  else {
    const total = files.reduce((a, x) => ({ raw: a.raw + x.raw, gzip: a.gzip + x.gzip }), { raw: 0, gzip: 0 });
    const rows2 = files.map((x) => [x.file, kB(x.raw), kB(x.gzip)]);
    if (files.length > 1) rows2.push(['total', kB(total.raw), kB(total.gzip)]);
    console.log(table([['file', 'raw', 'gzip -9'], ...rows2]));
  }
}

// ---------------------------------------------------------------- main

async function main(): Promise<number> {
  const o = parseOptions(process.argv.slice(2));
  if (!existsSync(join(o.ext, 'manifest.json'))) {
    console.error(`No test build at ${relative(ROOT, o.ext)}/: run \`npm run build:e2e\` first, then this script again.`);
    return 2;
  }
  if (o.viaPopup.length) console.log(`bench-page --via-popup: ${o.pages[0]}; ${o.restarts} rounds of a worker restart, then the direct request and the popup's request ${o.viaPopup.join(', ')} ms after its load; build ${relative(ROOT, o.ext) || o.ext}`);
  else console.log(`bench-page: ${o.pages.join(', ')}; ${o.runs} warm runs and new tabs, ${o.freshBrowsers} fresh browsers and ${o.restarts} worker restarts per page, up to ${o.cycles} on/off cycles (${o.cycleBudgetS} s budget per page), ${o.timeoutS} s per step; build ${relative(ROOT, o.ext) || o.ext}`);
  console.log(`Machine: ${cpus().length} cores, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')} (1, 5, 15 min) at the start`);
  let h: Harness | undefined;
  const cleanup = async () => {
    const x = h;
    h = undefined;
    if (x) await withTimeout(x.close(), 20_000, 'close').catch(() => undefined);
  };
  const watchdog = setTimeout(() => {
    console.error(`\nbench-page: watchdog — still running after ${WATCHDOG_MS / 60000} min; stopping.`);
    void cleanup().finally(() => process.exit(3));
  }, WATCHDOG_MS);
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => void cleanup().finally(() => process.exit(130)));
  }
  try {
    if (o.onlyFresh) {
      const x: Extra = { fresh: await freshBrowserRuns(o), engine: [] };
      breakdown([], x, o);
      console.log(`\nMachine load average at the end: ${loadavg().map((y) => y.toFixed(2)).join(' ')}`);
      return 0;
    }
    h = await withTimeout(startHarness({ extensionDir: o.ext }), 60_000, 'start Chromium');
    console.log(`Chromium ${h.context.browser()?.version() ?? '(version n/a)'}; extension ${h.extensionId}; fixtures at ${h.baseUrl}`);
    if (o.viaPopup.length) {
      popupReport(await popupRuns(h, o.pages[0]!, o), o.pages[0]!);
      const wait = o.popupHeapMs;
      if (wait !== undefined) {
        const x = await popupHeapRuns(h, o.pages[0]!, o, wait);
        const med = (hs: WorkerHeap[]) => MB(median(hs.map((y) => y.total))!);
        console.log(`\nThe worker's heap ${wait} ms after it woke (forced GC; ${x.fresh.length} rounds): fresh (woken by a message nobody answers) ${med(x.fresh)} (${x.fresh.map((y) => MB(y.total)).join(', ')}); woken by the popup, no request ${med(x.popup)} (${x.popup.map((y) => MB(y.total)).join(', ')})`);
        console.log(`  the popup's warm-up: ${warmText(x.warm)}; passes done ${x.warm.map((w) => (w ? `${(w as { passesDone?: number }).passesDone ?? 'n/a'}` : 'n/a')).join(', ')}`);
      }
      console.log(`\nMachine load average at the end: ${loadavg().map((y) => y.toFixed(2)).join(' ')}`);
      return 0;
    }
    const figures: PageFigures[] = [];
    for (const name of o.pages) {
      try {
        figures.push(await benchPage(h, name, o));
      } catch (e) {
        figures.push({ ...emptyFigures(name), failure: [String((e as Error)?.message ?? e)] });
      }
    }
    const x: Extra = { fresh: new Map(), engine: [] };
    console.log('\nThe engine per request, background and Node, same blocks:');
    for (const f of figures) {
      const e = await engineFigures(h, f, f.words > 20_000 ? o.runs : 4 * o.runs).catch((err: unknown) => {
        f.failure.push(`engine figures: ${String((err as Error)?.message ?? err)}`);
        return undefined;
      });
      if (e) x.engine.push(e);
    }
    if (o.restarts > 0 && o.pages[0]) x.restart = await restartRuns(h, o.pages[0], o);
    report(figures, o);
    const violations = h.networkViolations();
    await cleanup();
    if (o.freshBrowsers > 0) x.fresh = await freshBrowserRuns(o);
    breakdown(figures, x, o);
    console.log(`\nMachine load average at the end: ${loadavg().map((y) => y.toFixed(2)).join(' ')}`);
    console.log(violations.length ? `\nNETWORK: ${violations.length} request(s) outside 127.0.0.1: ${violations.map((v) => v.url).join(', ')}` : '\nNetwork: no request beyond 127.0.0.1 and extension pages.');
    return 0;
  } finally {
    clearTimeout(watchdog);
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`bench-page failed: ${(e as Error)?.stack ?? e}`);
    process.exit(1);
  },
);

declare const chrome: {
  tabs: { sendMessage(tabId: number, m: unknown, o: { frameId: number }): Promise<unknown> };
  runtime: { sendMessage(m: unknown): Promise<unknown> };
  action: { openPopup(): Promise<void> };
};
