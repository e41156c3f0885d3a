/**
 * sites — the reader's "always analyse here" sites, the tab lifecycle, and settings changes: a navigation ends the
 * page's session, a site on the list with its host permission starts a new one when the page is loaded, a
 * withdrawn site permission also withdraws the site from the list, a closed tab is forgotten, and a sensitivity
 * or legend change re-levels the tabs that are on.
 */
import { browser, type Browser } from 'wxt/browser';
import { originOf, originPattern, saveSettings, watchSettings } from '../settings';
import { documentLoading, forgetDocument } from './content-script';
import { isLinked, unlinkTab } from './page-link';
import { changedLook, relevel, setHighlights } from './pipeline';
import { warmOnPageLoaded } from './warm';
import { currentSettings, forgetTab, getView, knownSettings, offView, resetPage, setKnownSettings, setView, tabs } from './tab-state';

/** tabs.onUpdated: a navigation ends the page's session; a web page that finished loading warms the engine (a
 * switch-on may follow: warm.ts `warmOnPageLoaded`); "always analyse" sites start a new one. A same-document
 * navigation (history.pushState, a #fragment: Chrome reports 'loading' for it too) keeps the document, its page layer
 * and the layer's port: the tab stays on and the layer follows the page's changes. A new document closes that port,
 * which switches the tab off (page-link.ts), whichever of the two events comes first. */
async function onTabUpdated(tabId: number, info: { status?: string }, tab: Browser.tabs.Tab): Promise<void> {
  if (info.status === 'loading') {
    if (isLinked(tabId)) return;
    documentLoading(tabId); // no page layer in a new document: the next switch-on injects without asking first
    const rec = tabs.get(tabId);
    if (rec && rec.view.phase !== 'off') {
      rec.run++;
      resetPage(rec);
      setView(tabId, offView(tabId, (await currentSettings()).sensitivity));
    }
    return;
  }
  if (info.status !== 'complete') return;
  if (/^(?:https?|file):/.test(tab.url ?? '')) warmOnPageLoaded();
  const origin = originOf(tab.url);
  const s = await currentSettings();
  if (!origin || !s.alwaysOrigins.includes(origin)) return;
  if (!(await browser.permissions.contains({ origins: [originPattern(origin)] }))) return;
  const v = await getView(tabId);
  if (v.phase === 'off') await setHighlights(tabId, true, 'page');
}

/** A withdrawn site permission also withdraws "always analyse" there (in Firefox, on each port of that host). */
async function onPermissionsRemoved(p: Browser.permissions.Permissions): Promise<void> {
  const s = await currentSettings();
  const gone = new Set(p.origins ?? []);
  const keep = s.alwaysOrigins.filter((o) => !gone.has(originPattern(o)));
  if (keep.length !== s.alwaysOrigins.length) await saveSettings({ alwaysOrigins: keep });
}

export function startSites(): void {
  browser.tabs.onUpdated.addListener((tabId, info, tab) => void onTabUpdated(tabId, info, tab));
  browser.tabs.onRemoved.addListener((tabId) => {
    forgetTab(tabId);
    unlinkTab(tabId);
    forgetDocument(tabId);
  });
  browser.permissions.onRemoved?.addListener((p) => void onPermissionsRemoved(p));
  watchSettings((next) => {
    const before = knownSettings();
    setKnownSettings(next);
    if (before && changedLook(before, next)) void relevel(next);
  });
}
