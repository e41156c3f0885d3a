/**
 * bench-page — what the extension costs a page: time to highlight, main-thread long tasks, heap, injected bytes.
 *
 * What: launches the e2e test build (`.output-e2e/chrome-mv3`) in Debian's Chromium through the e2e harness
 * (tests/e2e/harness.ts: fixtures served on 127.0.0.1, every other host resolves to nowhere), and for each fixture
 * page (default: the 2,000-word article and the 100,000-word page under tests/e2e/fixtures/hard/):
 *   (a) round-trip time of `mirage:set-highlights` (enabled: true) from an extension page, as the automation
 *       contract says: one cold run (first injection, traced), the median of N warm runs (untraced), and the median
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
 *   (d) the bytes injected into pages: every file of `.output-e2e/chrome-mv3/content-scripts/`, raw and gzip.
 * When: `npx tsx scripts/bench-page.ts` (or `npm run bench:page`) after `npm run build:e2e`. It builds nothing.
 * Options: --pages hard/article-2000.html,hard/huge.html  --runs 5  --cycles 100  --cycle-budget 180 (seconds per
 *   page)  --timeout 120 (seconds per step)  --settle 750 (ms traced after a response, to catch trailing paints).
 * Limits: figures come from one headless Chromium on this machine, with tracing overhead in the cold run; the
 *   background's own work (the engine runs in the service worker) is not on the page's main thread and is not in
 *   the page's heap — it shows only in the round-trip times. Every step has a timeout, and a watchdog ends the whole
 *   run; a page that fails or times out is reported as such and the run carries on.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CDPSession, Page } from 'playwright-core';
import { EXTENSION_DIR, ROOT, startHarness, type Harness } from '../tests/e2e/harness';
import { LONG_TASK_MS, traced, withTimeout, type TaskStats } from '../tests/e2e/trace';

// ---------------------------------------------------------------- options

const WATCHDOG_MS = 25 * 60_000;

interface Options {
  pages: string[];
  runs: number;
  cycles: number;
  cycleBudgetS: number;
  timeoutS: number;
  settleMs: number;
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
    cycles: num('cycles', 100),
    cycleBudgetS: num('cycle-budget', 180),
    timeoutS: num('timeout', 120),
    settleMs: num('settle', 750),
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

async function timedSend(h: Harness, message: unknown, timeoutMs: number, label: string) {
  const t0 = performance.now();
  const r = await withTimeout(h.send<Result>(message), timeoutMs, label);
  return { r, elapsed: performance.now() - t0 };
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
  traceNewTab?: TaskStats;
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

async function benchPage(h: Harness, name: string, o: Options): Promise<PageFigures> {
  const timeout = o.timeoutS * 1000;
  const f: PageFigures = { name, words: 0, failure: [], warmOnMs: [], warmExtMs: [], newTabMs: [], newTabTimings: [], offMs: [], cyclesDone: 0 };
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

    // a fresh tab of the same page: new renderer, first injection, engine warm
    for (let i = 0; i < o.runs; i++) {
      // a query string of its own, so that the tab is found by its URL (the first tab of this page is still open)
      const fresh = await withTimeout(h.openFixture(`${name}?new-tab=${i + 1}`), timeout, `open ${name} (new tab ${i + 1})`);
      try {
        const id = await withTimeout(h.tabIdOf(fresh.url()), timeout, 'tabIdOf');
        const send = () => timedSend(h, { type: 'mirage:set-highlights', tabId: id, enabled: true }, timeout, `new tab ${i + 1} on`);
        let a: Awaited<ReturnType<typeof send>>;
        if (i === 0) {
          // the first one traced: long tasks of a first switch-on as readers meet it
          const t = await traced(fresh, o.settleMs, timeout, send);
          if (t.error || !t.result) throw t.error instanceof Error ? t.error : new Error(t.error ? JSON.stringify(t.error) : 'new tab: no answer');
          f.traceNewTab = t.stats;
          a = t.result;
        } else a = await send();
        if (!a.r.ok) throw new Error(`new tab ${i + 1}: ok: false — ${a.r.error}`);
        f.newTabMs.push(a.elapsed);
        if (a.r.timings) f.newTabTimings.push(a.r.timings);
        await timedSend(h, { type: 'mirage:set-highlights', tabId: id, enabled: false }, timeout, `new tab ${i + 1} off`);
      } finally {
        await fresh.close().catch(() => undefined);
      }
    }
    const where = f.newTabTimings.length
      ? Object.keys(f.newTabTimings[0]!).map((k) => `${k} ${Math.round((median(f.newTabTimings.map((t) => t[k] ?? NaN)))!)}`).join(', ')
      : 'n/a';
    log(`on, first in a new tab (engine warm): ${f.newTabMs.map((x) => Math.round(x)).join(', ')} ms; median ms by step: ${where}`);
    if (f.traceNewTab) log(`  first new tab, traced: ${f.traceNewTab.tasks} main-thread tasks, longest ${msText(f.traceNewTab.longestMs)}${f.traceNewTab.note ? ` (${f.traceNewTab.note})` : ''}`);
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

// ---------------------------------------------------------------- injected bytes

function injectedFiles(): { file: string; raw: number; gzip: number }[] {
  const dir = join(EXTENSION_DIR, 'content-scripts');
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
    [`tasks > ${LONG_TASK_MS} ms, 1st on in a new tab`, col((f) => taskCell(f.traceNewTab))],
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
    for (const [dir, t] of [['on', f.traceOn], ['on in a new tab', f.traceNewTab], ['off', f.traceOff]] as const) {
      for (const x of t?.longTasks ?? []) console.log(`Long task on ${f.name.replace(/^hard\//, '')}, switching ${dir}: ${msText(x.ms)} — ${x.what}`);
    }
  }
  for (const f of figures) for (const x of f.failure) console.log(`FAILED on ${f.name}: ${x}`);

  const files = injectedFiles();
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
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    console.error(`No test build at ${relative(ROOT, EXTENSION_DIR)}/: run \`npm run build:e2e\` first, then this script again.`);
    return 2;
  }
  console.log(`bench-page: ${o.pages.join(', ')}; ${o.runs} warm runs, up to ${o.cycles} on/off cycles (${o.cycleBudgetS} s budget per page), ${o.timeoutS} s per step`);
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
    h = await withTimeout(startHarness(), 60_000, 'start Chromium');
    console.log(`Chromium ${h.context.browser()?.version() ?? '(version n/a)'}; extension ${h.extensionId}; fixtures at ${h.baseUrl}`);
    const figures: PageFigures[] = [];
    for (const name of o.pages) {
      try {
        figures.push(await benchPage(h, name, o));
      } catch (e) {
        figures.push({ name, words: 0, failure: [String((e as Error)?.message ?? e)], warmOnMs: [], warmExtMs: [], newTabMs: [], newTabTimings: [], offMs: [], cyclesDone: 0 });
      }
    }
    report(figures, o);
    const violations = h.networkViolations();
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
