/**
 * axe-core on every extension page, with an English and with a French browser (issue 10: "0 violations: keep it
 * so"): the popup and the side panel on an analysed page, the settings, the analysis page (empty, a result in each
 * of its three views, a class set, compare, saved reports), the printable teacher report, and the workshop lab
 * (introduction, a loaded set, a text opened in its dialog), plus the fixture page itself with highlights on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, startHarness, type Harness } from './harness';
import { axeViolations } from './axe';

const read = (f: string) => readFileSync(join(FIXTURES, 'teacher', f), 'utf8');

async function expectClean(page: Page, what: string) {
  expect(await axeViolations(page), what).toEqual([]);
}

describe.each([['en-US'], ['fr']])('axe-core, browser in %s', (locale) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ locale });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('popup, side panel, settings and the analysed page', async () => {
    const page = await h.openFixture(locale === 'fr' ? 'article-fr.html' : 'article-en.html');
    const tabId = await h.tabIdOf(page.url());
    await h.send({ type: 'mirage:set-highlights', tabId, enabled: true });
    await expectClean(page, 'fixture page with highlights');
    const panel = await h.openExtensionPage(`sidepanel.html?tab=${tabId}`, { width: 420, height: 900 });
    await panel.waitForSelector('ol.passages li');
    await expectClean(panel, 'side panel');
    const popup = await h.openExtensionPage(`popup.html?tab=${tabId}`, { width: 360, height: 560 });
    await popup.waitForSelector('#summary');
    await expectClean(popup, 'popup');
    const options = await h.openExtensionPage('options.html');
    await options.waitForSelector('main, form, fieldset');
    await expectClean(options, 'settings');
    await Promise.all([page, panel, popup, options].map((p) => p.close()));
  });

  it('the analysis page in every view, and the printable report', async () => {
    const page = await h.openExtensionPage('analysis.html', { width: 1280, height: 1000 });
    await page.waitForSelector('#paste');
    await expectClean(page, 'analysis page, empty');
    await page.fill('#paste', read('essay-submission.md'));
    await page.click('#analyse-btn');
    await page.waitForSelector('#result .sentence-view');
    await page.locator('#result mark[data-sentence]').first().focus();
    await expectClean(page, 'analysis page, sentences');
    await page.click('#detail-words');
    await page.waitForSelector('.word-view');
    await expectClean(page, 'analysis page, words');
    await page.click('#detail-signals');
    await page.waitForSelector('.signal-list');
    await expectClean(page, 'analysis page, signals');
    await page.setInputFiles('#files', [join(FIXTURES, 'teacher/essay-in-class.txt'), join(FIXTURES, 'teacher/short.txt')]);
    await page.waitForSelector('#set-table');
    await page.waitForFunction(() => !document.getElementById('progress'));
    await expectClean(page, 'analysis page, class set');
    await page.check('#report-include');
    const [tab] = await Promise.all([h.context.waitForEvent('page'), page.click('#report-open')]);
    await tab.waitForLoadState('load');
    await expectClean(tab, 'printable report');
    await tab.close();
    await page.click('#nav-compare');
    await page.fill('#cmp-text-0', read('essay-in-class.txt'));
    await page.fill('#cmp-text-1', read('essay-submission.md'));
    await page.click('#compare-btn');
    await page.waitForSelector('#compare-result');
    await expectClean(page, 'compare');
    await page.click('#nav-saved');
    await page.waitForSelector('#saved');
    await expectClean(page, 'saved reports');
    await page.close();
  });

  it('the workshop lab: introduction, a loaded set, a text opened', async () => {
    const page = await h.openExtensionPage('lab.html', { width: 1280, height: 1000 });
    await page.waitForSelector('#intro');
    await expectClean(page, 'lab, introduction');
    await page.click('#lab-sample');
    await page.waitForSelector('#confusion');
    await expectClean(page, 'lab, sample set');
    await page.locator('#texts tbody tr').first().locator('button').click();
    await page.waitForSelector('#text-dialog[open]');
    await expectClean(page, 'lab, text dialog');
    await page.close();
  });

  it('made no network request', () => {
    expect(h.networkViolations()).toEqual([]);
  });
});
