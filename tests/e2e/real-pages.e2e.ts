/**
 * Real pages in Chromium: shadow DOM, same-origin iframes, tables and lists, right-to-left text, an unsupported
 * language, mixed languages, code only, images only, an empty body, one 50,000-word paragraph, text that looks like
 * markup, a page that changes, errors, restricted pages and 100 on/off cycles. Fixtures: tests/e2e/fixtures/hard/.
 * Every test asserts its outcome and that switching off restores the page exactly (document body, and the inner
 * content of shadow roots and frames). Speed and memory figures come from `npm run bench:page`; one test traces the
 * 100,000-word page (tests/e2e/trace.ts, shared with the bench) and bounds its main-thread tasks.
 * Screenshots: test-results/screenshots/real-*.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { LONG_TASK_MS, traced } from './trace';
import { PASSAGES_LISTED } from '../../src/messaging';

declare const chrome: {
  tabs: { create(o: object): Promise<{ id?: number }>; remove(id: number): Promise<void>; sendMessage(id: number, m: unknown): Promise<unknown> };
};

type Result = { ok: true; sentences: number; flagged: number; ms: number } | { ok: false; error: string; code: string };
interface Debug { sessions: number; observers: number; timers: number; blocks: number; items: number; styles: number }

/** Everything a switch-off must give back: light DOM, every open shadow root, every same-origin frame. */
const trace = (page: Page) =>
  page.evaluate(() => {
    const shadows: string[] = [];
    const walk = (root: Document | ShadowRoot | Element) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) {
          shadows.push(el.shadowRoot.innerHTML);
          walk(el.shadowRoot);
        }
      }
    };
    walk(document);
    const frames = [...document.querySelectorAll('iframe')].map((f) => f.contentDocument?.body?.innerHTML ?? null);
    return {
      body: document.body.innerHTML,
      shadows,
      frames,
      sheets: document.adoptedStyleSheets.length,
      marks: document.querySelectorAll('mirage-mark').length,
    };
  });

const ranges = (page: Page) =>
  page.evaluate(() => {
    const reg = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    return ['mirage-1', 'mirage-2', 'mirage-3'].flatMap((n) => [...(reg.get(n) ?? [])]).map((r) => ({
      text: r.toString(),
      inShadow: r.startContainer.getRootNode() instanceof ShadowRoot,
      sameCell: (() => {
        const cell = (n: Node) => (n.nodeType === 1 ? (n as Element) : n.parentElement)?.closest('td, th, li, dd, dt');
        return cell(r.startContainer) === cell(r.endContainer);
      })(),
    }));
  });

