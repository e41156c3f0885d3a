/**
 * The second fresh-eyes audit (H23), in Chromium: a printed page (the legend follows the text instead of sitting on
 * it), and pages that move under the highlights (a route change by history.pushState, a #fragment, a re-rendered
 * paragraph, an article the reader types into, <details>, text in <svg>, <textarea> and <input>), each switched off to
 * the page as it was. Screenshots: test-results/screenshots/audit2-*.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, startHarness, type Harness } from './harness';
import { legendState } from './ux-helpers';

describe('audit 2', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  async function on(name: string, width = 1280): Promise<{ page: Page; tabId: number }> {
    const page = await h.openFixture(name);
    await page.setViewportSize({ width, height: 900 });
    const tabId = await h.tabIdOf(h.fixtureUrl(name));
    const r = await h.send<{ ok: boolean; flagged: number }>({ type: 'mirage:set-highlights', tabId, enabled: true });
    expect(r.ok).toBe(true);
    expect(r.flagged).toBeGreaterThan(0);
    return { page, tabId };
  }

  it('printed, the legend follows the page, whole even when folded, and sits on none of its text', async () => {
    const { page } = await on('article-en.html?print', 600); // a narrow window: the legend starts folded
    await page.bringToFront();
    const screen = await legendState(page);
    expect(screen?.expanded).toBe('false');
    expect(screen!.box.y + screen!.box.height).toBeLessThanOrEqual(900); // in its corner of the window
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.emulateMedia({ media: 'print' });
    const printed = await legendState(page);
    const bodyBottom = await page.evaluate(() => document.body.getBoundingClientRect().bottom);
    expect(printed!.box.y).toBeGreaterThanOrEqual(bodyBottom - 1); // after the page's text, not on it
    expect(printed!.box.height).toBeGreaterThan(80); // the three levels and the note, not a title bar
    await h.screenshot(page, 'audit2-print', true);
    await page.emulateMedia({ media: 'screen' });
    expect((await legendState(page))?.expanded).toBe('false'); // the screen legend is as the reader left it
  });

  /** Everything of the page that switching off must give back exactly, fields' values included. */
  const trace = (page: Page) =>
    page.evaluate(() => ({
      body: document.body.innerHTML,
      html: document.documentElement.outerHTML.replace(/<mirage-lens-root><\/mirage-lens-root>/, ''),
      text: document.body.textContent,
      area: (document.getElementById('area') as HTMLTextAreaElement | null)?.value,
      field: (document.getElementById('field') as HTMLInputElement | null)?.value,
      editable: document.getElementById('editable')?.innerHTML,
      sheets: document.adoptedStyleSheets.length,
      styles: document.querySelectorAll('style').length,
      url: location.search,
    }));

  /** Where the highlights are: how many ranges, how many in detached nodes, and how many inside what must never be
   * touched (an editable region, a form field, an SVG). */
  const whereHighlights = (page: Page) =>
    page.evaluate(() => {
      const reg = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      let all = 0;
      let detached = 0;
      let forbidden = 0;
      const texts: string[] = [];
      for (const n of ['mirage-1', 'mirage-2', 'mirage-3']) {
        for (const r of reg.get(n) ?? []) {
          all++;
          const node = r.startContainer;
          if (!node.isConnected) detached++;
          const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
          if (el?.closest('svg, textarea, input, [contenteditable]')) forbidden++;
          texts.push(r.toString());
        }
      }
      return { all, detached, forbidden, texts };
    });

  /** The same story in two tabs of the same page, the extension on in one only; switched off, they must agree. */
  async function moving(name: string, act: (page: Page) => Promise<void>, check?: (page: Page) => Promise<void>) {
    const url = `hard/moving.html?${name}`;
    const control = await h.openFixture(`${url}&control`);
    const { page, tabId } = await on(url);
    await page.bringToFront();
    await act(page);
    await control.bringToFront();
    await act(control);
    await page.bringToFront();
    await page.waitForTimeout(1500); // the page layer waits for 400 ms of quiet, then reads and paints again
    const where = await whereHighlights(page);
    expect(where.all).toBeGreaterThan(0);
    expect(where.forbidden).toBe(0);
    await check?.(page);
    await h.screenshot(page, `audit2-moving-${name}`);
    const off = await h.send<{ ok: boolean }>({ type: 'mirage:set-highlights', tabId, enabled: false });
    expect(off.ok).toBe(true);
    expect((await whereHighlights(page)).all).toBe(0);
    const [a, b] = [await trace(page), await trace(control)];
    expect({ ...a, url: a.url.replace('&control', '') }).toEqual({ ...b, url: b.url.replace('&control', '') });
    await control.close();
    await page.close();
  }

  it('a paragraph re-rendered with the same words keeps its highlights, on the new text node', async () => {
    await moving('same', (p) => p.evaluate(() => (window as unknown as { __fixture: { rerender(c: boolean): void } }).__fixture.rerender(false)), async (p) => {
      expect((await whereHighlights(p)).detached).toBe(0);
    });
  });

  it('a paragraph re-rendered with other words loses no other highlight, and none is left on a detached node', async () => {
    await moving('changed', (p) => p.evaluate(() => (window as unknown as { __fixture: { rerender(c: boolean): void } }).__fixture.rerender(true)), async (p) => {
      expect((await whereHighlights(p)).detached).toBe(0);
    });
  });

  it('a route change by history.pushState that replaces the article: the old highlights go, the page gives back all', async () => {
    await moving('route', (p) => p.evaluate(() => (window as unknown as { __fixture: { route(): void } }).__fixture.route()), async (p) => {
      const where = await whereHighlights(p);
      expect(where.detached).toBe(0);
      expect(where.texts.join(' ')).not.toContain('habits');
    });
  });

  it('typing into the editable region, the textarea and the input while on changes none of them, and none is highlighted', async () => {
    await moving('typing', async (p) => {
      await p.click('#editable p');
      await p.keyboard.press('End');
      await p.keyboard.type(' Moreover, it is essential to note this.');
      await p.click('#area');
      await p.keyboard.press('End');
      await p.keyboard.type(' Furthermore, it is crucial.');
      await p.click('#field');
      await p.keyboard.press('End');
      await p.keyboard.type(' Overall, yes.');
      await p.click('h1'); // focus leaves the fields
    });
  });

  it('a <details> opened while on, and text in <svg>: the SVG is never highlighted, the page gives back all', async () => {
    await moving('details', (p) => p.evaluate(() => (window as unknown as { __fixture: { openDetails(): void } }).__fixture.openDetails()));
  });

  const phase = async (tabId: number) => (await h.send<{ phase: string }>({ type: 'mirage:get-state', tabId })).phase;

  it('a #fragment link or history.pushState keeps the tab on; a new document, or a reload, switches it off', async () => {
    const { page, tabId } = await on('hard/moving.html?nav');
    await page.evaluate(() => {
      location.hash = 'details';
    });
    await page.waitForTimeout(500);
    expect(await phase(tabId)).toBe('on');
    await page.evaluate(() => history.pushState({}, '', '?nav&pushed'));
    await page.waitForTimeout(500);
    expect(await phase(tabId)).toBe('on');
    expect((await whereHighlights(page)).all).toBeGreaterThan(0);
    await page.reload();
    await expect.poll(() => phase(tabId), { timeout: 5000 }).toBe('off');
    expect((await h.send<{ ok: boolean }>({ type: 'mirage:set-highlights', tabId, enabled: true })).ok).toBe(true);
    await page.goto(h.fixtureUrl('article-en.html?nav'));
    await expect.poll(() => phase(tabId), { timeout: 5000 }).toBe('off');
    expect((await whereHighlights(page)).all).toBe(0);
    await page.close();
  });

  it('on a dark page the underlines take the dark-page colours (at least 4:1 there), on a light one the usual ones', async () => {
    const lineColours = (page: Page) =>
      page.evaluate(() => [1, 2, 3].map((l) => getComputedStyle(document.body, `::highlight(mirage-${l})`).textDecorationColor));
    const dark = await on('hard/dark.html');
    await dark.page.bringToFront();
    expect(await lineColours(dark.page)).toEqual(['rgb(250, 204, 21)', 'rgb(251, 146, 60)', 'rgb(248, 113, 113)']);
    await h.screenshot(dark.page, 'audit2-dark-page');
    const light = await on('article-en.html?dark-check');
    expect(await lineColours(light.page)).toEqual(['rgb(161, 98, 7)', 'rgb(194, 65, 12)', 'rgb(185, 28, 28)']);
    await dark.page.close();
    await light.page.close();
  });

  it('in forced colours (high contrast), the side panel\'s and the analysis page\'s bars still show their value', async () => {
    const { page, tabId } = await on('article-en.html?forced');
    const panel = await h.openExtensionPage(`sidepanel.html?tab=${tabId}`, { width: 420, height: 900 });
    await panel.waitForSelector('.meter-fill');
    await panel.emulateMedia({ forcedColors: 'active' });
    const [fill, track] = await panel.evaluate(() => ['.meter-fill', '.meter'].map((s) => getComputedStyle(document.querySelector(s)!).backgroundColor));
    expect(fill).not.toBe(track); // a fill the colour of its track reads as an empty bar
    await h.screenshot(panel, 'audit2-forced-sidepanel');
    const an = await h.openExtensionPage('analysis.html', { width: 1280, height: 1000 });
    await an.waitForSelector('#paste');
    await an.fill('#paste', readFileSync(join(FIXTURES, 'teacher/essay-submission.md'), 'utf8'));
    await an.click('#analyse-btn');
    await an.click('#detail-signals');
    await an.waitForSelector('#result .meter-mark');
    await an.emulateMedia({ forcedColors: 'active' });
    const [mark, meter] = await an.evaluate(() => ['.meter-mark', '.meter'].map((s) => getComputedStyle(document.querySelector('#result ' + s)!).backgroundColor));
    expect(mark).not.toBe(meter);
    await h.screenshot(an, 'audit2-forced-analysis');
    await an.close();
    await panel.close();
    await page.close();
  });
});

