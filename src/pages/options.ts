/**
 * options — the settings page: sensitivity, legend, the sites analysed automatically (each can be withdrawn,
 * which also removes its host permission), and the privacy statement.
 */
import { browser } from 'wxt/browser';
import { loadSettings, originPattern, saveSettings, SENSITIVITIES, type Settings } from '../settings';
import { h, replace } from './h';
import { t, uiLanguage } from '../shared/i18n';

export async function mountOptions(root: HTMLElement): Promise<void> {
  const ui = uiLanguage();
  document.documentElement.lang = ui;
  const status = h('p', { class: 'note', attrs: { role: 'status', 'aria-live': 'polite' } });
  const saved = () => (status.textContent = t('options_saved', undefined, ui));

  const draw = (s: Settings) => {
    const sens = h('fieldset', {}, h('legend', { text: t('popup_sensitivity', undefined, ui) }),
      h('p', { class: 'note', text: t('options_sensitivityHelp', undefined, ui) }),
      ...SENSITIVITIES.map((v) => h('label', { attrs: { style: 'display:block' } },
        h('input', { attrs: { type: 'radio', name: 'sensitivity', value: v, checked: v === s.sensitivity }, on: {
          change: () => void saveSettings({ sensitivity: v }).then(saved),
        } }), ' ', t(`sensitivity_${v}`, undefined, ui))));
    const legend = h('label', {}, h('input', { attrs: { type: 'checkbox', checked: s.showLegend }, on: {
      change: (e) => void saveSettings({ showLegend: (e.target as HTMLInputElement).checked }).then(saved),
    } }), ' ', t('options_showLegend', undefined, ui));
    const sites = h('fieldset', {}, h('legend', { text: t('options_sites', undefined, ui) }),
      s.alwaysOrigins.length
        ? h('ul', { class: 'plain' }, ...s.alwaysOrigins.map((o) => h('li', {}, h('span', { text: o }),
          h('button', { text: t('options_withdraw', undefined, ui), attrs: { type: 'button' }, on: { click: () => void (async () => {
            await browser.permissions.remove({ origins: [originPattern(o)] }).catch(() => false);
            draw(await saveSettings({ alwaysOrigins: s.alwaysOrigins.filter((x) => x !== o) }));
            saved();
          })() } }))))
        : h('p', { class: 'note', text: t('options_sitesNone', undefined, ui) }));
    replace(root, h('h1', { text: t('options_title', undefined, ui) }), sens, h('fieldset', {}, legend), sites,
      h('p', { text: t('options_privacy', undefined, ui) }), status);
  };
  draw(await loadSettings());
}
