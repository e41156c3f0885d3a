/**
 * "Open this PDF in the analysis page" in Chromium: a PDF shown in the browser's own viewer is offered by the popup,
 * and the analysis page reads it from the HTTP cache — the fixture server sees no second request — into a result with
 * the PDF's text. A PDF the cache does not hold (Cache-Control: no-store), a tab that is not a PDF and a tab that is
 * gone each get one clear line, with no request either. Nothing leaves the machine.
 * The test build has host permission for 127.0.0.1 in place of the activeTab grant a click on the toolbar button
 * gives (Playwright cannot click the toolbar).
 * Build first: `npm run build:e2e`. Screenshots: test-results/screenshots/pdf-tab-*.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paragraphsOf } from './fixtures/teacher/make-files';
import { startHarness, type Harness } from './harness';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('a PDF in the browser\'s viewer, opened in the analysis page', () => {
  let h: Harness;
  const servedCount = (path: string) => h.served().filter((u) => u.split('?')[0] === path).length;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  /** A tab showing the fixture, with the PDF viewer up; its tab id. */
  async function pdfTab(name: string): Promise<{ tab: Page; id: number }> {
    const tab = await h.context.newPage();
    const url = h.fixtureUrl(name);
    await tab.goto(url).catch(() => undefined); // the viewer's navigation may not report "load" like a page
    await tab.waitForFunction(() => document.contentType === 'application/pdf');
    return { tab, id: await h.tabIdOf(url) };
  }

  /** The analysis page, opened as the popup opens it. */
  async function analysisFor(tabId: number): Promise<Page> {
    return h.openExtensionPage(`analysis.html?pdf-tab=${tabId}`, { width: 1200, height: 900 });
  }

  it('the popup offers it; the PDF is read from the cache, with no second request', async () => {
    const path = '/teacher/files/essay-3-pages.pdf';
    const { id } = await pdfTab('teacher/files/essay-3-pages.pdf?cacheable');
    expect(servedCount(path)).toBe(1);
    const popup = await h.openExtensionPage(`popup.html?tab=${id}`, { width: 380, height: 600 });
    await popup.waitForSelector('#open-pdf');
    await expect(popup.locator('#summary').textContent()).resolves.toBe('This PDF is shown by the browser\'s own viewer: no highlights can be drawn on it.');
    expect(await popup.locator('#toggle').isDisabled()).toBe(true);
    await h.screenshot(popup, 'pdf-tab-popup');
    const [analysis] = await Promise.all([h.context.waitForEvent('page'), popup.click('#open-pdf')]);
    // (the page was opened with ?pdf-tab=<id>; it drops the id from its address as soon as it reads it, so the
    // address is not asserted here: the result below and the dropped id further down show both steps)
    await analysis.waitForSelector('#result h2:text-is("essay-3-pages.pdf")', { timeout: 60_000 });
    const text = squash((await analysis.locator('#result .text-view').textContent()) ?? '');
    for (const p of [...paragraphsOf('plain-en-1'), ...paragraphsOf('assistant-en-1')]) expect(text).toContain(squash(p));
    // The id is dropped from the address: a reload does not read the tab again.
    expect(new URL(analysis.url()).search).toBe('');
    expect(servedCount(path)).toBe(1);
    await h.screenshot(analysis, 'pdf-tab-analysis');
  });

  it('a PDF the cache does not hold: one clear line, and still no request', async () => {
    const path = '/teacher/files/two-columns.pdf';
    const { id } = await pdfTab('teacher/files/two-columns.pdf');
    const analysis = await analysisFor(id);
    await expect(analysis.locator('#problems li').textContent()).resolves.toBe(
      'The PDF of that tab is not in the browser\'s cache (its site asks browsers not to keep it), and Mirage Lens never downloads anything: save the PDF, then choose it here with “Choose files…”.',
    );
    expect(await analysis.locator('#result').count()).toBe(0);
    expect(servedCount(path)).toBe(1);
  });

  it('a tab that is not a PDF, and a tab that is gone, are said so', async () => {
    const page = await h.openFixture('article-en.html');
    const analysis = await analysisFor(await h.tabIdOf(h.fixtureUrl('article-en.html')));
    await expect(analysis.locator('#problems li').textContent()).resolves.toMatch(/^That tab no longer shows a PDF\./);
    await page.close();
    const gone = await analysisFor(999_999);
    await expect(gone.locator('#problems li').textContent()).resolves.toMatch(/^That tab could not be read/);
  });

  it('the popup on an ordinary page offers nothing of the kind', async () => {
    await h.openFixture('article-en.html');
    const popup = await h.openExtensionPage(`popup.html?tab=${await h.tabIdOf(h.fixtureUrl('article-en.html'))}`, { width: 380, height: 600 });
    await popup.waitForSelector('#toggle');
    expect(await popup.locator('#open-pdf, #pdf-note').count()).toBe(0);
  });

  it('made no network request', () => {
    expect(h.networkViolations()).toEqual([]);
  });
});
