/**
 * Trusted messages and a page layer that cannot vanish silently, in Chromium (issue 11, items 3 and 7).
 *
 * Item 3: code running in the extension's isolated world of tab A (injected by the test with
 * `scripting.executeScript`, exactly where a compromised or buggy page layer would run) asks the background about
 * tab B: `get-state`, `set-highlights` (off), `focus`, and a `content-changed` naming tab B with 4.9 million
 * characters. Every one is refused with `{ ok: false, code: 'bad-request' }`, nothing of tab B leaks into an answer,
 * and tab B keeps its view and its highlights. The senders Chromium reports (an extension page in a tab, a content
 * script) are recorded and checked against src/shared/senders.ts.
 * Item 7: the page dispatches WXT's public "content script started" event, which invalidates the page layer: the
 * background learns at once (the layer's port closes, and it says so), the popup and the side panel show "off"
 * without being reloaded, and "Show on the page" in a side panel that missed the news says why nothing was shown
 * (it does not fail silently); the automation's `focus` answers `{ ok: false, gone: true }`.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { senderOf } from '@/src/shared/senders';
import { startHarness, type Harness } from './harness';

declare const chrome: {
  runtime: {
    id: string;
    getURL(p: string): string;
    sendMessage(m: unknown): Promise<unknown>;
    onMessage: { addListener(fn: (m: unknown, s: unknown) => void): void };
  };
  scripting: { executeScript(o: { target: { tabId: number }; world?: string; func: (...a: never[]) => unknown; args?: unknown[] }): Promise<{ result?: unknown }[]> };
};

type View = { phase: string; passages?: { text: string }[] };

const highlightCount = (page: Page) =>
  page.evaluate(() => {
    const reg = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    return ['mirage-1', 'mirage-2', 'mirage-3'].reduce((n, k) => n + (reg.get(k)?.size ?? 0), 0);
  });

describe('trusted messages and the page layer\'s end (Chromium)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('code in tab A\'s isolated world cannot read, switch off, point at or flood tab B', async () => {
    const a = await h.openFixture('article-en.html?tab=a');
    const b = await h.openFixture('article-fr.html?tab=b');
    const [tabA, tabB] = [await h.tabIdOf(a.url()), await h.tabIdOf(b.url())];
    expect(await h.send({ type: 'mirage:set-highlights', tabId: tabB, enabled: true })).toMatchObject({ ok: true });
    const viewB = await h.send<View>({ type: 'mirage:get-state', tabId: tabB });
    expect(viewB.phase).toBe('on');
    expect(viewB.passages?.length).toBeGreaterThan(0);
    const marksB = await highlightCount(b);
    expect(marksB).toBeGreaterThan(0);

    // the senders Chromium reports, recorded in the service worker: an extension page in a tab and a content script
    await h.worker.evaluate(() => {
      const g = globalThis as unknown as { seen: unknown[] };
      g.seen = [];
      chrome.runtime.onMessage.addListener((m, s) => {
        if ((m as { probe?: boolean }).probe) g.seen.push(s);
      });
    });
    await h.send({ probe: true });

    const answers = await h.worker.evaluate(async ({ tabA, tabB }) => {
      const [r] = await chrome.scripting.executeScript({
        target: { tabId: tabA },
        world: 'ISOLATED', // the extension's isolated world of tab A, where its page layer runs
        args: [tabB] as never[],
        func: ((b: number) => {
          const send = (m: unknown) => chrome.runtime.sendMessage(m).catch((e: unknown) => ({ thrown: String(e) }));
          return Promise.all([
            send({ probe: true }),
            send({ type: 'mirage:get-state', tabId: b }),
            send({ type: 'mirage:set-highlights', tabId: b, enabled: false }),
            send({ type: 'mirage:focus', tabId: b, analysis: 0, sentence: 0 }),
            send({ type: 'mirage:content-changed', tabId: b, removed: [0, 1, 2], added: [{ id: 90, text: 'x'.repeat(4_900_000), lang: 'en' }], full: true }),
            send({ type: 'mirage:content-changed', tabId: b, removed: [0, 1, 2], added: [], full: false }),
          ]);
        }),
      });
      return r?.result as unknown[];
    }, { tabA, tabB });
    const [, state, off, focus, flood, small] = answers as Record<string, unknown>[];
    for (const r of [state, off, focus, flood]) expect(r).toMatchObject({ ok: false, code: 'bad-request' });
    expect(JSON.stringify(answers)).not.toMatch(/passage|sentences|origin/i);
    expect(small).toEqual({ ok: false }); // about its own tab A, which is not on: nothing to follow, tab B untouched

    const seen = await h.worker.evaluate(() => (globalThis as unknown as { seen: { url?: string; tab?: { id?: number } }[] }).seen);
    const base = await h.worker.evaluate(() => chrome.runtime.getURL('/'));
    const id = await h.worker.evaluate(() => chrome.runtime.id);
    expect(seen).toHaveLength(2);
    expect(senderOf(seen[0], base, id)).toEqual({ kind: 'extension' });
    expect(senderOf(seen[1], base, id)).toEqual({ kind: 'page', tabId: tabA });

    const after = await h.send<View>({ type: 'mirage:get-state', tabId: tabB });
    expect(after).toEqual(viewB);
    expect(await highlightCount(b)).toBe(marksB);
    await h.send({ type: 'mirage:set-highlights', tabId: tabB, enabled: false });
    await Promise.all([a.close(), b.close()]);
  });

  it('a page that invalidates the page layer (WXT\'s public event): popup and side panel say off at once; "Show on the page" says why', async () => {
    const page = await h.openFixture('article-en.html?gone=1');
    const tabId = await h.tabIdOf(page.url());
    expect(await h.send({ type: 'mirage:set-highlights', tabId, enabled: true })).toMatchObject({ ok: true });
    expect(await highlightCount(page)).toBeGreaterThan(0);

    const popup = await h.openExtensionPage(`popup.html?tab=${tabId}`, { width: 360, height: 560 });
    const panel = await h.openExtensionPage(`sidepanel.html?tab=${tabId}`, { width: 420, height: 800 });
    // a second side panel that misses the background's news (its state-changed messages are dropped), as one that
    // is clicked in the moment between the page layer's end and the news
    const deaf = await h.context.newPage();
    await deaf.setViewportSize({ width: 420, height: 800 });
    await deaf.addInitScript(() => {
      const ev = chrome.runtime.onMessage;
      const add = ev.addListener.bind(ev);
      ev.addListener = (fn) => add((m, s) => ((m as { type?: string })?.type === 'mirage:state-changed' ? undefined : fn(m, s)));
    });
    await deaf.goto(`chrome-extension://${h.extensionId}/sidepanel.html?tab=${tabId}`);
    for (const p of [panel, deaf]) await p.waitForSelector('ol.passages li button.show');
    expect(await popup.isChecked('#toggle')).toBe(true);

    // the page's own script, in its main world
    await page.evaluate((id) => {
      document.dispatchEvent(new CustomEvent(`${id}:content:wxt:content-script-started`, { detail: { contentScriptName: 'content', messageId: 'page' } }));
    }, h.extensionId);
    await expect.poll(() => highlightCount(page)).toBe(0);
    await expect.poll(async () => (await h.send<View>({ type: 'mirage:get-state', tabId })).phase, { timeout: 5_000 }).toBe('off');
    // no reload: the open pages follow at once
    await expect.poll(() => popup.isChecked('#toggle'), { timeout: 5_000 }).toBe(false);
    await expect.poll(() => popup.textContent('#summary')).toContain('off');
    await panel.waitForSelector('#turn-on', { timeout: 5_000 });
    expect(await panel.locator('ol.passages').count()).toBe(0);

    // the panel that missed it still lists passages: its "Show on the page" says why nothing is shown
    await deaf.locator('ol.passages li button.show').first().click();
    const notice = deaf.locator('#panel-notice');
    await notice.waitFor({ state: 'visible', timeout: 5_000 });
    expect(await notice.getAttribute('role')).toBe('alert');
    expect(await notice.textContent()).toContain('no longer running on this page');
    await h.screenshot(deaf, 'trust-show-gone');
    expect(await h.send({ type: 'mirage:focus', tabId, analysis: 0, sentence: 0 })).toEqual({ ok: false, code: 'page-changed', gone: true });

    // and on again: a new page layer is injected, and the panel that followed lists passages again
    expect(await h.send({ type: 'mirage:set-highlights', tabId, enabled: true })).toMatchObject({ ok: true });
    expect(await highlightCount(page)).toBeGreaterThan(0);
    await panel.waitForSelector('ol.passages li button.show', { timeout: 5_000 });
    await expect.poll(() => popup.isChecked('#toggle')).toBe(true);
    await h.send({ type: 'mirage:set-highlights', tabId, enabled: false });
    await Promise.all([popup.close(), panel.close(), deaf.close(), page.close()]);
  });

  it('made no network request beyond the local fixture server', () => {
    expect(h.networkViolations()).toEqual([]);
  });
});
