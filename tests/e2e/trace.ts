/**
 * trace — main-thread long tasks of a page, from a Chromium trace (shared by scripts/bench-page.ts and the e2e tests).
 *
 * What: `traced(page, settleMs, timeoutMs, fn)` records a CDP trace (TRACE_CATEGORIES) while `fn` runs and for
 * `settleMs` after it, then counts the `RunTask` events on the main thread (`CrRendererMain`) of the renderer that
 * holds the page's main frame: how many, how many over LONG_TASK_MS, the longest, the blocking time (sum of dur - 50),
 * and, for each long one, what ran inside it (`long[].what`: the biggest events nested in the task, e.g.
 * "UpdateLayoutTree 31 ms (2559 elements), PrePaint 3 ms"). A page's own PerformanceObserver cannot see the work of
 * content scripts (isolated world, ../../../shared/TOOLCHAIN.md); a trace sees every task, as DevTools and
 * Lighthouse do.
 * Limits: one renderer's main thread only (the service worker's engine is not on it); the trace adds some overhead
 * to every task; figures depend on the machine's load.
 */
import type { Page } from 'playwright-core';

export const LONG_TASK_MS = 50;
export const TRACE_CATEGORIES = ['disabled-by-default-devtools.timeline', 'devtools.timeline', 'toplevel'];

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: {
    name?: string;
    elementCount?: number;
    beginData?: { dirtyObjects?: number; totalObjects?: number };
    data?: { frames?: { frame: string; processId?: number; url?: string }[]; frame?: string; url?: string };
  };
}

export interface LongTask {
  ms: number;
  /** The biggest events inside the task, outermost first. */
  what: string;
}

export interface TaskStats {
  /** 'RunTask' or 'ThreadControllerImpl::RunTask': the event counted. */
  event: string;
  tasks: number;
  long: number;
  longestMs: number;
  blockingMs: number;
  windowMs: number;
  /** The long tasks, longest first, with what ran inside them. */
  longTasks: LongTask[];
  note?: string;
}

export class StepTimeout extends Error {}

export function withTimeout<T>(p: Promise<T>, ms: number, label: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new StepTimeout(`${label}: no answer after ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

export const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** Run `fn` under a trace of the page's renderer and count its main-thread tasks. */
export async function traced<T>(page: Page, settleMs: number, timeoutMs: number, fn: () => Promise<T>) {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    for (const ev of e.value as unknown as TraceEvent[]) events.push(ev);
  });
  const complete = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: TRACE_CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
    transferMode: 'ReportEvents',
  });
  const t0 = performance.now();
  let result: T | undefined;
  let error: unknown;
  try {
    result = await fn();
    await sleep(settleMs);
  } catch (e) {
    error = e;
  }
  const windowMs = performance.now() - t0;
  await withTimeout(cdp.send('Tracing.end'), timeoutMs, 'Tracing.end').catch(() => undefined);
  await withTimeout(complete, timeoutMs, 'trace transfer').catch(() => undefined);
  await cdp.detach().catch(() => undefined);
  const stats = taskStats(events, frameTree.frame.id, windowMs);
  return { result, error, stats };
}

/** Names of nested events worth naming in a long task's description (the rest are wrappers). */
const WRAPPERS = new Set(['ThreadControllerImpl::RunTask', 'RunTask', 'WebFrameWidgetImpl::UpdateLifecycle', 'LocalFrameView::RunStyleAndLayoutLifecyclePhases', 'LocalFrameView::UpdateStyleAndLayout']);
/** Nested events shorter than this are left out of a description. */
const DESCRIBE_MIN_MS = 3;

function describeTask(task: TraceEvent, onMain: TraceEvent[]): string {
  const end = (e: TraceEvent) => e.ts + (e.dur ?? 0);
  const ms = (e: TraceEvent) => (e.dur ?? 0) / 1000;
  const inside = onMain
    .filter((e) => e !== task && e.ts >= task.ts && end(e) <= end(task) && ms(e) >= DESCRIBE_MIN_MS && !WRAPPERS.has(e.name))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  // outermost named events, each with the named events directly inside it
  const out: { e: TraceEvent; kids: TraceEvent[] }[] = [];
  for (const e of inside) {
    const last = out[out.length - 1];
    if (last && e.ts < end(last.e)) {
      const kid = last.kids[last.kids.length - 1];
      if (!kid || e.ts >= end(kid)) last.kids.push(e);
      continue;
    }
    out.push({ e, kids: [] });
  }
  if (!out.length) return '(nothing named inside)';
  const label = (e: TraceEvent) => {
    const layout = e.args?.beginData?.totalObjects ? ` (${e.args.beginData.dirtyObjects ?? '?'} of ${e.args.beginData.totalObjects} objects)` : '';
    const extra = e.args?.elementCount ? ` (${e.args.elementCount} elements)` : e.args?.data?.url ? ` (${e.args.data.url.split('/').pop()})` : layout;
    return `${e.name} ${Math.round(ms(e))} ms${extra}`;
  };
  return out.map(({ e, kids }) => (kids.length ? `${label(e)} [${kids.map(label).join(', ')}]` : label(e))).join(', ');
}

export function taskStats(events: TraceEvent[], frameId: string, windowMs: number): TaskStats {
  // The page's renderer process: the one TracingStartedInBrowser names for its main frame; failing that, any
  // process whose timeline events name that frame.
  let pid: number | undefined;
  for (const e of events) {
    if (e.name !== 'TracingStartedInBrowser') continue;
    pid = e.args?.data?.frames?.find((f) => f.frame === frameId)?.processId;
    if (pid !== undefined) break;
  }
  if (pid === undefined) pid = events.find((e) => e.args?.data?.frame === frameId && e.pid)?.pid;
  const empty = { event: 'RunTask', tasks: 0, long: 0, longestMs: 0, blockingMs: 0, windowMs, longTasks: [] };
  if (pid === undefined) return { ...empty, note: `page renderer not found in the trace (${events.length} events)` };
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain');
  if (!main) return { ...empty, note: `no CrRendererMain thread for pid ${pid}` };
  const onMain = events.filter((e) => e.pid === pid && e.tid === main.tid && e.ph === 'X' && typeof e.dur === 'number');
  let name = 'RunTask';
  let tasks = onMain.filter((e) => e.name === name);
  if (!tasks.length) {
    name = 'ThreadControllerImpl::RunTask';
    tasks = onMain.filter((e) => e.name === name);
  }
  const durs = tasks.map((e) => (e.dur ?? 0) / 1000);
  const long = tasks.filter((e) => (e.dur ?? 0) / 1000 > LONG_TASK_MS).sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0));
  return {
    event: name,
    tasks: tasks.length,
    long: long.length,
    longestMs: durs.length ? Math.max(...durs) : 0,
    blockingMs: long.reduce((a, e) => a + (e.dur ?? 0) / 1000 - LONG_TASK_MS, 0),
    windowMs,
    longTasks: long.map((e) => ({ ms: (e.dur ?? 0) / 1000, what: describeTask(e, onMain) })),
    note: tasks.length ? undefined : `no RunTask events on CrRendererMain (pid ${pid})`,
  };
}
