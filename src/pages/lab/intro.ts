/** The guided introduction (en/fr), framed by Pfeiffer & Lassègue's essay. */
import { el } from '../dom';
import type { UiLang } from '../../engine';
import { t } from '../../shared/i18n';

export function intro(lang: UiLang, open: boolean, onToggle: (open: boolean) => void): HTMLElement {
  const T = (k: string) => t(k, undefined, lang);
  const d = el('details', { class: 'card intro', id: 'intro', open },
    el('summary', null, el('strong', null, T('lab_introTitle'))),
    el('p', null, T('lab_introLead')),
    el('p', null, T('lab_introEssay')),
    el('ol', null, [1, 2, 3, 4, 5].map((i) => el('li', null, T(`lab_introStep${i}`)))),
    el('p', { class: 'notice', role: 'note' }, T('lab_introClose')),
  );
  d.addEventListener('toggle', () => onToggle(d.open));
  return d;
}
