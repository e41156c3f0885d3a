/**
 * A page that never stops changing, in Chromium (issue 11, item 4): the 100,000-word page with an "updated N s ago"
 * line rewritten every 100 ms (tests/e2e/fixtures/hard/ticker.html). While analysis is on, the ticker costs no
 * scoring: the background's engine runs (`__mirageStats`, test build) do not move while it ticks, the highlights stay
 * and the view is not rewritten; a real change — a paragraph's worth of new text — is still scored, and a short
 * removed paragraph still leaves the side panel at once, without scoring again. Figures for the cost are measured by `npm run bench:ticker`.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { sleep } from './trace';

type Stats = { runs: number; chars: number };
type View = { phase: string; passages?: { text: string }[]; passagesTotal?: number };

const highlightCount = (page: Page) =>
  page.evaluate(() => {
    const reg = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    return ['mirage-1', 'mirage-2', 'mirage-3'].reduce((n, k) => n + (reg.get(k)?.size ?? 0), 0);
  });

describe('a page that never stops changing (Chromium)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const stats = () => h.worker.evaluate(() => ({ ...(globalThis as unknown as { __mirageStats: Stats }).__mirageStats }));

  it('the ticker costs no re-score; a paragraph\'s worth of change is scored; a short removed paragraph leaves at once', async () => {
    const page = await h.openFixture('hard/ticker.html');
    await page.waitForFunction(() => document.documentElement.dataset.ready === '1', undefined, { timeout: 30_000 });
    const tabId = await h.tabIdOf(page.url());
    expect(await h.send({ type: 'mirage:set-highlights', tabId, enabled: true })).toMatchObject({ ok: true });
    const views: number[] = [];
    const ctl = await h.controller();
    await ctl.exposeFunction('__onState', (id: number) => views.push(id));
    await ctl.evaluate(() => {
      const c = (globalThis as unknown as { chrome: { runtime: { onMessage: { addListener(fn: (m: { type?: string; tabId?: number }) => void): void } } } }).chrome;
      c.runtime.onMessage.addListener((m) => {
        if (m?.type === 'mirage:state-changed') void (window as unknown as { __onState(id: number): Promise<void> }).__onState(m.tabId!);
      });
    });
    await page.bringToFront(); // the reader looks at it (a background tab gets next to no frames: lazy painting waits)
    await sleep(1_000);
    const marks = await highlightCount(page);
    expect(marks).toBeGreaterThan(0);
    const s0 = await stats();
    const ticks0 = await page.evaluate(() => (window as unknown as { __ticker: { ticks(): number } }).__ticker.ticks());
    views.length = 0;
    await sleep(7_000); // three flushes of the change watcher (at most 2 s apart), 70 ticks
    const s1 = await stats();
    expect(await page.evaluate(() => (window as unknown as { __ticker: { ticks(): number } }).__ticker.ticks()) - ticks0).toBeGreaterThan(40);
    expect(s1.runs - s0.runs).toBe(0);
    expect(views.filter((id) => id === tabId)).toEqual([]); // the view was not rewritten (no storage write, no broadcast)
    expect(await highlightCount(page)).toBe(marks);
    const on = await h.send<View>({ type: 'mirage:get-state', tabId });
    expect(on.phase).toBe('on');

    // a paragraph's worth of new text (over 100 words) is scored with its group, once, and highlighted
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'late-news';
      p.textContent = 'It is important to note that the neighbourhood council has announced a series of new initiatives. '.repeat(8);
      document.querySelector('article h1')!.after(p);
    });
    await expect.poll(async () => (await stats()).runs - s1.runs, { timeout: 10_000 }).toBe(1);
    const inLateNews = () =>
      page.evaluate(() => {
        const reg = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
        const p = document.getElementById('late-news');
        return ['mirage-1', 'mirage-2', 'mirage-3'].reduce((n, k) => n + [...(reg.get(k) ?? [])].filter((r) => p?.contains(r.startContainer)).length, 0);
      });
    await expect.poll(inLateNews, { timeout: 5_000 }).toBeGreaterThan(0);
    const total = (v: View) => v.passagesTotal ?? v.passages?.length ?? 0;
    await sleep(300); // the view follows the paint
    const withNews = total(await h.send<View>({ type: 'mirage:get-state', tabId }));

    // removing it again is a paragraph's worth of change too: scored again, its passages gone
    const s2 = await stats();
    await page.evaluate(() => document.getElementById('late-news')!.remove());
    await expect.poll(async () => (await stats()).runs - s2.runs, { timeout: 10_000 }).toBe(1);
    await expect.poll(async () => total(await h.send<View>({ type: 'mirage:get-state', tabId })), { timeout: 5_000 }).not.toBe(withNews);

    // a short highlighted paragraph (under 100 words) that leaves takes its highlighted sentences out of the side
    // panel's count at once, without scoring again
    await sleep(300);
    const before = total(await h.send<View>({ type: 'mirage:get-state', tabId }));
    const s3 = await stats();
    const gone = await page.evaluate(() => {
      const reg = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      const ranges = ['mirage-1', 'mirage-2', 'mirage-3'].flatMap((k) => [...(reg.get(k) ?? [])]);
      const p = [...document.querySelectorAll('article p')].find((el) => (el.textContent ?? '').split(/\s+/).length < 60 && ranges.some((r) => el.contains(r.startContainer)));
      if (!p) return 0;
      const n = ranges.filter((r) => p.contains(r.startContainer)).length;
      p.remove();
      return n;
    });
    expect(gone).toBeGreaterThan(0);
    await expect.poll(async () => total(await h.send<View>({ type: 'mirage:get-state', tabId })), { timeout: 5_000 }).toBe(before - gone);
    expect((await stats()).runs).toBe(s3.runs);

    await h.send({ type: 'mirage:set-highlights', tabId, enabled: false });
    expect(await highlightCount(page)).toBe(0);
    await page.close();
  });

  it('made no network request beyond the local fixture server', () => {
    expect(h.networkViolations()).toEqual([]);
  });
});