describe('real pages in Chromium', () => {
  let h: Harness;
  const dialogs: string[] = [];
  beforeAll(async () => {
    h = await startHarness();
    h.context.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    h.context.on('page', (p) => p.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss().catch(() => undefined);
    }));
  });
  afterAll(async () => {
    await h?.close();
  });

  const on = (tabId: number) => h.send<Result>({ type: 'mirage:set-highlights', tabId, enabled: true });
  const off = (tabId: number) => h.send<Result>({ type: 'mirage:set-highlights', tabId, enabled: false });
  const debug = (tabId: number) => h.worker.evaluate(([id]) => chrome.tabs.sendMessage(id, { type: 'mirage:debug' }), [tabId] as const) as Promise<Debug>;

  async function open(name: string) {
    const page = await h.openFixture(`hard/${name}`);
    const tabId = await h.tabIdOf(page.url());
    return { page, tabId, before: await trace(page) };
  }

  async function offRestores(page: Page, tabId: number, before: Awaited<ReturnType<typeof trace>>) {
    expect((await off(tabId)).ok).toBe(true);
    expect(await trace(page)).toEqual(before);
    expect(await ranges(page)).toEqual([]);
  }

  it('shadow DOM: text in open shadow roots is read and highlighted, then restored', async () => {
    const { page, tabId, before } = await open('shadow.html');
    const r = await on(tabId);
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const rs = await ranges(page);
    expect(rs.length).toBeGreaterThan(0);
    expect(rs.some((x) => x.inShadow)).toBe(true);
    expect((await trace(page)).shadows).toEqual(before.shadows);
    await h.screenshot(page, 'real-shadow');
    await offRestores(page, tabId, before);
    await page.close();
  });

  it('main text: Readability, injected on its own into a page small enough for it, leaves the comments out; a page past its size is read whole', async () => {
    const inComments = (page: Page) =>
      page.evaluate(() => {
        const reg = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
        const box = document.getElementById('comments')!;
        return ['mirage-1', 'mirage-2', 'mirage-3'].flatMap((n) => [...(reg.get(n) ?? [])]).filter((r) => box.contains(r.startContainer)).length;
      });
    const small = await open('comments.html');
    const r = await on(small.tabId);
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const d = await debug(small.tabId);
    expect(d.blocks).toBeGreaterThanOrEqual(8); // the story's eight paragraphs
    expect(d.blocks).toBeLessThanOrEqual(9); // and its title at most: no comment
    expect(await inComments(small.page)).toBe(0);
    // the library lives in the extension's isolated world only: the page's own scripts never see it
    expect(await small.page.evaluate(() => Object.keys(window).filter((k) => /mirage/i.test(k)))).toEqual([]);
    await offRestores(small.page, small.tabId, small.before);
    await small.page.close();

    const big = await open('comments.html?big');
    const rb = await on(big.tabId);
    expect(rb.ok, JSON.stringify(rb)).toBe(true);
    expect((await debug(big.tabId)).blocks).toBeGreaterThanOrEqual(8 + 3); // the comments are read too
    await offRestores(big.page, big.tabId, big.before);
    await big.page.close();
  });

  it('same-origin iframe: the framed article is highlighted in its own document, then both are restored', async () => {
    const { page, tabId, before } = await open('iframe.html');
    const r = await on(tabId);
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const frame = page.frames().find((f) => f !== page.mainFrame())!;
    const inFrame = await frame.evaluate(() => {
      const reg = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      return ['mirage-1', 'mirage-2', 'mirage-3'].reduce((n, k) => n + (reg.get(k)?.size ?? 0), 0);
    });
    expect(inFrame).toBeGreaterThan(0);
    await offRestores(page, tabId, before);
    expect(await frame.evaluate(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size)).toBe(0);
    await page.close();
  });

  it('soft hyphens and zero-width spaces in the page (&shy;): the same highlights on the same words as without them', async () => {
    const read = async (disguise: boolean) => {
      const page = await h.openFixture(`article-en.html?disguised=${disguise}`);
      const tabId = await h.tabIdOf(page.url());
      if (disguise) {
        // as a site that hyphenates for line breaking writes its words: a soft hyphen inside every long word, and a
        // zero-width space after some of them
        await page.evaluate(() => {
          const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          let n = 0;
          for (let t = w.nextNode() as Text | null; t; t = w.nextNode() as Text | null) {
            t.data = t.data.replace(/\p{L}{6,}/gu, (x) => `${x.slice(0, 3)}\u00AD${x.slice(3)}${++n % 4 === 0 ? '\u200B' : ''}`);
          }
        });
      }
      const r = await on(tabId);
      expect(r.ok, JSON.stringify(r)).toBe(true);
      const texts = (await ranges(page)).map((x) => x.text.replace(/[\u00AD\u200B]/g, ''));
      const raw = (await ranges(page)).map((x) => x.text);
      expect((await off(tabId)).ok).toBe(true);
      await page.close();
      return { r: r as Result & { ok: true }, texts, raw };
    };
    const clean = await read(false);
    const disguised = await read(true);
    expect(clean.texts.length).toBeGreaterThan(0);
    expect(disguised.raw.some((t) => t.includes('\u00AD'))).toBe(true); // the page really carried them
    expect([disguised.r.sentences, disguised.r.flagged]).toEqual([clean.r.sentences, clean.r.flagged]);
    expect(disguised.texts).toEqual(clean.texts);
  });

  it('tables and lists: no highlighted sentence runs across cells or items', async () => {
    const { page, tabId, before } = await open('tables-lists.html');
    const r = await on(tabId);
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const rs = await ranges(page);
    expect(rs.length).toBeGreaterThan(0);
    expect(rs.every((x) => x.sameCell)).toBe(true);
    await offRestores(page, tabId, before);
    await page.close();
  });

  it('right-to-left Arabic with a short English section: says what it cannot score, never breaks the page', async () => {
    const { page, tabId, before } = await open('rtl.html');
    const r = await on(tabId);
    if (!r.ok) expect(r.error).toMatch(/Arabic|only English and French|Too short/);
    const panel = await h.openExtensionPage(`sidepanel.html?tab=${tabId}`, { width: 420, height: 800 });
    await panel.waitForSelector('#page p.status, #page .summary');
    expect(await panel.textContent('#page')).toMatch(/Arabic/);
    await h.screenshot(panel, 'real-sidepanel-rtl');
    await panel.close();
    await offRestores(page, tabId, before);
    await page.close();
  });

  it('a language the engine does not support (German): says so, scores nothing, highlights nothing', async () => {
    const { page, tabId, before } = await open('german.html');
    const r = await on(tabId);
    expect(r).toMatchObject({ ok: false, code: 'unsupported-language' });
    if (!r.ok) expect(r.error).toMatch(/German text: only English and French can be measured/);
    expect(await ranges(page)).toEqual([]);
    expect(await trace(page)).toEqual(before);
    const panel = await h.openExtensionPage(`sidepanel.html?tab=${tabId}`, { width: 420, height: 700 });
    await panel.waitForSelector('#page-error');
    expect(await panel.textContent('#page-error')).toMatch(/German/);
    expect(await panel.textContent('body')).not.toMatch(/AI-generated|probability/i);
    await h.screenshot(panel, 'real-sidepanel-unsupported');
    await panel.close();
    await offRestores(page, tabId, before);
    await page.close();
  });

  it('mixed English and French: each block is analysed in its own language, both listed in the side panel', async () => {
    const { page, tabId, before } = await open('mixed.html');
    const r = await on(tabId);
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const panel = await h.openExtensionPage(`sidepanel.html?tab=${tabId}`, { width: 420, height: 1000 });
    await panel.waitForSelector('.groups-list');
    const langs = await panel.$$eval('.groups-list li.group', (ls) => ls.map((l) => l.getAttribute('data-lang')));
    expect(langs.sort()).toEqual(['en', 'fr']);
    const groupText = await panel.textContent('.groups');
    expect(groupText).toContain('English');
    expect(groupText).toContain('French');
    await h.screenshot(panel, 'real-sidepanel-mixed', true);
    await panel.close();
    await offRestores(page, tabId, before);
    await page.close();
  });

  it.each([
    ['code-only.html'],
    ['images-only.html'],
    ['empty.html'],
  ])('%s: a clear "no readable text" answer, page untouched', async (name) => {
    const { page, tabId, before } = await open(name);
    const r = await on(tabId);
    expect(r).toMatchObject({ ok: false });
    if (!r.ok) expect(r.error).toMatch(/No readable text|Too short/);
    expect(await trace(page)).toEqual(before);
    expect(await debug(tabId)).toMatchObject({ sessions: 0, observers: 0, items: 0 });
    await page.close();
  });

  it('one paragraph of 50,000 words: highlighted and restored', async () => {
    const { page, tabId, before } = await open('one-paragraph.html');
    const r = await on(tabId);
    expect(r.ok, JSON.stringify(r)).toBe(true);
    if (r.ok) console.log(`one paragraph: ${r.sentences} sentences, ${r.flagged} flagged, ${r.ms} ms`);
    expect((await ranges(page)).length).toBe(r.ok ? r.flagged : -1);
    await offRestores(page, tabId, before);
    await page.close();
  });

  it('text that looks like markup stays text: no dialog, no injected element in page, popup or side panel', async () => {
    const { page, tabId, before } = await open('markup-text.html');
    const r = await on(tabId);
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const panel = await h.openExtensionPage(`sidepanel.html?tab=${tabId}`, { width: 420, height: 900 });
    await panel.waitForSelector('ol.passages li');
    const popup = await h.openExtensionPage(`popup.html?tab=${tabId}`, { width: 360, height: 560 });
    await popup.waitForSelector('#summary');
    await new Promise((ok) => setTimeout(ok, 500));
    for (const p of [page, panel, popup]) {
      expect(await p.evaluate(() => document.querySelectorAll('img[src="x"], svg[onload], img[onerror], script:not([src])').length)).toBe(0);
    }
    const quoted = (await panel.$$eval('ol.passages blockquote', (qs) => qs.map((q) => q.textContent ?? ''))).join(' ');
    expect(quoted).toMatch(/<img src=x onerror=alert\(1\)>|<\/script>|<svg onload/);
    expect(dialogs).toEqual([]);
    await Promise.all([panel.close(), popup.close()]);
    await offRestores(page, tabId, before);
    await page.close();
  });

  it('a changing page: new stories are analysed when they appear, a flood is one rescan, removed stories drop out', async () => {
    const { page, tabId } = await open('changing.html');
    await page.evaluate(() => (window as unknown as { __fixture: { append(n: number): Promise<number> } }).__fixture.append(4));
    const r = await on(tabId);
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const state = () => h.send<{ blocks?: number; passages?: { text: string }[] }>({ type: 'mirage:get-state', tabId });
    const blocks0 = (await state()).blocks ?? 0;
    const fx = (code: string) => page.evaluate(code);
    await fx('window.__fixture.append(3)');
    await expect.poll(async () => (await state()).blocks ?? 0, { timeout: 10_000 }).toBeGreaterThan(blocks0);
    const blocks1 = (await state()).blocks ?? 0;
    await fx('window.__fixture.flood(500)');
    await expect.poll(async () => (await state()).blocks ?? 0, { timeout: 15_000 }).toBeGreaterThan(blocks1);
    expect((await debug(tabId)).timers).toBe(0);
    // removal: the first story's sentences leave the highlights and the side panel
    const first = (await fx('document.querySelector("#main article").textContent')) as string;
    await fx('window.__fixture.removeFirst()');
    await expect.poll(async () => {
      const ps = (await state()).passages ?? [];
      return ps.some((p) => first.includes(p.text.replace(/…$/, '').slice(0, 40)));
    }, { timeout: 10_000 }).toBe(false);
    expect((await ranges(page)).every((x) => !first.includes(x.text.slice(0, 40)))).toBe(true);
    // SPA navigation replaces the content: analysed again
    await fx('window.__fixture.navigate("about")');
    await new Promise((ok) => setTimeout(ok, 1500));
    // the page changed itself: what must come back is its current DOM, without our stylesheet
    const before = { ...(await trace(page)), sheets: 0 };
    await offRestores(page, tabId, before);
    expect(await debug(tabId)).toMatchObject({ sessions: 0, observers: 0, timers: 0, items: 0 });
    await page.close();
  });

  it('an error inside the analysis never breaks the page and is reported in the side panel', async () => {
    const page = await h.openFixture('hard/article-2000.html');
    await page.evaluate(() => document.documentElement.setAttribute('data-mirage-test-fail', 'extract'));
    const tabId = await h.tabIdOf(page.url());
    const before = await trace(page);
    const r = await on(tabId);
    expect(r).toMatchObject({ ok: false, code: 'engine' });
    expect(await trace(page)).toEqual(before);
    const panel = await h.openExtensionPage(`sidepanel.html?tab=${tabId}`, { width: 420, height: 600 });
    await panel.waitForSelector('#page-error');
    expect(await panel.textContent('#page-error')).toMatch(/The analysis failed: test failure in extract/);
    expect(await panel.textContent('#page')).toMatch(/Nothing on the page was changed/);
    await h.screenshot(panel, 'real-sidepanel-error');
    await panel.close();
    await page.evaluate(() => document.documentElement.setAttribute('data-mirage-test-fail', 'paint'));
    expect(await on(tabId)).toMatchObject({ ok: false, code: 'engine' });
    expect(await ranges(page)).toEqual([]);
    await page.evaluate(() => document.documentElement.removeAttribute('data-mirage-test-fail'));
    expect((await on(tabId)).ok).toBe(true);
    await off(tabId);
    await page.close();
  });

  it('the popup says clearly that a browser page cannot be read', async () => {
    const controller = await h.controller();
    const tabId = await controller.evaluate(async () => (await chrome.tabs.create({ url: 'chrome://version', active: false })).id!);
    await new Promise((ok) => setTimeout(ok, 500));
    const popup = await h.openExtensionPage(`popup.html?tab=${tabId}`, { width: 360, height: 480 });
    await popup.waitForSelector('#summary');
    expect(await popup.textContent('#summary')).toMatch(/Browser pages .* are protected/);
    expect(await popup.isDisabled('#toggle')).toBe(true);
    await h.screenshot(popup, 'real-popup-restricted');
    const r = await on(tabId);
    expect(r).toMatchObject({ ok: false, code: 'no-access' });
    await popup.close();
    await controller.evaluate((id) => chrome.tabs.remove(id), tabId);
  });

  it('100 on/off cycles leave no highlight, mark, observer or timer behind, and no growth in memory', async () => {
    const { page, tabId, before } = await open('article-2000.html');
    const cdp = await page.context().newCDPSession(page);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const u = (await cdp.send('Runtime.getHeapUsage')) as unknown as { usedSize: number; embedderHeapUsedSize?: number };
      return u.usedSize + (u.embedderHeapUsedSize ?? 0);
    };
    // warm: first injection and a first cycle
    expect((await on(tabId)).ok).toBe(true);
    await off(tabId);
    const h0 = await heap();
    for (let i = 0; i < 100; i++) {
      const a = await on(tabId);
      const b = await off(tabId);
      if (!a.ok || !b.ok) throw new Error(`cycle ${i}: ${JSON.stringify([a, b])}`);
    }
    const h1 = await heap();
    console.log(`100 cycles: heap ${(h0 / 1048576).toFixed(1)} MB -> ${(h1 / 1048576).toFixed(1)} MB (V8 + Blink after GC)`);
    expect(h1 - h0).toBeLessThan(5 * 1048576);
    expect(await trace(page)).toEqual(before);
    expect(await ranges(page)).toEqual([]);
    expect(await debug(tabId)).toEqual({ sessions: 0, observers: 0, timers: 0, blocks: 0, items: 0, styles: 0 });
    await cdp.detach();
    await page.close();
  });

  // Measured on this 2-core machine (warm, traced), ten runs: switching off 13–24 ms longest task, stable, asserted
  // (50 ms + 10 ms for tracing overhead); switching on 18–41 ms in most runs, but now and then one frame of 53–62 ms
  // (the page-wide style recalculation that adding the highlight stylesheet causes, or a minor GC, stretched by
  // tracing on a busy machine): not stable below 50 ms here, so only logged, with a bound that catches the old
  // behaviour (one 186 ms task from registering every range at once). Full figures: npm run bench:page.
  it('100,000 words in the side panel: the 300 most predictable passages, 100 at a time; any of them is shown on the page', async () => {
    const { page, tabId, before } = await open('huge.html?panel');
    const r = await on(tabId);
    expect(r.ok, JSON.stringify(r)).toBe(true);
    if (!r.ok) return;
    const panel = await h.openExtensionPage(`sidepanel.html?tab=${tabId}`, { width: 400, height: 900 });
    await panel.waitForSelector('ol.passages li');
    const items = panel.locator('ol.passages > li');
    expect(await items.count()).toBe(100);
    await expect(panel.locator('#passages .count').textContent()).resolves.toBe(
      `${r.flagged} passages at the current sensitivity: too many to read as a list, so the ${PASSAGES_LISTED} most predictable are listed here, in page order. The page shows them all.`,
    );
    await panel.click('#passages-more');
    expect(await items.count()).toBe(200);
    expect(await panel.evaluate(() => document.activeElement === document.querySelectorAll('ol.passages > li')[100]!.querySelector('button.show'))).toBe(true);
    await panel.click('#passages-more');
    expect(await items.count()).toBe(PASSAGES_LISTED);
    expect(await panel.locator('#passages-more').isHidden()).toBe(true);
    // a passage far down the page, in a block that was not painted yet: it is painted and marked (the smooth scroll
    // that follows is not asserted: the fixture page sits in a background tab here, where it does not run). The
    // fixture's sentences come from templates, so several listed passages can read alike (equal scores are listed in
    // page order): take the last listed one whose words are not painted anywhere yet.
    const norm = (x: string) => x.replace(/\s+/g, ' ');
    const painted = (await ranges(page)).map((x) => norm(x.text));
    const quotes = (await panel.$$eval('ol.passages > li blockquote', (bs) => bs.map((b) => b.textContent ?? ''))).map((q) => q.replace(/…$/, '').slice(0, 40));
    const pick = quotes.findLastIndex((q) => !painted.some((t) => t.includes(q)));
    expect(pick, 'a listed passage in a block not painted yet').toBeGreaterThan(0);
    const quote = quotes[pick]!;
    await items.nth(pick).locator('button.show').click();
    await expect.poll(() => page.evaluate(() => {
      const f = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('mirage-focus');
      return f ? [...f][0]!.toString().replace(/\s+/g, ' ') : '';
    })).toContain(quote);
    // and its block's highlights are registered now
    expect((await ranges(page)).some((x) => norm(x.text).includes(quote))).toBe(true);
    await offRestores(page, tabId, before);
    await Promise.all([panel.close(), page.close()]);
  });

  // Issue 12: a reader's first click on a new article. The content script is injected during the traced window
  // (the page has none before: a ping is refused), Readability after it (the article is small enough for it).
  // Measured with npm run bench:page on this 2-core machine (first switch-on in a fresh tab, traced): longest task
  // 10-33 ms over 15 runs, and 11-21 ms in fresh browsers. Asserted below 50 ms plus 10 ms for what tracing itself
  // adds to a task (the trace's own bookkeeping on the renderer's main thread, stretched on a loaded machine).
  it('the article: the traced first switch-on (first injection) has no main-thread task over 50 ms (+10 ms tracing margin)', async () => {
    const page = await h.openFixture('hard/article-2000.html?first-click');
    const tabId = await h.tabIdOf(page.url());
    const ping = () => h.worker.evaluate(([id]) => chrome.tabs.sendMessage(id, { type: 'mirage:ping' }).then(() => 'answered', () => 'refused'), [tabId] as const);
    expect(await ping()).toBe('refused'); // no page layer yet: this switch-on injects it
    const a = await traced(page, 750, 60_000, () => on(tabId));
    expect(a.result?.ok, JSON.stringify(a.result)).toBe(true);
    expect(await ping()).toBe('answered');
    console.log(`article, first switch-on: ${a.stats.tasks} tasks, longest ${Math.round(a.stats.longestMs)} ms${a.stats.longTasks.map((x) => `\n  ${Math.round(x.ms)} ms: ${x.what}`).join('')}`);
    expect(a.stats.tasks, a.stats.note).toBeGreaterThan(0);
    expect(a.stats.longestMs, a.stats.longTasks.map((x) => x.what).join('; ')).toBeLessThan(LONG_TASK_MS + 10);
    expect((await ranges(page)).length).toBeGreaterThan(0);
    expect((await off(tabId)).ok).toBe(true);
    await page.close();
  });

  it('100,000 words: lazy highlights; no main-thread task over 50 ms switching off, none near the old 186 ms switching on (Chromium trace)', async () => {
    const { page, tabId, before } = await open('huge.html');
    // warm: the first injection (script evaluation) and the engine's first run are measured by bench:page
    expect((await on(tabId)).ok).toBe(true);
    expect((await off(tabId)).ok).toBe(true);
    const a = await traced(page, 750, 60_000, () => on(tabId));
    expect(a.result?.ok, JSON.stringify(a.result)).toBe(true);
    // only what is near the screen is in the registry; every flagged sentence is counted
    const registered = (await ranges(page)).length;
    // the side panel's view lists the most predictable passages, and says how many there are in all
    const view = await h.send<{ passages?: unknown[]; passagesTotal?: number }>({ type: 'mirage:get-state', tabId });
    expect(view.passages).toHaveLength(PASSAGES_LISTED);
    if (a.result?.ok) expect(view.passagesTotal).toBe(a.result.flagged);
    const b = await traced(page, 750, 60_000, () => off(tabId));
    expect(b.result?.ok).toBe(true);
    for (const [dir, t] of [['on', a.stats], ['off', b.stats]] as const) {
      console.log(`huge page, switching ${dir}: ${t.tasks} tasks, ${t.long} over ${LONG_TASK_MS} ms, longest ${Math.round(t.longestMs)} ms${t.longTasks.map((x) => `\n  ${Math.round(x.ms)} ms: ${x.what}`).join('')}`);
      expect(t.tasks, t.note).toBeGreaterThan(0);
    }
    expect(b.stats.longestMs, b.stats.longTasks.map((x) => x.what).join('; ')).toBeLessThan(LONG_TASK_MS + 10);
    expect(a.stats.longestMs, a.stats.longTasks.map((x) => x.what).join('; ')).toBeLessThan(150);
    if (a.result?.ok) {
      console.log(`huge page: ${a.result.flagged} flagged, ${registered} ranges registered while on, ${a.result.ms} ms`);
      expect(registered).toBeGreaterThan(0);
      expect(registered).toBeLessThan(a.result.flagged);
    }
    expect(await trace(page)).toEqual(before);
    expect(await ranges(page)).toEqual([]);
    await page.close();
  });

  it('made no network request beyond the local fixture server', () => {
    expect(h.networkViolations()).toEqual([]);
  });
});
