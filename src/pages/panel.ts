/**
 * panel — the side panel (Chrome side_panel, Firefox sidebar_action): the page summary, the flagged passages in page
 * order (choosing one scrolls the page to it and marks it), and the permanent explanation of limits in English and
 * French. Follows the active tab unless opened with `?tab=ID`, and the page its tab shows (its title, after a
 * navigation or a retitle).
 */
import { browser } from 'wxt/browser';
import { parseStateChanged, type FocusResult, type Passage, type TabView } from '../messaging';
import type { UiLang } from '../engine';
import { h, replace } from './h';
import { openAnalysisPage, openLabPage } from '../shared/open-pages';
import { t, uiLanguage } from '../shared/i18n';
import { failureText, isNotice, renderGroups, renderLegend, renderLimits, renderPassages, renderSummary } from './render';
import { getState, setHighlights, targetTab, WORKING_RECHECK_MS } from './tab';

/** "Show on the page", which never fails silently: when the page no longer has the passage, or no longer runs
 * Mirage Lens (the background then switches the tab off), the notice says so. */
function passageShower(ui: UiLang, tabId: () => number | undefined) {
  const notice = h('p', { class: 'status error', attrs: { id: 'panel-notice', role: 'alert' } });
  notice.hidden = true;
  const say = (key: string | undefined) => {
    notice.textContent = key ? t(key, undefined, ui) : '';
    notice.hidden = !key;
  };
  const show = (p: Passage) => {
    const id = tabId();
    if (id === undefined) return;
    say(undefined);
    browser.runtime.sendMessage<unknown, FocusResult | undefined>({ type: 'mirage:focus', tabId: id, analysis: p.analysis, sentence: p.sentence }).then(
      (r) => say(r?.ok ? undefined : r?.gone === false ? 'panel_showMissing' : 'panel_showGone'),
      () => say('panel_showGone'),
    );
  };
  return { notice, say, show };
}

export async function mountPanel(root: HTMLElement): Promise<void> {
  const ui = uiLanguage();
  document.documentElement.lang = ui;
  const fixed = new URLSearchParams(location.search).has('tab');
  let tab = await targetTab();
  let limitsLang: UiLang = ui;

  const pageBox = h('section', { attrs: { 'aria-labelledby': 'page-title', id: 'page' } });
  const passagesBox = h('section', { attrs: { 'aria-labelledby': 'passages-title', id: 'passages' } });
  const limitsBox = h('div', { attrs: { id: 'limits' } });
  const title = h('span', { class: 'page-title' });

  const { notice: showNotice, say, show } = passageShower(ui, () => tab?.id);

  const renderView = (view: TabView | undefined) => {
    title.textContent = tab?.title ?? '';
    title.title = tab?.title ?? '';
    if (view?.phase === 'working') say(undefined); // switched on again: the notice has served
    if (!tab || !view) {
      replace(pageBox, h('p', { class: 'status', text: t('panel_noTab', undefined, ui) }));
      replace(passagesBox);
      return;
    }
    const heading = h('h2', { text: t('panel_pageHeading', undefined, ui), attrs: { id: 'page-title' } });
    if (view.phase !== 'on') {
      const id = tab.id;
      const failed = view.phase === 'error';
      const notice = isNotice(view);
      replace(pageBox, heading,
        h('p', { class: failed && !notice ? 'status error' : 'status', attrs: { role: 'status', id: failed ? 'page-error' : undefined }, text: view.phase === 'off' ? t('panel_off', undefined, ui) : view.phase === 'working' ? t('popup_working', undefined, ui) : failureText(view, ui) }),
        failed && view.code === 'engine' ? h('p', { class: 'note', text: t('page_analysisFailed', undefined, ui) }) : null,
        failed && view.groups?.length ? renderGroups(view.groups, ui) : null,
        view.phase === 'working' ? null : h('button', { class: 'primary', text: t('panel_turnOn', undefined, ui), attrs: { type: 'button', id: 'turn-on' }, on: { click: () => void setHighlights(id, true).catch(refresh) } }));
      replace(passagesBox);
      return;
    }
    replace(pageBox, heading, renderSummary(view, ui), view.groups?.length ? renderGroups(view.groups, ui) : null);
    replace(passagesBox, h('h2', { text: t('panel_passages', undefined, ui), attrs: { id: 'passages-title' } }), renderLegend(ui), renderPassages(view, ui, show));
  };

  const renderLimitsBox = () => replace(limitsBox, renderLimits(limitsLang, (next) => {
    limitsLang = next;
    renderLimitsBox();
    limitsBox.querySelector<HTMLElement>('button.link')?.focus();
  }));

  let recheck: ReturnType<typeof setTimeout> | undefined;
  const refresh = async () => {
    clearTimeout(recheck);
    const asked = tab?.id;
    const view = asked !== undefined ? await getState(asked) : undefined;
    if (tab?.id !== asked) return; // the reader moved to another tab meanwhile: that tab's own answer is shown
    renderView(view);
    if (view?.phase === 'working') recheck = setTimeout(() => void refresh(), WORKING_RECHECK_MS);
  };

  const toLimits = h('a', { class: 'skip', text: t('panel_limitsTitle', undefined, ui), attrs: { href: '#limits-title' } });
  const tools = h('nav', { class: 'tools', attrs: { 'aria-label': t('popup_tools', undefined, ui) } },
    h('button', { class: 'link', text: t('popup_analysisPage', undefined, ui), attrs: { type: 'button', id: 'open-analysis' }, on: { click: () => void openAnalysisPage() } }),
    h('button', { class: 'link', text: t('popup_lab', undefined, ui), attrs: { type: 'button', id: 'open-lab' }, on: { click: () => void openLabPage() } }));
  replace(root, h('header', {}, h('h1', { text: t('panel_title', undefined, ui) }), title), h('p', {}, toLimits), showNotice, pageBox, passagesBox, limitsBox, tools);
  renderLimitsBox();
  await refresh();

  browser.runtime.onMessage.addListener((m: unknown) => {
    const msg = parseStateChanged(m);
    if (msg && tab && msg.tabId === tab.id) void refresh();
    return undefined;
  });
  followTab(fixed, () => tab, (next) => {
    if (next?.id !== tab?.id) say(undefined);
    tab = next;
    return refresh();
  }, (name) => {
    if (tab) tab = { ...tab, title: name };
    title.textContent = title.title = name;
  });
}

type PanelTab = Awaited<ReturnType<typeof targetTab>>;

/** The tab the panel is about: another one brought to the front (unless `fixed`), or this one showing another page
 * (`retarget`); a retitle alone (a page counting its messages in its title) only renames (`rename`), so the passages
 * listed stay as the reader left them. */
function followTab(fixed: boolean, current: () => PanelTab, retarget: (next: PanelTab) => Promise<void>, rename: (title: string) => void): void {
  let asked = 0;
  const again = () => {
    const n = ++asked;
    void targetTab().then((next) => (n === asked ? retarget(next) : undefined)); // only the latest switch counts
  };
  if (!fixed) browser.tabs.onActivated.addListener(again);
  browser.tabs.onUpdated.addListener((id, info) => {
    if (id !== current()?.id) return;
    if (info.url !== undefined) again();
    else if (info.title !== undefined) rename(info.title);
  });
}
