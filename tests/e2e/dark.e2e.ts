/**
 * The extension's own pages in the dark colour scheme (prefers-color-scheme: dark, as a browser or system set to dark
 * tells them): the popup, the side panel, the settings, the analysis page and the workshop lab turn dark, keep 0 axe
 * violations (contrast included), draw the level underlines in their dark colours (presentation.ts DARK_LINE), and
 * keep the charts on a light card. Web pages' highlights and the printable report are not affected.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DARK_LINE } from '../../src/shared/presentation';
import { axeViolations } from './axe';
import { FIXTURES, startHarness, type Harness } from './harness';

const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

/** The page's background as computed: [r, g, b]. */
async function background(page: Page): Promise<number[]> {
  const c = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor + '|' + getComputedStyle(document.body).backgroundColor);
  const [root, body] = c.split('|');
  const pick = body && !body.includes('rgba(0, 0, 0, 0)') ? body : root!;
  return pick.match(/\d+/g)!.slice(0, 3).map(Number);
}

async function expectDarkAndClean(page: Page, what: string) {
  const [r, g, b] = await background(page);
  expect(Math.max(r!, g!, b!), `${what}: dark background`).toBeLessThan(48);
  expect(await axeViolations(page), what).toEqual([]);
}

describe('dark colour scheme', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ colorScheme: 'dark' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('popup, side panel and settings', async () => {
    const page = await h.openFixture('article-en.html');
    const tabId = await h.tabIdOf(page.url());
    await h.send({ type: 'mirage:set-highlights', tabId, enabled: true });
    const panel = await h.openExtensionPage(`sidepanel.html?tab=${tabId}`, { width: 420, height: 900 });
    await panel.waitForSelector('ol.passages li');
    await expectDarkAndClean(panel, 'side panel');
    const underline = await panel.locator('.legend .badge.level-3').first().evaluate((el) => getComputedStyle(el).textDecorationColor);
    expect(underline).toBe(rgb(DARK_LINE[3]));
    const popup = await h.openExtensionPage(`popup.html?tab=${tabId}`, { width: 360, height: 560 });
    await popup.waitForSelector('#summary');
    await expectDarkAndClean(popup, 'popup');
    const options = await h.openExtensionPage('options.html');
    await options.waitForSelector('main, form, fieldset');
    await expectDarkAndClean(options, 'settings');
    await Promise.all([page, panel, popup, options].map((p) => p.close()));
  });

  it('the analysis page and the lab; charts stay on a light card', async () => {
    const page = await h.openExtensionPage('analysis.html', { width: 1280, height: 1000 });
    await page.waitForSelector('#paste');
    await page.fill('#paste', readFileSync(join(FIXTURES, 'teacher', 'essay-submission.md'), 'utf8'));
    await page.click('#analyse-btn');
    await page.waitForSelector('#result .sentence-view');
    await expectDarkAndClean(page, 'analysis page, sentences');
    const marked = page.locator('#result mark.lvl3, #result mark.lvl2, #result mark.lvl1').first();
    const [cls, color] = await marked.evaluate((el): [string, string] => [el.className, getComputedStyle(el).textDecorationColor]);
    const level = Number(/lvl(\d)/.exec(cls)![1]) as 1 | 2 | 3;
    expect(color).toBe(rgb(DARK_LINE[level]));
    expect(await page.locator('#result svg.chart').first().evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 255, 255)');
    await page.click('#detail-words');
    await page.waitForSelector('.word-view');
    await expectDarkAndClean(page, 'analysis page, words');
    await page.close();
    const lab = await h.openExtensionPage('lab.html', { width: 1280, height: 1000 });
    await lab.click('#lab-sample');
    await lab.waitForSelector('#confusion');
    await expectDarkAndClean(lab, 'lab, sample set');
    await lab.close();
  });
});
