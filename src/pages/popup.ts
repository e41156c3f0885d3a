/**
 * popup — on/off for this tab, sensitivity, the page's one-line summary, "always analyse on this site", open the
 * side panel, settings. Every switch goes through the background's `mirage:set-highlights`, like the automation.
 */
import { browser } from 'wxt/browser';
import { parseStateChanged, type TabView } from '../messaging';
import { loadSettings, originOf, originPattern, saveSettings, SENSITIVITIES, type Settings } from '../settings';
import type { Sensitivity, UiLang } from '../engine';
import { h, replace } from './h';
import { t, uiLanguage } from '../shared/i18n';
import { isNotice, oneLine, renderLegend } from './render';
import { getState, openSidePanel, panelKey, setHighlights, targetTab, WORKING_RECHECK_MS } from './tab';
import { openAnalysisPage, openLabPage } from '../shared/open-pages';
import { RESTRICTED_MESSAGE, restrictedReason, type RestrictedReason } from '../shared/restricted';
import { isPdfDocument, pdfItem } from './popup-pdf';

/** Without the "tabs" permission a protected tab shows no URL: try a no-op script; the browser refuses protected
 * pages (chrome://, the web store) and pages we have no access to. */
async function probeRestricted(tabId: number): Promise<RestrictedReason | undefined> {
  try {
    await browser.scripting.executeScript({ target: { tabId }, func: () => true });
    return undefined;
  } catch (e) {
    const m = e instanceof Error ? e.message : String(e);
    if (/gallery|webstore|chromewebstore/i.test(m)) return 'store';
    if (/pdf/i.test(m)) return 'pdf';
    return /chrome:|edge:|about:|extension|cannot (be )?(access|scripted)/i.test(m) ? 'browser' : undefined;
  }
}

/** "Always analyse on this site": asks for the site's host permission from the click, and keeps the list. */
async function alwaysControl(origin: string | undefined, host: string | undefined, restricted: RestrictedReason | undefined, settings: Settings, ui: UiLang): Promise<HTMLElement> {
  if (!origin || !host || restricted) return h('p', { class: 'always note', text: t('popup_alwaysUnavailable', undefined, ui) });
  const box = h('input', { attrs: { type: 'checkbox', id: 'always' } });
  const granted = await browser.permissions.contains({ origins: [originPattern(origin)] }).catch(() => false);
  box.checked = granted && settings.alwaysOrigins.includes(origin);
  box.addEventListener('change', () => {
    if (box.checked) {
      // the permission request must come straight from the click
      browser.permissions.request({ origins: [originPattern(origin)] }).then(async (ok) => {
        box.checked = ok;
        if (ok) {
          const s = await loadSettings();
          await saveSettings({ alwaysOrigins: [...s.alwaysOrigins.filter((o) => o !== origin), origin] });
        }
      }, () => (box.checked = false));
    } else {
      void (async () => {
        const s = await loadSettings();
        await saveSettings({ alwaysOrigins: s.alwaysOrigins.filter((o) => o !== origin) });
        await browser.permissions.remove({ origins: [originPattern(origin)] }).catch(() => false);
      })();
    }
  });
  return h('div', { class: 'always' },
    h('label', { attrs: { for: 'always' } }, box, h('span', {}, t('popup_always', host, ui), h('br'), h('span', { class: 'note', text: t('popup_alwaysHelp', undefined, ui) }))));
}

function actions(tabId: number, ui: UiLang): HTMLElement[] {
  return [
    h('div', { class: 'actions' },
      h('button', { class: 'primary', text: t(panelKey(), undefined, ui), attrs: { type: 'button', id: 'open-panel' }, on: {
        click: () => {
          void openSidePanel(tabId).then(() => window.close(), () => undefined);
        },
      } }),
      h('button', { text: t('popup_settings', undefined, ui), attrs: { type: 'button', id: 'settings' }, on: { click: () => void browser.runtime.openOptionsPage() } }),
    ),
    h('nav', { class: 'tools', attrs: { 'aria-label': t('popup_tools', undefined, ui) } },
      h('button', { class: 'link', text: t('popup_analysisPage', undefined, ui), attrs: { type: 'button', id: 'open-analysis' }, on: { click: () => void openAnalysisPage().then(() => window.close()) } }),
      h('button', { class: 'link', text: t('popup_lab', undefined, ui), attrs: { type: 'button', id: 'open-lab' }, on: { click: () => void openLabPage().then(() => window.close()) } }),
    ),
  ];
}

