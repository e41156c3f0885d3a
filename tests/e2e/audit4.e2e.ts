/**
 * The fourth fresh-eyes audit (H30), in Chromium: state and timing, as a careless or hostile reader meets them.
 * Switched on and off within milliseconds (the message, the popup's switch) on a 2,000-word article and a
 * 100,000-word page; the same URL in two tabs; the service worker stopped in the middle of an analysis, and a page
 * that changes after a restart; a tab closed, reloaded or navigated while it is analysed; the sensitivity changed
 * while a page is analysed; the side panel's title after a navigation; a plain-text file in a tab; a saved report of
 * an older shape. Every console error and warning of the pages and the worker, and the worker's uncaught errors
 * (watched over CDP: Playwright does not report them), are collected and must stay empty.
 * Build first: `npm run build:e2e`. Screenshots: test-results/screenshots/audit4-*.png.
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { restartWorker, stopWorker } from './sw';

declare const chrome: {
  runtime: { sendMessage(m: unknown): Promise<unknown> };
  storage: {
    session: { get(key: string | null): Promise<Record<string, unknown>> };
    local: { get(key: string | null): Promise<Record<string, unknown>>; set(items: object): Promise<void> };
  };
  tabs: { sendMessage(tabId: number, m: unknown, o: { frameId: number }): Promise<unknown>; query(q: object): Promise<{ id?: number; url?: string }[]> };
};

interface View { phase: string; code?: string; error?: string }
type Result = { ok: true; flagged: number } | { ok: false; code: string; error: string };

const highlightSizes = (page: Page) =>
  page.evaluate(() => {
    const reg = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    return ['mirage-1', 'mirage-2', 'mirage-3', 'mirage-focus'].map((n) => reg.get(n)?.size ?? 0);
  });
const flaggedOn = async (page: Page) => (await highlightSizes(page)).slice(0, 3).reduce((a, b) => a + b, 0);
/** The page as switching off must give it back. */
const pageTrace = (page: Page) =>
  page.evaluate(() => ({
    html: document.documentElement.outerHTML.replace(/<mirage-lens-root><\/mirage-lens-root>/, ''),
    sheets: document.adoptedStyleSheets.length,
    legend: document.querySelectorAll('mirage-lens-root').length,
  }));

