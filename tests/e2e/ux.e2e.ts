/**
 * What careful users tripped over (issue 10), in Chromium: the lab's true false-positive rate with its count at a
 * 99% threshold on the dev set; sentence reasons for a keyboard-only user; the class set in name order with warm
 * bars only where a text is worth a closer look; chart labels that neither collide nor get cut; the on-page legend
 * that folds and comes back (keyboard, closed shadow root) and sits on nothing at 390 px and 1280 px; the side
 * panel's long page title; and a French browser that shows one language end to end (analysis page, word view,
 * lab, printed report). Screenshots: test-results/screenshots/ux-*.png.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, startHarness, type Harness } from './harness';
import { chartTextProblems, intersects, legendState, textLines } from './ux-helpers';

const DEV = join(ROOT, '../shared/data/dev.jsonl');
const T = join(FIXTURES, 'teacher');
const read = (f: string) => readFileSync(join(T, f), 'utf8');
const NAMES = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

async function tabUntil(page: Page, test: () => boolean, max = 80): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    seen.push(await page.evaluate(() => { const a = document.activeElement; return a ? `${a.tagName.toLowerCase()}#${a.id}` : ''; }));
    if (await page.evaluate(test)) return seen;
  }
  throw new Error(`not reached after ${max} tabs: ${seen.join(' ')}`);
}

describe('issue 10 in an English browser', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a keyboard-only user reaches every sentence\'s reasons, and never a hidden file input', async () => {
    const page = await h.openExtensionPage('analysis.html', { width: 1280, height: 1000 });
    await page.waitForSelector('#paste');
    const toPaste = await tabUntil(page, () => document.activeElement?.id === 'paste');
    await page.keyboard.insertText(read('essay-submission.md'));
    const toButton = await tabUntil(page, () => document.activeElement?.id === 'analyse-btn');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#result .sentence-view mark[data-sentence]');
    const toMark = await tabUntil(page, () => !!document.activeElement?.matches('mark[data-sentence]'));
    expect([...toPaste, ...toButton, ...toMark].filter((s) => s === 'input#files')).toEqual([]);
    const marks = await page.locator('#result mark[data-sentence]').count();
    expect(marks).toBeGreaterThan(2);
    const seen = new Set<string>();
    for (let i = 0; i < marks; i++) {
      const now = await page.evaluate(() => {
        const m = document.activeElement as HTMLElement;
        const listed = document.getElementById(m.getAttribute('aria-describedby') ?? '')?.textContent ?? '';
        return { id: m.dataset.sentence ?? '', box: document.querySelector('.why-box')?.textContent ?? '', listed };
      });
      // the reasons, as text, shown where the reader is and named by the mark for a screen reader
      expect(now.box).toBe(now.listed);
      expect(now.box).toMatch(/stronger than in \d+% of human reference sentences|no single signal stands out/);
      seen.add(now.id);
      await page.keyboard.press('ArrowRight');
    }
    expect(seen.size).toBe(marks);
    await h.screenshot(page, 'ux-sentence-reasons', false);
    await page.close();
  });

  it('the class set opens in name order, warm bars only beside "worth a closer look"', async () => {
    const page = await h.openExtensionPage('analysis.html', { width: 1280, height: 1000 });
    await page.setInputFiles('#files', ['essay-submission.md', 'essay-in-class.txt', 'essay-page.html', 'short.txt'].map((f) => join(T, f)));
    await page.waitForSelector('#set-table');
    await page.waitForFunction(() => !document.getElementById('progress'));
    const names = await page.locator('#set-table tbody th').allTextContents();
    expect(names).toEqual([...names].sort(NAMES.compare));
    for (const row of await page.locator('#set-table tbody tr').all()) {
      const summary = (await row.locator('.summary-cell').textContent()) ?? '';
      expect(await row.locator('.fill.flag').count(), summary).toBe(summary.includes('worth a closer look') ? 1 : 0);
    }
    await h.screenshot(page, 'ux-class-set', false);
    // the word view: bar labels apart, legend shares as rates with their counts
    await page.click('#set-table tbody th button:text-is("essay-submission.md")');
    await page.click('#detail-words');
    await page.waitForSelector('.word-view svg.bar-chart');
    expect(await chartTextProblems(page, '#result svg')).toEqual([]);
    await page.close();
  });

  it('lab charts: the threshold label is never cut, no label sits on another', async () => {
    const page = await h.openExtensionPage('lab.html', { width: 1280, height: 1000 });
    await page.click('#lab-sample');
    await page.waitForSelector('#confusion');
    for (const v of [0, 50, 96, 100]) {
      await page.locator('#threshold').fill(String(v));
      await page.waitForFunction((p) => document.getElementById('cm-caption')?.textContent?.includes(`${p}%`), v);
      expect(await page.locator('#threshold-value').textContent()).toBe(`${v}%`);
      expect(await chartTextProblems(page, '#metrics svg'), `threshold ${v}`).toEqual([]);
    }
    // the axes end at 100%, as the slider does
    expect(await page.locator('#roc-host svg').textContent()).toContain('100%');
    await h.screenshot(page, 'ux-lab-threshold-100', false);
    await page.close();
  });

  it.skipIf(!existsSync(DEV))('the lab at a 99% threshold on the dev set shows the true false-positive rate with its count', async () => {
    const page = await h.openExtensionPage('lab.html', { width: 1280, height: 1000 });
    await page.setInputFiles('#lab-file', DEV);
    await page.waitForSelector('#confusion', { timeout: 180_000 });
    await page.locator('#threshold').fill('99');
    await page.waitForFunction(() => document.getElementById('cm-caption')?.textContent?.includes('99%'));
    const n = async (id: string) => Number((await page.locator(`#${id} .big`).textContent())!.trim());
    const fp = await n('cm-fp');
    const humans = fp + (await n('cm-tn'));
    const rates = (await page.locator('#rates').textContent())!;
    const r = (100 * fp) / humans;
    const expected = fp === 0 ? '0%' : r < 10 ? `${Math.round(r * 10) / 10}%` : `${Math.round(r)}%`;
    console.log(`dev set at 99%: ${rates}`);
    expect(rates).toContain(`False-positive rate ${expected} (${fp} of ${humans})`);
    if (fp > 0) expect(rates).not.toMatch(/False-positive rate 0% /);
    // the group bars too: rate and counts, never "99% (2/2)"
    for (const t of await page.locator('#grp-host svg .rate-row text:last-child').allTextContents()) expect(t).toMatch(/^(–|<?[\d.]+%|100%) \(\d+ of \d+\)$/);
    await page.locator('#threshold').fill('0');
    await page.waitForFunction(() => document.getElementById('cm-caption')?.textContent?.includes(' 0%'));
    expect(await page.locator('#rates').textContent()).toContain(`False-positive rate 100% (${humans} of ${humans})`);
    await page.close();
  });

  it('the on-page legend at 1280 px: not on the sidebar field; folds and comes back by keyboard; gone when switched off', async () => {
    const page = await h.openFixture('hard/sidebar.html');
    await page.setViewportSize({ width: 1280, height: 800 });
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    const tabId = await h.tabIdOf(page.url());
    await h.send({ type: 'mirage:set-highlights', tabId, enabled: true });
    await page.waitForFunction(() => !!document.querySelector('mirage-lens-root'));
    const field = (await page.locator('#email').boundingBox())!;
    const open = (await legendState(page))!;
    expect(open.expanded).toBe('true');
    expect(intersects(open.box, field), JSON.stringify({ legend: open.box, field })).toBe(false);
    await h.screenshot(page, 'ux-legend-1280', false);
    // Tab from the field reaches the legend's fold button (inside the closed shadow root)
    await page.locator('#email').focus();
    await tabUntil(page, () => document.activeElement?.tagName === 'MIRAGE-LENS-ROOT', 5);
    await page.keyboard.press('Enter');
    const folded = (await legendState(page))!;
    expect(folded.expanded).toBe('false');
    expect(folded.box.height).toBeLessThan(open.box.height / 2);
    await page.keyboard.press('Enter');
    expect((await legendState(page))!.expanded).toBe('true');
    await h.send({ type: 'mirage:set-highlights', tabId, enabled: false });
    expect(await legendState(page)).toBeUndefined();
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
    await page.close();
  });

  it('the on-page legend at 390 px starts folded, out of the text\'s way, and opens on request', async () => {
    const page = await h.openFixture('article-en.html');
    await page.setViewportSize({ width: 390, height: 844 });
    const tabId = await h.tabIdOf(page.url());
    await h.send({ type: 'mirage:set-highlights', tabId, enabled: true });
    await page.waitForFunction(() => !!document.querySelector('mirage-lens-root'));
    const folded = (await legendState(page))!;
    expect(folded.expanded).toBe('false');
    // a title bar in a corner: under 4% of the screen (open, it took about a third of it)
    expect(folded.box.width * folded.box.height).toBeLessThan(0.04 * 390 * 844);
    expect(folded.box.x + folded.box.width).toBeLessThanOrEqual(390);
    await h.screenshot(page, 'ux-legend-390-folded', false);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await tabUntil(page, () => document.activeElement?.tagName === 'MIRAGE-LENS-ROOT', 30);
    await page.keyboard.press('Enter');
    const open = (await legendState(page))!;
    expect(open.expanded).toBe('true');
    expect(open.box.height).toBeGreaterThan(folded.box.height * 2);
    expect(open.box.x).toBeGreaterThanOrEqual(0);
    await h.screenshot(page, 'ux-legend-390-open', false);
    await h.send({ type: 'mirage:set-highlights', tabId, enabled: false });
    await page.close();
  });

  it('the side panel ends a long page title with an ellipsis, on one line', async () => {
    const page = await h.openFixture('hard/sidebar.html');
    const tabId = await h.tabIdOf(page.url());
    const panel = await h.openExtensionPage(`sidepanel.html?tab=${tabId}`, { width: 360, height: 700 });
    await panel.waitForSelector('.page-title');
    const title = await panel.evaluate(() => {
      const t = document.querySelector<HTMLElement>('.page-title')!;
      const header = t.parentElement!;
      return { overflow: getComputedStyle(t).textOverflow, cut: t.scrollWidth > t.clientWidth, lines: Math.round(t.getBoundingClientRect().height / parseFloat(getComputedStyle(t).lineHeight)), inside: header.scrollWidth <= header.clientWidth, full: t.title };
    });
    expect(title).toMatchObject({ overflow: 'ellipsis', cut: true, lines: 1, inside: true });
    expect(title.full).toMatch(/^Community gardens in the city: a long report .* next spring$/);
    await h.screenshot(panel, 'ux-sidepanel-long-title', false);
    await Promise.all([panel.close(), page.close()]);
  });

  it('the settings page in Chromium: "Withdraw access" takes a site off the list for good; the keyboard lands on the next site, then on the note', async () => {
    // Chromium asks the user before granting an optional host permission, and automation cannot answer: the sites
    // are written as the popup writes them, without the grant (firefox-axe clicks the whole path, grant included).
    const options = await h.openExtensionPage('options.html');
    await options.waitForSelector('#sites');
    const sites = ['http://127.0.0.1:8123', 'https://example.org'];
    type Api = { storage: { sync: { get(k: string): Promise<Record<string, { alwaysOrigins?: string[] }>>; set(v: object): Promise<void> } }; permissions: { getAll(): Promise<{ origins?: string[] }> } };
    const stored = () => options.evaluate(async () => ((await (globalThis as unknown as { chrome: Api }).chrome.storage.sync.get('settings')).settings?.alwaysOrigins ?? []));
    const before = await options.evaluate(async () => (await (globalThis as unknown as { chrome: Api }).chrome.storage.sync.get('settings')).settings ?? {});
    const granted = (await options.evaluate(async () => (globalThis as unknown as { chrome: Api }).chrome.permissions.getAll())).origins;
    await options.evaluate(async ([b, o]) => (globalThis as unknown as { chrome: Api }).chrome.storage.sync.set({ settings: { ...b, alwaysOrigins: o } }), [before, sites] as const);
    await options.waitForFunction(() => document.querySelectorAll('#sites li').length === 2); // drawn as they arrive
    await options.click('#sites li:first-child button');
    await options.waitForFunction(() => document.querySelectorAll('#sites li').length === 1);
    expect(await options.textContent('#sites li')).toContain('https://example.org');
    expect(await options.evaluate(() => document.activeElement?.closest('#sites li')?.textContent ?? '')).toContain('https://example.org');
    expect(await stored()).toEqual(['https://example.org']);
    await options.reload();
    await options.waitForSelector('#sites li');
    expect(await options.locator('#sites li').count()).toBe(1); // nothing wrote it back
    await options.focus('#sites li button');
    await options.keyboard.press('Enter');
    await options.waitForSelector('#sites p.note');
    expect(await options.evaluate(() => document.activeElement?.matches('#sites p.note'))).toBe(true);
    expect(await options.textContent('#sites p.note')).toMatch(/^None\. Use .Always analyse on this site/);
    expect(await stored()).toEqual([]);
    // the test build's own access to 127.0.0.1 (what every e2e test runs on) is not this list's to take
    expect((await options.evaluate(async () => (globalThis as unknown as { chrome: Api }).chrome.permissions.getAll())).origins).toEqual(granted);
    await options.close();
  });

  it('made no network request', () => {
    expect(h.networkViolations()).toEqual([]);
  });
});

describe('issue 10 in a French browser: one language end to end', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ locale: 'fr' });
  });
  afterAll(async () => {
    await h?.close();
  });

  const ENGLISH = /\b(more predictable|human reference|signals? agrees?|Sentence rhythm|Stock phrases|stronger than|worth a closer look|Within the usual|Ordinary for|the text|shown, not counted|words?\b|of \d+)\b/;

  it('the analysis page words an English essay in French: result, reasons, signals, word view', async () => {
    const page = await h.openExtensionPage('analysis.html', { width: 1280, height: 1000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await page.fill('#paste', read('essay-submission.md'));
    await page.click('#analyse-btn');
    await page.waitForSelector('#result mark[data-sentence]');
    await page.locator('#result mark[data-sentence]').first().focus();
    const parts = await page.evaluate(() => ({
      summary: document.querySelector('#result .summary-block')?.textContent ?? '',
      why: document.querySelector('#result .why-box')?.textContent ?? '',
      list: document.querySelector('#result .marked-list')?.textContent ?? '',
      chart: document.querySelector('#result svg.percentile-chart desc')?.textContent ?? '',
    }));
    // issue 9: the score is stated against the kinds of human writing most like the text (or beyond all of them)
    expect(parts.summary).toMatch(/plus prévisible que (seulement )?\d+\s% des textes de chacun des \d+ genres d'écrits humains|au-delà des \d+ textes humains de référence/i);
    expect(parts.why).toMatch(/plus marqué que dans \d+\s% des phrases humaines de référence|aucun signal ne se détache/);
    for (const [k, v] of Object.entries(parts)) expect(v, k).not.toMatch(ENGLISH);
    await page.click('#detail-signals');
    await page.waitForSelector('.signal-list');
    expect(await page.locator('.signal-list').textContent()).not.toMatch(ENGLISH);
    await page.click('#detail-words');
    await page.waitForSelector('.word-view svg.bar-chart');
    const legend = (await page.locator('.bucket-legend').textContent())!;
    expect(legend).toMatch(/\d+(,\d)?\u00A0%/);
    expect(legend).not.toMatch(/\d%/);
    expect(await chartTextProblems(page, '#result svg')).toEqual([]);
    await h.screenshot(page, 'ux-fr-words', false);
    await page.close();
  });

  it('the printed French report keeps its fingerprint on two even lines', async () => {
    const page = await h.openExtensionPage('analysis.html', { width: 1280, height: 1000 });
    await page.fill('#paste', read('essay-submission.md'));
    await page.click('#analyse-btn');
    await page.waitForSelector('#result');
    const [tab] = await Promise.all([h.context.waitForEvent('page'), page.click('#report-open')]);
    await tab.waitForLoadState('load');
    for (const width of [900, 700]) {
      await tab.setViewportSize({ width, height: 1000 });
      const lines = await textLines(tab, 'code.hash');
      expect(lines.join(''), `${width} px`).toMatch(/^SHA-256 [0-9a-f]{64}$/);
      expect(Math.min(...lines.map((l) => l.trim().length)), `${width} px: ${JSON.stringify(lines)}`).toBeGreaterThan(8);
    }
    expect(await tab.locator('body').textContent()).not.toMatch(/\(s\)/);
    await h.screenshot(tab, 'ux-fr-report', false);
    await Promise.all([tab.close(), page.close()]);
  });

  it('the lab in French: sample groups, rates and charts', async () => {
    const page = await h.openExtensionPage('lab.html', { width: 1280, height: 1000 });
    await page.click('#lab-sample');
    await page.waitForSelector('#confusion');
    const groups = await page.locator('#grp-host svg .rate-row text:first-child').allTextContents();
    expect(groups).toEqual(expect.arrayContaining(['langue non maternelle', 'genre codifié', 'récit personnel']));
    expect(await page.locator('#rates').textContent()).toMatch(/Taux de faux positifs [\d,]+\u00A0% \(\d+ sur \d+\)/);
    expect(await page.locator('#lab-count').textContent()).toMatch(/^12 textes \(étiquette humain : 7, machine : 5\)/);
    for (const v of [0, 50, 96, 100]) {
      await page.locator('#threshold').fill(String(v));
      await page.waitForFunction((p) => document.getElementById('cm-caption')?.textContent?.includes(`${p}\u00A0%`), v);
      expect(await chartTextProblems(page, '#metrics svg'), `seuil ${v}`).toEqual([]);
    }
    await page.locator('#roc-host').scrollIntoViewIfNeeded();
    await h.screenshot(page, 'ux-fr-lab', false);
    await page.close();
  });

  it('made no network request', () => {
    expect(h.networkViolations()).toEqual([]);
  });
});
