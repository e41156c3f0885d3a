import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Browser } from 'wxt/browser';
import { warmSteps } from '@/src/engine';
import { startBackground } from '@/src/background';
import { CONNECT_PASSES, CONNECT_SLICE_MS, engineUsed, LAUNCH_PASSES, PAGE_DELAY_MS, PAGE_PASSES, resetWarm, warmEngine, warmRecord, warmStarted } from '@/src/background/warm';
import { route } from '@/src/background/router';

describe('warmEngine: once per worker lifetime, one step per task', () => {
  beforeEach(() => resetWarm());

  it('schedules one step at a time and runs them all, and never starts twice', () => {
    const queue: (() => void)[] = [];
    const schedule = (run: () => void) => void queue.push(run);
    warmEngine(schedule);
    expect(warmRecord.repeat).toBe(1); // a warm-up with a request on its way keeps its steps short
    warmEngine(schedule); // a second reason to warm up: nothing more
    expect(queue).toHaveLength(1); // nothing ran in the caller's task
    let tasks = 0;
    while (queue.length) {
      expect(queue).toHaveLength(1); // each task schedules at most the next one
      queue.shift()!();
      tasks++;
    }
    expect(tasks).toBe(warmSteps().length + 1); // every step, then the task that finds none left
    expect(warmRecord.steps).toBe(warmSteps().length);
    expect(warmRecord.doneAt).toBeGreaterThanOrEqual(warmRecord.startedAt);
    warmEngine(schedule);
    expect(queue).toHaveLength(0);
  });
});

describe('warmEngine: several passes, one step per task unless sliced, and no more passes once a real analysis began', () => {
  beforeEach(() => resetWarm());

  /** Run the queued tasks one by one; how many steps each pass ran is read from the record as they go. */
  function drain(queue: (() => void)[], each?: (task: number) => void): number {
    let tasks = 0;
    while (queue.length) {
      expect(queue).toHaveLength(1); // each task schedules at most the next one
      queue.shift()!();
      tasks++;
      each?.(tasks);
    }
    return tasks;
  }

  it.each([1, 2, 3])('runs every step %i time(s) over, one per task', (passes) => {
    const queue: (() => void)[] = [];
    warmEngine((run) => void queue.push(run), 'test', 1, passes);
    expect(warmRecord.passes).toBe(passes);
    const tasks = drain(queue);
    expect(warmRecord.steps).toBe(passes * warmSteps().length);
    expect(tasks).toBe(passes * warmSteps().length + 1);
    expect(warmRecord.passesDone).toBe(passes);
    expect(warmRecord.doneAt).toBeGreaterThanOrEqual(warmRecord.startedAt);
  });

  it('a real analysis during the first pass: that pass ends (the other language\'s tables), no other starts', () => {
    const queue: (() => void)[] = [];
    const n = warmSteps().length;
    warmEngine((run) => void queue.push(run), 'test', 1, 4);
    drain(queue, (task) => task === 3 && engineUsed());
    expect(warmRecord.steps).toBe(n);
    expect(warmRecord.passesDone).toBe(1);
    expect(Number.isFinite(warmRecord.doneAt)).toBe(true);
  });

  it('a real analysis during the second pass: the warm-up stops at once', () => {
    const queue: (() => void)[] = [];
    const n = warmSteps().length;
    warmEngine((run) => void queue.push(run), 'test', 1, 4);
    drain(queue, (task) => task === n + 2 && engineUsed());
    expect(warmRecord.steps).toBe(n + 2);
    expect(warmRecord.passesDone).toBe(1);
    expect(Number.isFinite(warmRecord.doneAt)).toBe(true);
  });

  it('with a time slice, a task runs further steps until the slice is used, and no more', () => {
    const queue: (() => void)[] = [];
    let clock = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => (clock += 5)); // every reading 5 ms later
    try {
      warmEngine((run) => void queue.push(run), 'test', 1, 2, 12);
      const tasks = drain(queue);
      const steps = 2 * warmSteps().length;
      expect(warmRecord.steps).toBe(steps);
      // a step reads the clock at least twice (10 ms), so a task runs two steps at most; the engine's own readings
      // make some steps longer, and their task ends after them
      expect(tasks).toBeGreaterThanOrEqual(Math.ceil(steps / 2));
      expect(tasks).toBeLessThan(steps);
    } finally {
      now.mockRestore();
    }
  });

  it('an unbounded slice runs every pass in one task; a zero slice one step per task', () => {
    const queue: (() => void)[] = [];
    warmEngine((run) => void queue.push(run), 'test', 1, 2, Infinity);
    expect(drain(queue)).toBe(1);
    expect(warmRecord.steps).toBe(2 * warmSteps().length);
    expect(Number.isFinite(warmRecord.doneAt)).toBe(true);
  });

  it('after a real analysis, a warm-up asked for later costs nothing', () => {
    const queue: (() => void)[] = [];
    engineUsed();
    warmEngine((run) => void queue.push(run), 'connect', 1, CONNECT_PASSES);
    expect(queue).toHaveLength(0);
    expect(warmRecord.reason).toBe('');
  });
});