describe('audit 4: state, races and restarts', () => {
  let h: Harness;
  /** Console errors and warnings of the service worker and every page, and uncaught errors. */
  const logged: string[] = [];
  let cdp: CDPSession;
  const watched = new Set<string>();
  /** Watch every service worker not watched yet for uncaught errors and unhandled rejections (CDP Runtime, Log),
   * which Playwright does not report for a worker; called again after each restart (a new worker is a new target). */
  const watchWorkers = async () => {
    const { targetInfos } = (await cdp.send('Target.getTargets' as never)) as { targetInfos: { targetId: string; type: string }[] };
    for (const t of targetInfos.filter((x) => x.type === 'service_worker' && !watched.has(x.targetId))) {
      watched.add(t.targetId);
      const { sessionId } = (await cdp.send('Target.attachToTarget' as never, { targetId: t.targetId, flatten: false } as never)) as { sessionId: string };
      for (const [id, method] of [[1, 'Runtime.enable'], [2, 'Log.enable']] as const) {
        await cdp.send('Target.sendMessageToTarget' as never, { sessionId, message: JSON.stringify({ id, method }) } as never);
      }
    }
  };
  beforeAll(async () => {
    h = await startHarness();
    cdp = await h.context.newCDPSession(await h.controller());
    cdp.on('Target.receivedMessageFromTarget' as never, ((e: { message: string }) => {
      const m = JSON.parse(e.message) as { method?: string; params?: { exceptionDetails?: { text: string; exception?: { description?: string } }; entry?: { level: string; text: string } } };
      if (m.method === 'Runtime.exceptionThrown') logged.push(`worker uncaught: ${m.params!.exceptionDetails!.exception?.description ?? m.params!.exceptionDetails!.text}`);
      if (m.method === 'Log.entryAdded' && /error|warning/.test(m.params!.entry!.level)) logged.push(`worker log: ${m.params!.entry!.text}`);
    }) as never);
    await watchWorkers();
    h.context.on('console', (m) => {
      if (m.type() !== 'error' && m.type() !== 'warning') return;
      const where = m.location()?.url ?? '';
      if (/\/favicon\.ico$/.test(where)) return; // the fixture server has none
      logged.push(`${m.type()} ${where}: ${m.text()}`);
    });
    h.context.on('weberror', (e) => logged.push(`uncaught: ${String(e.error())}`));
  });
  afterAll(async () => {
    await h?.close();
  });

  const state = (tabId: number) => h.send<View>({ type: 'mirage:get-state', tabId });
  const debug = async (tabId: number) => (await h.controller()).evaluate((id) => chrome.tabs.sendMessage(id, { type: 'mirage:debug' }, { frameId: 0 }).catch(() => undefined), tabId) as Promise<{ sessions: number } | undefined>;
  /** Send every request of `pattern` from an extension page, `gapMs` apart, without waiting for their answers. */
  const burst = async (tabId: number, pattern: boolean[], gapMs: number) =>
    (await h.controller()).evaluate(async ({ tabId, pattern, gapMs }) => {
      const sent: Promise<unknown>[] = [];
      for (const enabled of pattern) {
        sent.push(chrome.runtime.sendMessage({ type: 'mirage:set-highlights', tabId, enabled }));
        if (gapMs) await new Promise((ok) => setTimeout(ok, gapMs));
      }
      return Promise.all(sent);
    }, { tabId, pattern, gapMs }) as Promise<Result[]>;

  it.each([
    ['hard/article-2000.html', 0],
    ['hard/article-2000.html', 5],
    ['hard/huge.html', 0],
    ['hard/huge.html', 100],
  ] as const)('%s switched on and off within milliseconds (%i ms apart): the page and the view end as the last request says', async (name, gapMs) => {
    const page = await h.openFixture(`${name}?rapid${gapMs}`);
    const before = await pageTrace(page);
    const tabId = await h.tabIdOf(page.url());
    for (const pattern of [[true, false], [true, false, true], [true, true, false], [true, false, true, false, true, false]]) {
      const results = await burst(tabId, pattern, gapMs);
      const last = pattern.at(-1)!;
      const what = `${pattern.map(Number).join('')}: ${JSON.stringify(results.map((r) => (r.ok ? 'ok' : r.code)))}`;
      expect(results.at(-1)!.ok, what).toBe(true);
      for (const r of results) if (!r.ok) expect(r.code, what).toBe('page-changed'); // overtaken, never an error
      expect((await state(tabId)).phase, what).toBe(last ? 'on' : 'off');
      expect((await debug(tabId))?.sessions ?? 0, what).toBe(last ? 1 : 0);
      if (last) {
        expect(await flaggedOn(page), what).toBeGreaterThan(0);
        expect((await h.send<Result>({ type: 'mirage:set-highlights', tabId, enabled: false })).ok).toBe(true);
      }
      expect(await highlightSizes(page), what).toEqual([0, 0, 0, 0]);
      expect(await pageTrace(page), what).toEqual(before);
    }
    await page.close();
  });

  it('the same URL in two tabs and a third page, switched on at once: each tab its own highlights; off in one leaves the others', async () => {
    const url = 'hard/article-2000.html?twins';
    const [a, b, c] = [await h.openFixture(url), await h.openFixture(url), await h.openFixture('article-en.html?twins')];
    const ctl = await h.controller();
    const ids = await ctl.evaluate(async (u) => (await chrome.tabs.query({})).filter((t) => t.url === u[0] || t.url === u[1]).map((t) => t.id!), [a.url(), c.url()]);
    expect(ids).toHaveLength(3);
    const results = (await ctl.evaluate((ids) => Promise.all(ids.map((tabId) => chrome.runtime.sendMessage({ type: 'mirage:set-highlights', tabId, enabled: true }))), ids)) as Result[];
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    const [sa, sb] = [await highlightSizes(a), await highlightSizes(b)];
    expect(sa).toEqual(sb);
    expect(await flaggedOn(c)).toBeGreaterThan(0);
    expect((await h.send<Result>({ type: 'mirage:set-highlights', tabId: ids[1]!, enabled: false })).ok).toBe(true);
    expect(await highlightSizes(b)).toEqual([0, 0, 0, 0]);
    expect(await highlightSizes(a)).toEqual(sa);
    expect((await state(ids[0]!)).phase).toBe('on');
    expect((await state(ids[1]!)).phase).toBe('off');
    for (const id of [ids[0]!, ids[2]!]) await h.send({ type: 'mirage:set-highlights', tabId: id, enabled: false });
    for (const p of [a, b, c]) await p.close();
  });

  it('the popup\'s switch clicked on-off-on as fast as a hand can: it ends on, and says so', async () => {
    const page = await h.openFixture('hard/article-2000.html?popup-clicks');
    const tabId = await h.tabIdOf(page.url());
    const popup = await h.openExtensionPage(`popup.html?tab=${tabId}`, { width: 360, height: 600 });
    const toggle = popup.locator('#toggle');
    await toggle.waitFor();
    // the switch is disabled while 'working': a hand's second click lands on a disabled switch and does nothing
    await toggle.click();
    await toggle.click({ force: true }).catch(() => undefined);
    await toggle.click({ force: true }).catch(() => undefined);
    await expect.poll(() => state(tabId).then((v) => v.phase), { timeout: 10_000 }).not.toBe('working');
    const phase = (await state(tabId)).phase;
    await expect.poll(() => toggle.isChecked()).toBe(phase === 'on');
    expect(await toggle.isDisabled()).toBe(false);
    expect((await flaggedOn(page)) > 0).toBe(phase === 'on');
    await h.send({ type: 'mirage:set-highlights', tabId, enabled: false });
    await popup.close();
    await page.close();
  });

  it.each([50, 400])('the service worker stopped %i ms into an analysis of the 100,000-word page: no stale "Analysing…", no stray highlights, the next click works', async (delay) => {
    const page = await h.openFixture(`hard/huge.html?sw-stop-${delay}`);
    const before = await pageTrace(page);
    const tabId = await h.tabIdOf(page.url());
    const panel = await h.openExtensionPage(`sidepanel.html?tab=${tabId}`, { width: 400, height: 800 });
    const popup = await h.openExtensionPage(`popup.html?tab=${tabId}`, { width: 360, height: 600 });
    await popup.locator('#toggle').click(); // the popup's switch, as a reader does
    await page.waitForTimeout(delay);
    const started = await stopWorker(h);
    await started(); // the popup's answer fails, and the popup asks the new worker
    await watchWorkers();
    // the popup and the side panel open meanwhile stop saying "Analysing the page…", and the switch works again
    await expect.poll(() => popup.locator('#toggle').isDisabled(), { timeout: 10_000 }).toBe(false);
    expect(await popup.locator('#toggle').isChecked()).toBe(false);
    await expect.poll(() => panel.locator('#page').innerText(), { timeout: 10_000 }).toContain('Analysis is off for this tab');
    expect((await state(tabId)).phase).toBe('off');
    // what the interrupted analysis had painted (the first blocks, with no legend to explain them) is gone
    await expect.poll(() => highlightSizes(page)).toEqual([0, 0, 0, 0]);
    expect(await pageTrace(page)).toEqual(before);
    await h.screenshot(panel, `audit4-sw-stopped-${delay}-panel`);
    // the next click works
    await popup.locator('#toggle').click();
    await expect.poll(() => state(tabId).then((v) => v.phase), { timeout: 15_000 }).toBe('on');
    await expect.poll(() => panel.locator('ol.passages > li').count(), { timeout: 5000 }).toBeGreaterThan(0);
    expect(await flaggedOn(page)).toBeGreaterThan(0);
    await popup.locator('#toggle').click();
    await expect.poll(() => highlightSizes(page)).toEqual([0, 0, 0, 0]);
    await panel.close();
    await popup.close();
    await page.close();
  });

  it.each(['close', 'reload', 'goto'] as const)('the tab\'s page %s while the 100,000-word page is analysed: nothing is kept about the old page', async (act) => {
    const page = await h.openFixture(`hard/huge.html?mid-${act}`);
    const tabId = await h.tabIdOf(page.url());
    const answer = burst(tabId, [true], 0);
    await page.waitForTimeout(300);
    if (act === 'close') await page.close();
    if (act === 'reload') await page.reload();
    if (act === 'goto') await page.goto(h.fixtureUrl('hard/article-2000.html?after-goto'));
    const [r] = await answer;
    expect(r).toMatchObject({ ok: false, code: 'page-changed' });
    await new Promise((ok) => setTimeout(ok, 500)); // the stored copy is written after the answer
    expect((await state(tabId)).phase).toBe('off');
    const ctl = await h.controller();
    expect(await ctl.evaluate((k) => chrome.storage.session.get(k), `tab:${tabId}`)).toEqual({});
    if (!page.isClosed()) {
      expect(await highlightSizes(page)).toEqual([0, 0, 0, 0]);
      await page.close();
    }
  });

  it('the side panel names the page its tab shows now: after a navigation, and after the page retitles itself', async () => {
    const page = await h.openFixture('article-en.html?panel-title');
    const tabId = await h.tabIdOf(page.url());
    expect((await h.send<Result>({ type: 'mirage:set-highlights', tabId, enabled: true })).ok).toBe(true);
    const panel = await h.openExtensionPage(`sidepanel.html?tab=${tabId}`, { width: 400, height: 800 });
    const title = () => panel.locator('.page-title').textContent();
    await expect.poll(title).toBe('Remote work and the modern team');
    await page.goto(h.fixtureUrl('article-fr.html?panel-title'));
    await expect.poll(() => panel.locator('#page').innerText()).toContain('Analysis is off for this tab');
    await expect.poll(title).toBe(await page.title()); // it kept the English article's title over the French one's page
    await page.evaluate(() => {
      document.title = 'A page that retitles itself';
    });
    await expect.poll(title).toBe('A page that retitles itself');
    await panel.close();
    await page.close();
  });

  it('a plain-text file opened in a tab is read (the browser shows it in one <pre>, which pages use for code), and given back', async () => {
    const page = await h.openFixture('hard/markup-text.txt?plain');
    expect(await page.evaluate(() => document.contentType)).toBe('text/plain');
    const before = await pageTrace(page);
    const tabId = await h.tabIdOf(page.url());
    const on = await h.send<Result & { sentences?: number }>({ type: 'mirage:set-highlights', tabId, enabled: true });
    expect(on.ok, JSON.stringify(on)).toBe(true); // it said "No readable text was found on this page."
    expect(on.sentences).toBeGreaterThan(15);
    expect(await flaggedOn(page)).toBeGreaterThan(0);
    await h.screenshot(page, 'audit4-plain-text');
    expect((await h.send<Result>({ type: 'mirage:set-highlights', tabId, enabled: false })).ok).toBe(true);
    expect(await highlightSizes(page)).toEqual([0, 0, 0, 0]);
    expect(await pageTrace(page)).toEqual(before);
    await page.close();
  });

  it('a page that changes after the service worker restarted is still followed: new stories are scored, removed ones leave the side panel', async () => {
    const page = await h.openFixture('hard/changing.html?after-restart');
    const tabId = await h.tabIdOf(page.url());
    expect((await h.send<Result>({ type: 'mirage:set-highlights', tabId, enabled: true })).ok).toBe(true);
    const passages = async () => (await h.send<View & { passages?: { text: string }[]; sentences?: number }>({ type: 'mirage:get-state', tabId }));
    const before = await passages();
    await restartWorker(h);
    await watchWorkers();
    await page.evaluate(() => (window as unknown as { __fixture: { append(n: number): Promise<number> } }).__fixture.append(6));
    // the new worker knew nothing to follow the change with: the view stayed as before, the new stories unscored
    await expect.poll(async () => (await passages()).sentences ?? 0, { timeout: 10_000 }).toBeGreaterThan(before.sentences ?? 0);
    expect((await passages()).phase).toBe('on');
    await page.evaluate(() => (window as unknown as { __fixture: { removeFirst(): void } }).__fixture.removeFirst());
    await page.waitForTimeout(1500);
    const shown = (await passages()).passages ?? [];
    const onPage = await page.evaluate(() => document.body.textContent ?? '');
    const squash = (x: string) => x.replace(/\s+/g, ' ').trim();
    for (const p of shown) expect(squash(onPage)).toContain(squash(p.text).replace(/…$/, '').slice(0, 40)); // no passage of a removed story
    expect((await h.send<Result>({ type: 'mirage:set-highlights', tabId, enabled: false })).ok).toBe(true);
    await page.close();
  });

  it('the sensitivity changed in the settings while the 100,000-word page is analysed: the page ends at the new levels, as the popup says', async () => {
    const page = await h.openFixture('hard/huge.html?sensitivity-mid');
    const tabId = await h.tabIdOf(page.url());
    const options = await h.openExtensionPage('options.html');
    const answer = burst(tabId, [true], 0);
    await page.waitForTimeout(300);
    await options.locator('input[value=high]').check();
    const [r] = await answer;
    expect(r!.ok).toBe(true);
    await expect.poll(() => h.send<View & { sensitivity: string }>({ type: 'mirage:get-state', tabId }).then((v) => v.sensitivity)).toBe('high');
    const sizesThen = await highlightSizes(page);
    expect(sizesThen[2]).toBeGreaterThan(0); // "very predictable" appears at high on this page; at medium it has none
    const popup = await h.openExtensionPage(`popup.html?tab=${tabId}`, { width: 360, height: 600 });
    await expect(popup.locator('#sensitivity').inputValue()).resolves.toBe('high');
    // the same page switched on afresh at "high" paints the same
    await h.send({ type: 'mirage:set-highlights', tabId, enabled: false });
    expect((await h.send<Result>({ type: 'mirage:set-highlights', tabId, enabled: true })).ok).toBe(true);
    expect(await highlightSizes(page)).toEqual(sizesThen);
    await options.locator('input[value=medium]').check();
    await h.send({ type: 'mirage:set-highlights', tabId, enabled: false });
    await popup.close();
    await options.close();
    await page.close();
  });

  it('the sensitivity changed after the service worker restarted: a tab that is on follows it, as the popup says', async () => {
    const page = await h.openFixture('hard/article-2000.html?sensitivity-after-restart');
    const tabId = await h.tabIdOf(page.url());
    expect((await h.send<Result>({ type: 'mirage:set-highlights', tabId, enabled: true })).ok).toBe(true);
    const atMedium = await highlightSizes(page);
    await restartWorker(h);
    await watchWorkers();
    const options = await h.openExtensionPage('options.html');
    await options.locator('input[value=high]').check();
    // the page stayed at medium and the view said 'medium': the new worker had no tab in memory to re-level
    await expect.poll(() => h.send<View & { sensitivity: string }>({ type: 'mirage:get-state', tabId }).then((v) => `${v.phase} ${v.sensitivity}`), { timeout: 10_000 }).toBe('on high');
    const atHigh = await highlightSizes(page);
    expect(atHigh).not.toEqual(atMedium);
    await h.send({ type: 'mirage:set-highlights', tabId, enabled: false });
    expect((await h.send<Result>({ type: 'mirage:set-highlights', tabId, enabled: true })).ok).toBe(true);
    expect(await highlightSizes(page)).toEqual(atHigh); // as a fresh switch-on at "high" paints it
    await options.locator('input[value=medium]').check();
    await h.send({ type: 'mirage:set-highlights', tabId, enabled: false });
    await options.close();
    await page.close();
  });

  it('a saved report of an older or damaged shape in storage.local: the saved reports still open, say so, and "delete all" removes it', async () => {
    const page = await h.openExtensionPage('analysis.html', { width: 1200, height: 900 });
    await page.evaluate(() => chrome.storage.local.set({ 'teacher:saved:old': { id: 'old', savedAt: '2026-01-01T00:00:00Z', report: { title: 'An older report', score: 0.5 } } }));
    await page.click('#nav-saved'); // it threw (reading a fingerprint the old entry has not) and the view never opened
    await expect(page.locator('#saved-unreadable').textContent()).resolves.toBe(
      'One saved report cannot be read by this version of Mirage Lens (an older or damaged entry); “Delete all saved reports” removes it.',
    );
    expect(await page.locator('#saved .empty').count()).toBe(1);
    await page.selectOption('#page-lang', 'fr');
    await page.click('#nav-saved');
    await expect(page.locator('#saved-unreadable').textContent()).resolves.toContain('Un rapport enregistré ne peut pas être lu');
    await h.screenshot(page, 'audit4-saved-unreadable');
    await page.click('#delete-all');
    await expect(page.locator('#delete-all').textContent()).resolves.toBe('Cliquez encore pour supprimer 1 rapport');
    await page.click('#delete-all');
    await page.waitForSelector('#saved .empty');
    expect(await page.locator('#saved-unreadable').count()).toBe(0);
    expect(Object.keys(await page.evaluate(() => chrome.storage.local.get(null)))).toEqual([]);
    await page.close();
  });

  it('nothing of this wrote an error or a warning to the worker\'s or the pages\' console, or left an uncaught error', async () => {
    await h.context.serviceWorkers().at(-1)!.evaluate(() => setTimeout(() => void Promise.reject(new Error('audit4 probe')), 0)); // the worker running now is watched
    await expect.poll(() => logged.filter((x) => x.includes('audit4 probe')).length).toBe(1);
    expect(logged.filter((x) => !x.includes('audit4 probe'))).toEqual([]);
  });
});
