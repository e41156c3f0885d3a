/**
 * menus — the context menu (analyse the page or the selection, clear, check the selection on the analysis page;
 * the toolbar button's own menu opens the analysis page or the lab) and the keyboard command (Alt+Shift+L toggles
 * the active tab). Titles are in the browser's UI language.
 */
import { browser, type Browser } from 'wxt/browser';
import { originOf } from '../settings';
import { t, uiLanguage } from '../shared/i18n';
import { openAnalysisPage, openLabPage } from '../shared/open-pages';
import { setHighlights, toggle } from './pipeline';

export const COMMAND_TOGGLE = 'toggle-analysis';
const MENU_PAGE = 'mirage-analyse-page';
const MENU_SELECTION = 'mirage-analyse-selection';
const MENU_CLEAR = 'mirage-clear';
const MENU_CHECK_SELECTION = 'mirage-check-selection';
const MENU_OPEN_ANALYSIS = 'mirage-open-analysis';
const MENU_OPEN_LAB = 'mirage-open-lab';
/** The toolbar button's own context menu: 'action' in MV3, 'browser_action' in Firefox MV2. */
const ACTION_CONTEXT = (import.meta.env.MANIFEST_VERSION === 3 ? 'action' : 'browser_action') as 'action';

function createMenus(): void {
  const ui = uiLanguage();
  void browser.contextMenus.removeAll().then(() => {
    browser.contextMenus.create({ id: MENU_PAGE, title: t('menu_analysePage', undefined, ui), contexts: ['page'] });
    browser.contextMenus.create({ id: MENU_SELECTION, title: t('menu_analyseSelection', undefined, ui), contexts: ['selection'] });
    browser.contextMenus.create({ id: MENU_CLEAR, title: t('menu_clear', undefined, ui), contexts: ['page', 'selection'] });
    browser.contextMenus.create({ id: MENU_CHECK_SELECTION, title: t('menu_checkSelection', undefined, ui), contexts: ['selection'] });
    browser.contextMenus.create({ id: MENU_OPEN_ANALYSIS, title: t('menu_openAnalysis', undefined, ui), contexts: [ACTION_CONTEXT] });
    browser.contextMenus.create({ id: MENU_OPEN_LAB, title: t('menu_openLab', undefined, ui), contexts: [ACTION_CONTEXT] });
  });
}

/** The selected text with its line breaks (the menu's `selectionText` folds them), read with the activeTab grant
 * the menu click gives; the menu's own copy when the page cannot be read. */
async function selectedText(tabId: number, fallback: string): Promise<string> {
  try {
    const [r] = await browser.scripting.executeScript({ target: { tabId }, func: () => getSelection()?.toString() ?? '' });
    if (typeof r?.result === 'string' && r.result.trim()) return r.result;
  } catch {
    // protected page or no grant: the menu's copy will do
  }
  return fallback;
}

async function checkSelection(tabId: number, fallback: string, url: string | undefined): Promise<void> {
  const text = await selectedText(tabId, fallback);
  if (!text.trim()) return;
  const host = originOf(url)?.replace(/^https?:\/\//, '') ?? '';
  await openAnalysisPage({ text, title: host ? t('menu_selectionOn', host) : undefined, source: 'selection' });
}

function onMenuClicked(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): void {
  if (info.menuItemId === MENU_OPEN_ANALYSIS) return void openAnalysisPage();
  if (info.menuItemId === MENU_OPEN_LAB) return void openLabPage();
  const id = tab?.id;
  if (id === undefined || id < 0) return;
  if (info.menuItemId === MENU_CHECK_SELECTION) return void checkSelection(id, info.selectionText ?? '', tab?.url);
  if (info.menuItemId === MENU_PAGE) void setHighlights(id, true, 'page');
  else if (info.menuItemId === MENU_SELECTION) void setHighlights(id, true, 'selection');
  else if (info.menuItemId === MENU_CLEAR) void setHighlights(id, false);
}

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export function startMenus(): void {
  browser.runtime.onInstalled.addListener(createMenus);
  browser.runtime.onStartup?.addListener(createMenus);
  browser.contextMenus.onClicked.addListener(onMenuClicked);
  browser.commands?.onCommand.addListener((command: string, tab?: Browser.tabs.Tab) => {
    if (command !== COMMAND_TOGGLE) return;
    void (async () => {
      const id = tab?.id ?? (await activeTabId());
      if (id !== undefined) await toggle(id);
    })();
  });
}