// The background as entrypoints/background.ts starts it, on WXT's fake browser: which browser events start the
// warm-up. Timers are faked, so the steps are queued, not run, unless a test runs them.
describe('the background warms the engine when an analysis may follow, at most once per worker', () => {
  const tab = { id: 5, index: 0, highlighted: false, active: true, pinned: false, incognito: false, windowId: 1, url: 'http://127.0.0.1/a.html' } as Browser.tabs.Tab;

  beforeEach(() => {
    fakeBrowser.reset();
    resetWarm();
    // what the fake browser does not implement: the menus (created on the same two events), commands, permissions, ports
    vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation(() => undefined);
    vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockResolvedValue(undefined);
    vi.spyOn(fakeBrowser.contextMenus, 'create').mockReturnValue(0);
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => undefined);
    vi.spyOn(fakeBrowser.permissions.onRemoved, 'addListener').mockImplementation(() => undefined);
    vi.spyOn(fakeBrowser.runtime.onConnect, 'addListener').mockImplementation(() => undefined);
    vi.useFakeTimers();
    startBackground();
  });
  afterEach(() => {
    vi.clearAllTimers();
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('does not warm at the worker start itself, nor when a tab starts loading or is activated', async () => {
    expect(warmStarted()).toBe(false);
    await fakeBrowser.tabs.onUpdated.trigger(tab.id!, { status: 'loading' }, tab);
    await fakeBrowser.tabs.onActivated.trigger({ tabId: tab.id!, windowId: 1 });
    expect(warmStarted()).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('warms once a web page has finished loading, after a delay, in several sliced passes, once per worker', async () => {
    await fakeBrowser.tabs.onUpdated.trigger(tab.id!, { status: 'complete' }, tab);
    expect(warmStarted()).toBe(false); // not in the event's own task: the page's last work goes first
    await vi.advanceTimersByTimeAsync(PAGE_DELAY_MS - 1);
    expect(warmStarted()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(warmStarted()).toBe(true);
    expect(warmRecord.reason).toBe('page');
    expect(warmRecord.passes).toBe(PAGE_PASSES);
    expect(PAGE_PASSES).toBeGreaterThan(1); // one pass leaves the code less optimised than a page's analysis does
    expect(warmRecord.repeat).toBe(1);
    await vi.runAllTimersAsync();
    expect(warmRecord.passesDone).toBe(PAGE_PASSES);
    expect(warmRecord.steps).toBe(PAGE_PASSES * warmSteps().length);
    const steps = warmRecord.steps;
    await fakeBrowser.tabs.onUpdated.trigger(tab.id!, { status: 'complete' }, { ...tab, url: 'https://example.org/b' });
    await vi.runAllTimersAsync();
    expect(warmRecord.steps).toBe(steps); // a second page in the same worker: nothing more
  });

  it('does not warm for a page it cannot analyse (browser and extension pages)', async () => {
    for (const url of ['chrome://newtab/', 'about:blank', fakeBrowser.runtime.getURL('/options.html'), undefined]) {
      await fakeBrowser.tabs.onUpdated.trigger(tab.id!, { status: 'complete' }, { ...tab, url });
    }
    await vi.advanceTimersByTimeAsync(PAGE_DELAY_MS * 2);
    expect(warmStarted()).toBe(false);
  });

  it('a switch-on during the delay: the page warm-up then does not run (the analysis warms the engine)', async () => {
    await fakeBrowser.tabs.onUpdated.trigger(tab.id!, { status: 'complete' }, tab);
    engineUsed(); // what a switch-on does (pipeline.ts)
    await vi.advanceTimersByTimeAsync(PAGE_DELAY_MS * 2);
    expect(warmRecord.reason).toBe('');
    expect(warmRecord.steps).toBe(0);
  });

  it('starts the warm-up when the browser starts, and runs every step', async () => {
    await fakeBrowser.runtime.onStartup.trigger();
    expect(warmStarted()).toBe(true);
    expect(warmRecord.reason).toBe('startup');
    // short steps in short tasks, several passes: a reader's click in the browser's first second does not wait long
    expect([warmRecord.repeat, warmRecord.passes]).toEqual([1, LAUNCH_PASSES]);
    expect(LAUNCH_PASSES).toBeGreaterThan(1);
    expect(warmRecord.steps).toBe(0); // nothing ran in the event's own task
    await vi.runAllTimersAsync();
    expect(warmRecord.steps).toBe(LAUNCH_PASSES * warmSteps().length);
  });

  it('starts the warm-up when the extension is installed or updated, once', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false } as never);
    expect(warmStarted()).toBe(true);
    expect(warmRecord.reason).toBe('installed');
    expect([warmRecord.repeat, warmRecord.passes]).toEqual([1, LAUNCH_PASSES]);
    const queued = vi.getTimerCount();
    await fakeBrowser.runtime.onStartup.trigger(); // a second reason in the same worker: nothing more
    expect(vi.getTimerCount()).toBe(queued);
  });

  it('an extension page that opens (get-state) starts the warm-up with several passes', async () => {
    const base = fakeBrowser.runtime.getURL('/');
    const popup = { id: fakeBrowser.runtime.id, url: `${base}popup.html`, origin: base.slice(0, -1) };
    await route({ type: 'mirage:get-state', tabId: tab.id! }, popup);
    expect(warmRecord.reason).toBe('connect');
    expect(warmRecord.passes).toBe(CONNECT_PASSES);
    expect(warmRecord.repeat).toBe(1); // short steps: a click may already be on its way
    expect(CONNECT_SLICE_MS).toBeLessThan(50); // no task of the warm-up is meant to be a long task
    expect(warmRecord.steps).toBe(0); // nothing ran in the message's own task
    await vi.runAllTimersAsync();
    expect(warmRecord.steps).toBe(CONNECT_PASSES * warmSteps().length);
    const before = warmRecord.steps;
    await route({ type: 'mirage:get-state', tabId: tab.id! }, popup); // opened again in the same worker: nothing more
    await vi.runAllTimersAsync();
    expect(warmRecord.steps).toBe(before);
  });
});
