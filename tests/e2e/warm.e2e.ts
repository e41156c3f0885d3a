/**
 * The engine's warm-up in the real service worker (Chromium test build), at most once per worker. A new profile
 * installs the extension, so its first worker warms up (runtime.onInstalled) without any request; a worker stopped as
 * Chrome stops an idle one and woken by a tab's navigation (tabs.onUpdated) warms up once the page has loaded
 * (warmOnPageLoaded); one woken by the popup (its get-state) warms up in several passes (warmOnConnect).
 * Reads the test build's `__mirageWarm` (src/background/warm.ts). How much it costs and what it buys:
 * `npm run bench:page -- --only-fresh --fresh-at ready,launch+2000,heap+3000`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Worker } from 'playwright-core';
import { startHarness, type Harness } from './harness';
import { stopWorker } from './sw';
import { sleep } from './trace';

interface WarmRecord {
  reason: string;
  passes: number;
  passesDone: number;
  longestMs: number;
  startedAt: number;
  doneAt: number;
  busyMs: number;
  steps: number;
}

const warmOf = (w: Worker) => w.evaluate(() => ({ ...(globalThis as unknown as { __mirageWarm: WarmRecord }).__mirageWarm }));

/** The worker's warm-up record once the warm-up has ended (or after 10 s: the test then fails on what it reads). */
async function warmDone(w: Worker): Promise<WarmRecord> {
  let r = await warmOf(w);
  for (let i = 0; i < 100 && !Number.isFinite(r.doneAt); i++) {
    await sleep(100);
    r = await warmOf(w);
  }
  return r;
}

describe('the warm-up runs when an analysis may follow, once per worker', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a new install warms the engine with no request, in several passes, and finishes', async () => {
    const w = await warmDone(h.worker);
    expect(w.reason).toBe('installed');
    expect(w.steps).toBeGreaterThan(10);
    expect(w.passes).toBeGreaterThan(1); // in passes of short tasks, as the popup's
    expect(w.passesDone).toBe(w.passes);
    expect(w.doneAt).toBeGreaterThan(w.startedAt);
  });

  it('a worker woken by a tab navigation warms up once the page has loaded, in passes of short tasks', async () => {
    const started = await stopWorker(h);
    const page = await h.openFixture('hard/article-2000.html'); // tabs.onUpdated wakes the stopped worker
    try {
      const w = await started();
      const r = await warmDone(w);
      expect(r.reason).toBe('page');
      expect(r.passes).toBeGreaterThan(1);
      expect(r.passesDone).toBe(r.passes);
      expect(r.longestMs).toBeLessThan(50 + 30); // tasks of at most 8 ms plus one step; margin for this shared machine
    } finally {
      await page.close();
    }
  });

  it('a worker woken by the popup warms up in several passes, in tasks shorter than a long task', async () => {
    const page = await h.openFixture('hard/article-2000.html');
    try {
      await page.bringToFront();
      const ctl = await h.controller();
      // The tab's 'complete' event must reach the worker before it is stopped: left pending, it would wake the new
      // worker and start the page-load warm-up before the popup's.
      await ctl.waitForFunction(async (url) => {
        const { chrome } = globalThis as unknown as { chrome: { tabs: { query(q: { url: string }): Promise<{ status?: string }[]> } } };
        return (await chrome.tabs.query({ url }))[0]?.status === 'complete';
      }, page.url());
      await sleep(500);
      const started = await stopWorker(h);
      await ctl.evaluate(() => (globalThis as unknown as { chrome: { action: { openPopup(): Promise<void> } } }).chrome.action.openPopup());
      const w = await started();
      const r = await warmDone(w);
      expect(r.reason).toBe('connect');
      expect(r.passes).toBeGreaterThan(1);
      expect(r.passesDone).toBe(r.passes);
      expect(r.longestMs).toBeLessThan(50 + 30); // its tasks stop after 8 ms, plus one step (the first pass's are the longest); margin for this shared machine
    } finally {
      await page.close();
    }
  });
});
