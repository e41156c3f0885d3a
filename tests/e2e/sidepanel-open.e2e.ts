/**
 * Opening the real side panel from the popup, in Chromium (test build .output-e2e/chrome-mv3: `npm run build:e2e`).
 *
 * `chrome.sidePanel.open()` needs a user gesture, so the popup (opened as a tab about the article) gets a real
 * Playwright click on "Open the side panel". Headless Chromium (156, new headless) does open the panel: it shows up
 * as an extension context of type SIDE_PANEL (`chrome.runtime.getContexts`), fires `chrome.sidePanel.onOpened`, and
 * is a CDP "page" target — but Playwright does not hand it out as a Page (it is not in `context.pages()`), so its
 * DOM is read from another extension page of the same extension through `chrome.extension.getViews()`.
 * The popup closes itself only when `sidePanel.open()` resolved (src/pages/popup.ts), which is asserted too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

type Ctx = { contextType: string; documentUrl?: string };
type PanelView = { url: string; passages: number; turnOn: boolean; facts: string };

declare const chrome: {
  runtime: { getContexts(filter: { contextTypes: string[] }): Promise<Ctx[]> };
  sidePanel: { onOpened?: { addListener(fn: (info: { path?: string; windowId?: number }) => void): void } };
  extension: { getViews(): Window[] };
};

describe('side panel opened from the popup (Chromium)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a real click on "Open the side panel" opens sidepanel.html, which follows the article', async () => {
    const page = await h.openFixture('article-en.html');
    const tabId = await h.tabIdOf(page.url());
    const on = await h.send<{ ok: boolean; flagged: number }>({ type: 'mirage:set-highlights', tabId, enabled: true });
    expect(on.ok).toBe(true);

    const ctl = await h.controller();
    const sidePanels = () => ctl.evaluate(() => chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] }));
    expect(await sidePanels()).toEqual([]);
    await ctl.evaluate(() => {
      const w = window as unknown as { opened: unknown[] };
      w.opened = [];
      chrome.sidePanel.onOpened?.addListener((info) => w.opened.push(info));
    });

    const popup = await h.openExtensionPage(`popup.html?tab=${tabId}`, { width: 360, height: 560 });
    const errors: string[] = [];
    popup.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    popup.on('pageerror', (e) => errors.push(String(e)));
    const button = popup.getByRole('button', { name: 'Open the side panel' });
    await button.waitFor();
    const closed = popup.waitForEvent('close', { timeout: 10_000 });
    await button.click(); // a real, trusted click: the user gesture sidePanel.open() requires
    await closed; // the popup closes itself once sidePanel.open() has resolved
    expect(errors).toEqual([]);

    const url = `chrome-extension://${h.extensionId}/sidepanel.html`;
    await expect.poll(async () => (await sidePanels()).map((c) => c.documentUrl)).toEqual([url]);
    await expect
      .poll(() => ctl.evaluate(() => (window as unknown as { opened: { path?: string }[] }).opened.map((o) => o.path)))
      .toEqual(['/sidepanel.html']);
    const cdp = await h.context.newCDPSession(ctl);
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { type: string; url: string }[] };
    expect(targetInfos.filter((t) => t.url === url).map((t) => t.type)).toEqual(['page']);
    expect(h.context.pages().some((p) => p.url() === url)).toBe(false); // not a Playwright Page (see above)
    await cdp.detach();

    // the panel follows the active tab: bring the article to the front and it lists the article's passages
    await page.bringToFront();
    const panelView = () =>
      ctl.evaluate((u) => {
        const w = chrome.extension.getViews().find((v) => v.location.href === u);
        if (!w) return undefined;
        const d = w.document;
        return {
          url: w.location.href,
          passages: d.querySelectorAll('ol.passages li blockquote').length,
          turnOn: !!d.querySelector('#turn-on'),
          facts: d.querySelector('dl.facts')?.textContent ?? '',
        } satisfies PanelView;
      }, url);
    await expect.poll(async () => (await panelView())?.passages, { timeout: 10_000 }).toBe(on.flagged);
    const view = (await panelView())!;
    expect(view.turnOn).toBe(false);
    expect(view.facts).toContain('English');

    // switching off from the automation message shows in the open panel too
    await h.send({ type: 'mirage:set-highlights', tabId, enabled: false });
    await expect.poll(async () => (await panelView())?.turnOn, { timeout: 10_000 }).toBe(true);
    expect(h.networkViolations()).toEqual([]);
  });
});
