/** Saved reports: listed newest first; open, download or delete one; delete all (two-step confirmation). */
import { download, el } from '../dom';
import { countUnreadable, deleteAllSaved, deleteSaved, listSaved, type SavedReport } from '../../report/storage';
import { reportFileName, reportHtml, reportJson, percentText } from '../../report/teacher';
import { shortHash } from '../../report/fingerprint';
import { openHtmlInTab } from './report-panel';
import type { UiLang } from '../../engine';
import { t, tn } from '../../shared/i18n';

export async function savedSection(lang: UiLang, refresh: () => void): Promise<HTMLElement> {
  const T = (k: string, s?: (string | number)[]) => t(k, s, lang);
  let items: SavedReport[] = [];
  let unreadable = 0;
  let error = '';
  try {
    [items, unreadable] = await Promise.all([listSaved(), countUnreadable()]);
  } catch (e) {
    error = String(e);
  }
  const when = (iso: string) => new Date(iso).toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  const stored = items.length + unreadable; // what "delete all" removes
  const delAll = el('button', { type: 'button', class: 'danger', id: 'delete-all', disabled: stored === 0 }, T('analysis_deleteAll'));
  let armed = false;
  delAll.addEventListener('click', () => void (async () => {
    if (!armed) {
      armed = true;
      delAll.textContent = tn('analysis_deleteAllConfirm', stored, [stored], lang);
      setTimeout(() => {
        armed = false;
        delAll.textContent = T('analysis_deleteAll');
      }, 6000);
      return;
    }
    await deleteAllSaved();
    refresh();
  })());
  return el('section', { class: 'card', 'aria-labelledby': 'saved-title', id: 'saved' },
    el('h2', { id: 'saved-title' }, T('analysis_savedTitle')),
    el('p', { class: 'muted' }, T('analysis_savedIntro')),
    error ? el('p', { class: 'notice gate' }, error) : null,
    unreadable ? el('p', { class: 'muted', id: 'saved-unreadable' }, tn('analysis_savedUnreadable', unreadable, [unreadable], lang)) : null,
    items.length === 0
      ? el('p', { class: 'empty' }, T('analysis_savedEmpty'))
      : el('ul', { class: 'saved-list' }, items.map((s) => {
          const r = s.report;
          return el('li', { 'data-id': s.id },
            el('div', null,
              el('strong', null, r.title || shortHash(r.fingerprint.sha256)),
              el('span', { class: 'muted' }, ` · ${when(s.savedAt)} · ${T('analysis_wordsCount', [r.fingerprint.words])}` + (r.score !== null ? ` · ${percentText(r.score, lang)}` : '') + ` · ${r.lang.toUpperCase()}` + (r.text ? ` · ${T('analysis_withText')}` : '')),
            ),
            el('div', { class: 'row' },
              el('button', { type: 'button', class: 'small', on: { click: () => openHtmlInTab(reportHtml(r)) } }, T('analysis_reportOpen')),
              el('button', { type: 'button', class: 'small', on: { click: () => download(reportFileName(r, 'json'), reportJson(r), 'application/json') } }, 'JSON'),
              el('button', { type: 'button', class: 'small danger', 'aria-label': T('analysis_deleteOneAria', [r.title || shortHash(r.fingerprint.sha256)]), on: { click: () => void deleteSaved(s.id).then(refresh) } }, T('analysis_deleteOne')),
            ),
          );
        })),
    el('div', { class: 'row' }, delAll),
  );
}
