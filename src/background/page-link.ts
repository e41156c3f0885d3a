/**
 * page-link — whether each tab's page layer is still there, so that the popup and the side panel never say "on"
 * for a page whose highlights are gone.
 *
 * What: every content script holds a `runtime.Port` named PAGE_PORT_PREFIX + its instance id from the moment it
 * starts (src/page/link.ts). `linkPage(tabId, instance, port)` keeps the newest port of each tab; when it
 * disconnects — the page layer's lifetime ended (WXT invalidated it: a page can dispatch WXT's public
 * "content script started" event), its document went away, its renderer crashed — the tab is switched off
 * (`pageGone`): its view says "off" at once, and every extension page is told. A page layer that ends also says so
 * in a message (`mirage:page-gone`), which reaches a service worker restarted in the meantime (a restart closes
 * every port; the content script connects again only when the background next talks to it, so that a page never
 * keeps the worker awake). `focus` ("Show on the page") finds out the same way when the page layer no longer answers.
 * Stale news is ignored: a port or message of an older page layer of the tab (a newer one holds the port), or a
 * tab that is not 'on' (a switch-on under way learns of it from its own messages).
 */
import { browser, type Browser } from 'wxt/browser';
import type { FocusResult, PingResult } from '../messaging';
import { currentSettings, getView, offView, record, resetPage, setView, tabs } from './tab-state';

interface Link {
  instance: string;
  port: Browser.runtime.Port;
}

const links = new Map<number, Link>();

/** The tab's page layer is gone: the tab is off (unless it was not on, or a newer page layer holds its port). */
export async function pageGone(tabId: number, instance?: string): Promise<boolean> {
  const link = links.get(tabId);
  if (instance !== undefined && link && link.instance !== instance) return false; // an older page layer's last word
  if (instance !== undefined) links.delete(tabId);
  const view = await getView(tabId);
  if (view.phase !== 'on') return false;
  const rec = tabs.get(tabId) ?? record(tabId);
  rec.run++;
  resetPage(rec);
  const s = await currentSettings();
  setView(tabId, { ...offView(tabId, s.sensitivity, view.scope), origin: view.origin });
  return true;
}

/** A page layer checked in (the port's sender was checked by the router: the top frame of tab `tabId`). */
export function linkPage(tabId: number, instance: string, port: Browser.runtime.Port): void {
  links.set(tabId, { instance, port });
  port.onDisconnect.addListener(() => {
    if (links.get(tabId)?.port !== port) return; // a newer page layer took over
    links.delete(tabId);
    void pageGone(tabId);
  });
}

/** Whether a page layer of the tab holds its port now (its document is still there). */
export function isLinked(tabId: number): boolean {
  return links.has(tabId);
}

/** The tab is gone (closed): forget its link. */
export function unlinkTab(tabId: number): void {
  links.delete(tabId);
}

/** "Show on the page": point at one passage. When the page layer does not answer, or answers that it has no session
 * any more, the tab is switched off and the answer says so (`gone`); the side panel words it. */
export async function focus(tabId: number, analysis: number, sentence: number): Promise<FocusResult> {
  let r: Partial<PingResult> | undefined;
  try {
    r = await browser.tabs.sendMessage<unknown, Partial<PingResult> | undefined>(tabId, { type: 'mirage:scroll-to', analysis, sentence }, { frameId: 0 });
  } catch {
    r = undefined; // nobody listens in that tab any more
  }
  if (r?.ok === true) return { ok: true };
  const gone = r?.active !== true;
  if (gone) await pageGone(tabId);
  return { ok: false, code: 'page-changed', gone };
}
