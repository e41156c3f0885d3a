/**
 * A 390 px screen (a phone, or a narrow window beside the text) on the pages with wide tables: the class set, the
 * comparison and the lab's list of texts. The page itself never scrolls sideways (WCAG 1.4.10, Reflow): a table
 * wider than the screen scrolls in a box of its own, which is named and reachable by keyboard, and axe finds
 * nothing. Screenshots: test-results/screenshots/narrow-*.png.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { FIXTURES, startHarness, type Harness } from './harness';

const T = join(FIXTURES, 'teacher');
const read = (f: string) => readFileSync(join(T, f), 'utf8');
const NARROW = { width: 390, height: 900 };

/** The page's sideways overflow, and each given table's scroll box: its name, tabindex and whether it scrolls. */
const layout = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const table = document.querySelector(sel)!;
    const box = table.parentElement!;
    return {
      pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      boxScrolls: box.scrollWidth > box.clientWidth && getComputedStyle(box).overflowX === 'auto',
      boxName: box.getAttribute('aria-label') ?? '',
      boxRole: box.getAttribute('role'),
      boxTab: box.tabIndex,
    };
  }, selector);

describe('wide tables on a 390 px screen', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the class set and the comparison scroll in their own box, not the page', async () => {
    const page = await h.openExtensionPage('analysis.html', NARROW);
    await page.setInputFiles('#files', ['essay-submission.md', 'essay-in-class.txt'].map((f) => join(T, f)));
    await page.waitForSelector('#set-table');
    await page.waitForFunction(() => !document.getElementById('progress'));
    const set = await layout(page, '#set-table');
    expect(set).toMatchObject({ pageOverflow: 0, boxScrolls: true, boxRole: 'region', boxTab: 0 });
    expect(set.boxName).toBe('Table: Class set');
    expect(await axeViolations(page)).toEqual([]);
    await h.screenshot(page, 'narrow-class-set', false);

    await page.click('#nav-compare');
    await page.fill('#cmp-text-0', read('essay-in-class.txt'));
    await page.fill('#cmp-text-1', read('essay-submission.md'));
    await page.click('#compare-btn');
    await page.waitForSelector('#compare-result .compare-table');
    const cmp = await layout(page, '#compare-result .compare-table');
    expect(cmp).toMatchObject({ pageOverflow: 0, boxScrolls: true, boxRole: 'region', boxTab: 0 });
    expect(cmp.boxName).toBe('Table: Compare two texts');
    expect(await axeViolations(page)).toEqual([]);
    await h.screenshot(page, 'narrow-compare', false);
    await page.close();
  });

  it("the lab's list of texts scrolls in its own box, not the page", async () => {
    const page = await h.openExtensionPage('lab.html', NARROW);
    await page.click('#lab-sample');
    await page.waitForSelector('#texts .texts-table');
    const texts = await layout(page, '#texts .texts-table');
    expect(texts).toMatchObject({ pageOverflow: 0, boxScrolls: true, boxRole: 'region', boxTab: 0 });
    expect(texts.boxName).toBe('Table: The texts');
    expect(await axeViolations(page)).toEqual([]);
    await h.screenshot(page, 'narrow-lab', false);
    await page.close();
  });
});
