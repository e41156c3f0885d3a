/**
 * tab — which tab an extension page is about, and its state from the background.
 * `?tab=ID` in the page URL wins (tests open pages as tabs; the side panel may be given its tab); otherwise the
 * active tab of the current window.
 */
import { browser } from 'wxt/browser';
import type { SetHighlightsResult, TabView } from '../messaging';

export async function targetTab(): Promise<{ id: number; url?: string; title?: string } | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null && /^\d+$/.test(param)) {
    const id = Number(param);
    try {
      const tab = await browser.tabs.get(id);
      return { id, url: tab.url, title: tab.title };
    } catch {
      return { id };
    }
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id !== undefined ? { id: tab.id, url: tab.url, title: tab.title } : undefined;
}

/** While a tab's view says 'working', the popup and side panel ask again this often: a service worker stopped in the
 * middle of an analysis tells nobody, and the new one answers 'off' (src/background/tab-state.ts). */
export const WORKING_RECHECK_MS = 3000;

export function getState(tabId: number): Promise<TabView> {
  return browser.runtime.sendMessage<unknown, TabView>({ type: 'mirage:get-state', tabId });
}

export function setHighlights(tabId: number, enabled: boolean): Promise<SetHighlightsResult> {
  return browser.runtime.sendMessage<unknown, SetHighlightsResult>({ type: 'mirage:set-highlights', tabId, enabled });
}

/** The message key that names the panel as the browser does: Chrome's "side panel", Firefox's "sidebar". */
export function panelKey(firefox = import.meta.env.FIREFOX): 'popup_openPanel' | 'popup_openSidebar' {
  return firefox ? 'popup_openSidebar' : 'popup_openPanel';
}

/** Open the side panel (Chrome) or sidebar (Firefox). Must run inside a click handler, before any await. */
export function openSidePanel(tabId: number, windowId?: number): Promise<void> {
  const g = globalThis as unknown as {
    chrome?: { sidePanel?: { open(o: { tabId?: number; windowId?: number }): Promise<void> } };
    browser?: { sidebarAction?: { open(): Promise<void> } };
  };
  if (g.chrome?.sidePanel?.open) return g.chrome.sidePanel.open(windowId !== undefined ? { windowId } : { tabId });
  if (g.browser?.sidebarAction?.open) return g.browser.sidebarAction.open();
  return Promise.resolve();
}
