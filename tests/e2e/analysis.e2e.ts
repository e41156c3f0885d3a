/**
 * The teacher's analysis page in Chromium: paste and see results (sentences, words, signals), upload a class set
 * (.txt, .md, .html, .docx; a broken PDF refused clearly), the length gate, compare two texts, export a report (HTML and
 * JSON, checked), save/delete, the hand-over from other extension pages, and no network request.
 * Build first: `MIRAGE_E2E=1 npx wxt build`. Screenshots: test-results/screenshots/analysis-*.png, report-*.png.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeacherReport } from '../../src/report/teacher';
import { FIXTURES, startHarness, type Harness } from './harness';

declare const chrome: {
  storage: { local: { get(k: null): Promise<Record<string, unknown>> }; sync: { get(k: null): Promise<Record<string, unknown>> }; session: { set(o: object): Promise<void> } };
};

const T = join(FIXTURES, 'teacher');
const read = (f: string) => readFileSync(join(T, f), 'utf8');

/** A minimal .docx (WordprocessingML in a zip) with the given paragraphs. */
function docx(paragraphs: string[]): Uint8Array {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${esc(p)}</w:t></w:r></w:p>`).join('');
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    '_rels/.rels': strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`),
  });
}

async function downloadText(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await d.path();
  return { name: d.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

describe('analysis page in Chromium', () => {
  let h: Harness;
  let page: Page;
  let tmp: string;

  beforeAll(async () => {
    h = await startHarness();
    tmp = await mkdtemp(join(tmpdir(), 'mirage-teacher-'));
    page = await h.openExtensionPage('analysis.html', { width: 1280, height: 1000 });
    // Playwright asks Chromium to intercept file dialogs only once something listens for them, and that request
    // is asynchronous: listening here, long before any key press, keeps the keyboard test free of that race.
    page.on('filechooser', () => undefined);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('paste a text and see the result: score, position chart, sentence highlights', async () => {
    await page.fill('#paste', read('essay-submission.md'));
    await page.click('#analyse-btn');
    await page.waitForSelector('#result');
    const result = page.locator('#result');
    await expect(result.locator('h2').first().textContent()).resolves.toContain('Pasted text 1');
    // A score or an honest notice, never nothing.
    const scoreOrNotice = await page.locator('#result .score-figure, #result .notice').count();
    expect(scoreOrNotice).toBeGreaterThan(0);
    await expect(page.locator('#result .text-view').textContent()).resolves.toContain('Family traditions play a crucial role');
    expect(await page.locator('#result .legend mark.lvl3').count()).toBe(1);
    expect(await page.locator('#result svg.percentile-chart').count()).toBe(1);
    expect(await page.locator('#detail-sentences[aria-selected="true"]').count()).toBe(1);
    // the engine ran in the extension's one engine worker, not on the page's main thread
    expect(page.workers().map((w) => w.url())).toContainEqual(expect.stringMatching(/\/assets\/engine-worker-[\w-]+\.js$/));
    await h.screenshot(page, 'analysis-paste', true);
  });

  it('the word view shades every word and draws its histogram; the signal view gives evidence', async () => {
    await page.click('#detail-words');
    await page.waitForSelector('.word-view');
    const words = await page.locator('.word-view .text-view .w').count();
    expect(words).toBeGreaterThan(300);
    expect(await page.locator('.word-view svg.bar-chart').count()).toBe(1);
    expect(await page.locator('.word-view .bucket-legend li').count()).toBe(4);
    await h.screenshot(page, 'analysis-words', false);
    await page.locator('#detail-words').focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('.signal-list');
    const evidence = await page.locator('.signal-list .evidence').allTextContents();
    expect(evidence.filter((e) => e.trim().length > 10).length).toBeGreaterThan(2);
    await h.screenshot(page, 'analysis-signals', true);
    await page.click('#detail-sentences');
  });

  it('upload a class set (.txt, .md, .html, .docx), refuses a broken PDF clearly, and sorts the table', async () => {
    const docxPath = join(tmp, 'essay-docx.docx');
    await writeFile(docxPath, docx(read('essay-in-class.txt').split('\n\n')));
    const pdfPath = join(tmp, 'scan.pdf');
    await writeFile(pdfPath, '%PDF-1.4 not really');
    await page.setInputFiles('#files', [join(T, 'essay-in-class.txt'), join(T, 'essay-submission.md'), join(T, 'essay-page.html'), join(T, 'short.txt'), docxPath, pdfPath]);
    await page.waitForSelector('#set-table');
    await page.waitForFunction(() => !document.getElementById('progress'));
    const names = await page.locator('#set-table tbody th button').allTextContents();
    expect(names).toEqual(expect.arrayContaining(['Pasted text 1', 'essay-in-class.txt', 'essay-submission.md', 'essay-page.html', 'short.txt', 'essay-docx.docx']));
    expect(names).toHaveLength(6);
    // The .docx holds the same text as the .txt: both rows stay, the copy is named, and the page says so.
    await expect(page.locator('#duplicates').textContent()).resolves.toContain('essay-docx.docx has exactly the same text as essay-in-class.txt.');
    await expect(page.locator('#set-table tbody tr:has(th button:text-is("essay-docx.docx")) .row-note').textContent()).resolves.toBe('same text as essay-in-class.txt');
    await expect(page.locator('#problems').textContent()).resolves.toMatch(/scan\.pdf: the file is damaged, or is not really a \.pdf file/);
    // .docx and .pdf were read in the file worker, not on the page's main thread
    expect(page.workers().map((w) => w.url())).toContainEqual(expect.stringMatching(/\/assets\/file-worker-[\w-]+\.js$/));
    // Sort by words, ascending then descending.
    await page.click('button.sort[data-sort="words"]');
    const w1 = (await page.locator('#set-table tbody tr td:nth-child(2)').allTextContents()).map(Number);
    await page.click('button.sort[data-sort="words"]');
    const w2 = (await page.locator('#set-table tbody tr td:nth-child(2)').allTextContents()).map(Number);
    expect([...w1].sort((a, b) => b - a)).toEqual(w1);
    expect([...w2].sort((a, b) => a - b)).toEqual(w2);
    expect(await page.locator('th[aria-sort="ascending"] button[data-sort="words"]').count()).toBe(1);
    await h.screenshot(page, 'analysis-class-set', false);
  });

  it('an .html file is read as text: its scripts never run, markup-looking text stays text', async () => {
    await page.click('#set-table tbody th button:text-is("essay-page.html")');
    await page.waitForSelector('#result h2:text-is("essay-page.html")');
    const text = (await page.locator('#result .text-view').textContent())!;
    expect(text).toContain('Walking to school');
    expect(text).toContain('<img src=x onerror=alert(1)>');
    expect(text).not.toContain('INJECTED BY SCRIPT');
    expect(text).not.toContain('window.__fixtureScriptRan');
    expect(await page.evaluate(() => (window as unknown as { __fixtureScriptRan?: boolean }).__fixtureScriptRan)).toBeUndefined();
    expect(await page.title()).not.toBe('SCRIPT RAN');
    expect(await page.locator('#result img').count()).toBe(0);
  });

  it('the .docx is read through mammoth', async () => {
    await page.click('#set-table tbody th button:text-is("essay-docx.docx")');
    await page.waitForSelector('#result h2:text-is("essay-docx.docx")');
    await expect(page.locator('#result .text-view').textContent()).resolves.toContain('my grandmother taught me to make bread');
  });

  it('below ~150 words: says nothing meaningful can be said, and why, instead of a score', async () => {
    await page.click('#set-table tbody th button:text-is("short.txt")');
    await page.waitForSelector('#result h2:text-is("short.txt")');
    const notice = (await page.locator('#result .notice.gate').textContent())!;
    expect(notice).toContain('Nothing meaningful can be said');
    expect(notice).toMatch(/46 words; at least 150 are needed/);
    expect(await page.locator('#result .score-figure').count()).toBe(0);
    // No highlights or word shading to read meaning into.
    expect(await page.locator('#result [role=tablist]').count()).toBe(0);
    expect(await page.locator('#result mark').count()).toBe(0);
    await h.screenshot(page, 'analysis-too-short', false);
  });

  it('export the teacher report: printable HTML and JSON with the required content', async () => {
    await page.click('#set-table tbody th button:text-is("essay-submission.md")');
    await page.waitForSelector('#result h2:text-is("essay-submission.md")');
    await page.fill('#report-title', 'Essay 3 <b>draft</b>');
    await page.check('#check-drafts');
    await page.check('#report-include');
    const html = await downloadText(page, () => page.click('#report-html'));
    expect(html.name).toMatch(/^mirage-lens-report-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.html$/);
    expect(html.text).toMatch(/^<!doctype html>/);
    expect(html.text).not.toMatch(/<script/i);
    expect(html.text).toContain('This report is not evidence of misconduct');
    expect(html.text).toContain('Essay 3 &lt;b&gt;draft&lt;/b&gt;');
    expect(html.text).toMatch(/SHA-256 [0-9a-f]{64}/);
    expect(html.text).toContain('Process evidence to look at');
    expect(html.text).toContain('Open questions to discuss with the student');
    expect(html.text).toContain('Pfeiffer');
    expect(html.text).toContain('Family traditions play a crucial role');

    const json = await downloadText(page, () => page.click('#report-json'));
    const m = JSON.parse(json.text) as TeacherReport;
    expect(m.schema).toBe('mirage-lens/teacher-report@1');
    expect(m.lang).toBe('en');
    expect(m.fingerprint.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(m.fingerprint.words).toBeGreaterThan(300);
    expect(m.text).toContain('Family traditions');
    expect(m.signals.length).toBeGreaterThan(3);
    expect(m.checklist.find((c) => c.id === 'drafts')?.checked).toBe(true);
    expect(m.questions.length).toBeGreaterThan(3);
    expect(m.statement).toMatch(/not evidence of misconduct/);

    // Without the text, only the fingerprint; in French when chosen.
    await page.uncheck('#report-include');
    await page.selectOption('#report-lang', 'fr');
    const fr = JSON.parse((await downloadText(page, () => page.click('#report-json'))).text) as TeacherReport;
    expect(fr.text).toBeUndefined();
    expect(fr.lang).toBe('fr');
    expect(fr.statement).toMatch(/n'est pas une preuve de fraude/);
    expect(fr.fingerprint.sha256).toBe(m.fingerprint.sha256);

    // The printable page opens in a tab of its own: look at it.
    await page.selectOption('#report-lang', 'en');
    await page.check('#report-include');
    const [tab] = await Promise.all([h.context.waitForEvent('page'), page.click('#report-open')]);
    await tab.waitForLoadState('load');
    await tab.setViewportSize({ width: 900, height: 1200 });
    await expect(tab.locator('h1').textContent()).resolves.toContain('notes for a conversation');
    expect(await tab.locator('script').count()).toBe(0);
    await h.screenshot(tab, 'report-printable', true);
    await h.screenshot(tab, 'report-printable-top', false);
    await tab.locator('.text').scrollIntoViewIfNeeded();
    await h.screenshot(tab, 'report-printable-text', false);
    await tab.locator('ul.checklist').scrollIntoViewIfNeeded();
    await h.screenshot(tab, 'report-printable-checklist', false);
    await tab.emulateMedia({ media: 'print' });
    await h.screenshot(tab, 'report-print-media', true);
    await tab.close();
  });

  it('nothing is stored until saved; saved reports live in storage.local and can be deleted', async () => {
    const before = await page.evaluate(() => chrome.storage.local.get(null));
    expect(Object.keys(before).filter((k) => k.startsWith('teacher:saved:'))).toEqual([]);
    await page.click('#report-save');
    await page.waitForFunction(() => document.getElementById('report-status')?.textContent?.includes('Saved'));
    await page.click('#set-table tbody th button:text-is("essay-in-class.txt")');
    await page.waitForSelector('#result h2:text-is("essay-in-class.txt")');
    await page.click('#report-save');
    await page.waitForFunction(() => document.getElementById('report-status')?.textContent?.includes('Saved'));
    const local = await page.evaluate(() => chrome.storage.local.get(null));
    expect(Object.keys(local).filter((k) => k.startsWith('teacher:saved:'))).toHaveLength(2);
    const sync = await page.evaluate(() => chrome.storage.sync.get(null));
    expect(JSON.stringify(sync)).not.toContain('teacher:saved');
    await page.click('#nav-saved');
    await page.waitForSelector('.saved-list li');
    expect(await page.locator('.saved-list li').count()).toBe(2);
    await h.screenshot(page, 'analysis-saved', false);
    await page.locator('.saved-list li').first().locator('button.danger').click();
    await page.waitForFunction(() => document.querySelectorAll('.saved-list li').length === 1);
    await page.click('#delete-all');
    await expect(page.locator('#delete-all').textContent()).resolves.toContain('Click again');
    await page.click('#delete-all');
    await page.waitForSelector('#saved .empty');
    const after = await page.evaluate(() => chrome.storage.local.get(null));
    expect(Object.keys(after).filter((k) => k.startsWith('teacher:saved:'))).toEqual([]);
  });

  it('compare two texts side by side, with what differs in words', async () => {
    await page.click('#nav-compare');
    await page.fill('#cmp-text-0', read('essay-in-class.txt'));
    await page.fill('#cmp-text-1', read('essay-submission.md'));
    await page.click('#compare-btn');
    await page.waitForSelector('#compare-result');
    const rows = await page.locator('#compare-result .compare-table tbody tr').count();
    expect(rows).toBeGreaterThan(3);
    const diffs = await page.locator('#compare-result .compare-table tbody td:last-child').allTextContents();
    expect(diffs.every((d) => /Earlier writing|Submission|neither/.test(d))).toBe(true);
    expect(await page.locator('#compare-result svg.percentile-chart circle').count()).toBeGreaterThan(0);
    expect(await page.locator('#compare-result svg.percentile-chart rect[width="10"]').count()).toBeGreaterThan(0);
    await expect(page.locator('#compare-result .notice').textContent()).resolves.toContain('not to conclude');
    await h.screenshot(page, 'analysis-compare', true);
  });

  it('a selection handed over by another extension page arrives through storage.session', async () => {
    const text = read('essay-in-class.txt');
    const ctl = await h.controller();
    await ctl.evaluate((t) => chrome.storage.session.set({ 'analysis:pending': { text: t, title: 'Selection on 127.0.0.1', source: 'selection', createdAt: Date.now() } }), text);
    const p2 = await h.openExtensionPage('analysis.html');
    await p2.waitForSelector('#result h2:text-is("Selection on 127.0.0.1")');
    expect(p2.url()).not.toContain('grandmother');
    await p2.close();
  });

  it('in French, the page and its gate speak French', async () => {
    await page.click('#nav-analyse');
    await page.selectOption('#page-lang', 'fr');
    await page.waitForFunction(() => document.documentElement.lang === 'fr' && !document.getElementById('progress'));
    await page.click('#set-table tbody th button:text-is("short.txt")');
    await expect(page.locator('#result .notice.gate').textContent()).resolves.toContain('Rien de sensé ne peut être dit');
    await page.click('#set-table tbody th button:text-is("essay-submission.md")');
    await page.waitForSelector('#result h2:text-is("essay-submission.md")');
    await h.screenshot(page, 'analysis-fr', false);
    await page.selectOption('#page-lang', 'en');
    await page.waitForFunction(() => document.documentElement.lang === 'en' && !document.getElementById('progress'));
  });

  it('is keyboard operable: file chooser, sort buttons, tabs', async () => {
    await page.click('#nav-analyse');
    await page.locator('#choose-files').focus();
    await page.waitForFunction(() => document.activeElement?.id === 'choose-files');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Enter')]);
    expect(chooser.isMultiple()).toBe(true);
    await chooser.setFiles([]);
    await page.locator('button.sort[data-sort="name"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('th[aria-sort="ascending"] button[data-sort="name"]');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-sort'))).toBe('name');
  });

  it('made no network request', () => {
    expect(h.networkViolations()).toEqual([]);
  });
});
