/**
 * options — the settings page: sensitivity, legend, the sites analysed automatically (each can be withdrawn,
 * which also removes its host permission), and the privacy statement. The list follows the stored settings: a site
 * ticked in the popup, or dropped by the background when its permission goes, shows here at once.
 */
import { browser } from 'wxt/browser';
import { loadSettings, originPattern, saveSettings, SENSITIVITIES, watchSettings, type Settings } from '../settings';
import { h, replace } from './h';
import { t, uiLanguage } from '../shared/i18n';

export async function mountOptions(root: HTMLElement): Promise<void> {
  const ui = uiLanguage();
  document.documentElement.lang = ui;
  const status = h('p', { class: 'note', attrs: { role: 'status', 'aria-live': 'polite' } });
  const saved = () => (status.textContent = t('options_saved', undefined, ui));

  let drawnSites = '';
  const draw = (s: Settings) => {
    drawnSites = JSON.stringify(s.alwaysOrigins);
    const sens = h('fieldset', {}, h('legend', { text: t('popup_sensitivity', undefined, ui) }),
      h('p', { class: 'note', text: t('options_sensitivityHelp', undefined, ui) }),
      ...SENSITIVITIES.map((v) => h('label', { attrs: { style: 'display:block' } },
        h('input', { attrs: { type: 'radio', name: 'sensitivity', value: v, checked: v === s.sensitivity }, on: {
          change: () => void saveSettings({ sensitivity: v }).then(saved),
        } }), ' ', t(`sensitivity_${v}`, undefined, ui))));
    const legend = h('label', {}, h('input', { attrs: { type: 'checkbox', checked: s.showLegend }, on: {
      change: (e) => void saveSettings({ showLegend: (e.target as HTMLInputElement).checked }).then(saved),
    } }), ' ', t('options_showLegend', undefined, ui));
    const sites = h('fieldset', { attrs: { id: 'sites' } }, h('legend', { text: t('options_sites', undefined, ui) }),
      s.alwaysOrigins.length
        ? h('ul', { class: 'plain' }, ...s.alwaysOrigins.map((o) => h('li', {}, h('span', { text: o }),
          h('button', { text: t('options_withdraw', undefined, ui), attrs: { type: 'button' }, on: { click: () => void (async () => {
            // from the stored list, not the one drawn (the popup may have added a site since); in Firefox a pattern
            // names no port, so the permission covers every site of that host: they all leave the list, before the
            // permission goes (the background drops them too when it sees it go: nothing is written back after)
            const pattern = originPattern(o);
            const next = await saveSettings({ alwaysOrigins: (await loadSettings()).alwaysOrigins.filter((x) => originPattern(x) !== pattern) });
            await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
            draw(next);
            saved();
            // the button is gone: keyboard users land on the next site's button, or on the note saying there is none
            root.querySelector<HTMLElement>('#sites button, #sites p.note')?.focus();
          })() } }))))
        : h('p', { class: 'note', text: t('options_sitesNone', undefined, ui), attrs: { tabindex: '-1' } }));
    replace(root, h('h1', { text: t('options_title', undefined, ui) }), sens, h('fieldset', {}, legend), sites,
      h('p', { text: t('options_privacy', undefined, ui) }), status);
  };
  draw(await loadSettings());
  // only a change of sites redraws: a sensitivity or legend change made here keeps the reader's focus in place
  watchSettings((s) => {
    if (JSON.stringify(s.alwaysOrigins) !== drawnSites) draw(s);
  });
}