export async function mountPopup(root: HTMLElement): Promise<void> {
  const ui = uiLanguage();
  document.documentElement.lang = ui;
  const tab = await targetTab();
  const settings = await loadSettings();
  if (!tab) {
    replace(root, h('p', { class: 'status', text: t('panel_noTab', undefined, ui) }));
    return;
  }
  let view: TabView = await getState(tab.id);

  const toggle = h('input', { attrs: { type: 'checkbox', id: 'toggle', role: 'switch' } });
  const line = h('p', { class: 'line', attrs: { id: 'summary', role: 'status', 'aria-live': 'polite' } });
  const sensitivity = h('select', { attrs: { id: 'sensitivity' } },
    ...SENSITIVITIES.map((s) => h('option', { text: t(`sensitivity_${s}`, undefined, ui), attrs: { value: s, selected: s === settings.sensitivity } })));
  const origin = originOf(tab.url) ?? view.origin;
  const host = origin ? new URL(origin).host : undefined;

  // pages no extension may read: say so at once, and offer no switch that can only fail
  const restricted = restrictedReason(tab.url) ?? (tab.url ? undefined : await probeRestricted(tab.id)) ?? ((await isPdfDocument(tab.id)) ? 'pdf' : undefined);
  const render = () => {
    toggle.checked = !restricted && (view.phase === 'on' || view.phase === 'working');
    toggle.disabled = !!restricted || view.phase === 'working';
    line.textContent = restricted ? t(RESTRICTED_MESSAGE[restricted], undefined, ui) : oneLine(view, ui);
    line.classList.toggle('error', !!restricted || (view.phase === 'error' && !isNotice(view)));
  };
  let recheck: ReturnType<typeof setTimeout> | undefined;
  const refresh = async () => {
    clearTimeout(recheck);
    view = await getState(tab.id);
    render();
    if (view.phase === 'working') recheck = setTimeout(() => void refresh(), WORKING_RECHECK_MS);
  };

  toggle.addEventListener('change', () => {
    const enabled = toggle.checked;
    view = { ...view, phase: enabled ? 'working' : 'off' };
    render();
    // a worker stopped meanwhile answers nothing: ask the new one what the tab is now
    void setHighlights(tab.id, enabled).then(refresh, refresh);
  });
  sensitivity.addEventListener('change', () => {
    void saveSettings({ sensitivity: sensitivity.value as Sensitivity });
  });

  const shortcut = (await browser.commands?.getAll().catch(() => []))?.find((c) => c.name === 'toggle-analysis')?.shortcut;
  replace(root,
    h('header', {}, h('h1', { text: t('popup_title', undefined, ui) })),
    h('label', { class: 'switch', attrs: { for: 'toggle' } }, toggle, t('popup_toggle', undefined, ui)),
    line,
    restricted === 'pdf' ? pdfItem(tab.id, ui) : null,
    h('div', { class: 'field' }, h('label', { attrs: { for: 'sensitivity' }, text: t('popup_sensitivity', undefined, ui) }), sensitivity),
    renderLegend(ui),
    await alwaysControl(origin, host, restricted, settings, ui),
    ...actions(tab.id, ui),
    h('p', { class: 'foot' }, t('popup_notProof', undefined, ui), shortcut ? ` ${t('popup_shortcut', shortcut, ui)}` : ''),
  );
  render();
  if (view.phase === 'working') recheck = setTimeout(() => void refresh(), WORKING_RECHECK_MS);

  browser.runtime.onMessage.addListener((m: unknown) => {
    const msg = parseStateChanged(m);
    if (msg && msg.tabId === tab.id) void refresh();
    return undefined;
  });
}
