/** Loading, building and exporting the labelled set; the problems of a loaded file, line by line. */
import { download, el } from '../dom';
import { decodeText } from '../files/plain-text';
import { MAX_TEXT_CHARS, readDatasetFile, toCsv, toJsonl, type LabItem, type Problem } from '../../lab/dataset';
import { countText } from '../../shared/numbers';
import type { UiLang } from '../../engine';
import { t, tn } from '../../shared/i18n';

export interface DataHandlers {
  load(items: LabItem[], problems: Problem[], fileName: string, replace: boolean): void;
  sample(): void;
  add(item: Omit<LabItem, 'id'>): void;
  clear(): void;
}

function problemText(p: Problem, lang: UiLang): string {
  const what = t(`lab_problem_${p.code.replace(/-/g, '_')}`, [p.detail ?? ''], lang);
  const where = p.line > 0 ? t('lab_problemLine', [p.line], lang) + ' ' : '';
  return where + what + (p.excerpt ? ` — « ${p.excerpt} »` : '');
}

export function dataCard(items: readonly LabItem[], problems: { file: string; list: Problem[]; loaded?: number } | undefined, lang: UiLang, h: DataHandlers): HTMLElement {
  const T = (k: string, s?: (string | number)[]) => t(k, s, lang);
  // Hidden: the visible button opens it. Out of the tab order, so the keyboard meets one control, not two.
  const file = el('input', { type: 'file', id: 'lab-file', accept: '.jsonl,.ndjson,.json,.csv,.tsv,.txt', tabindex: -1 });
  const replace = el('input', { type: 'checkbox', id: 'lab-replace' });
  replace.checked = true;
  file.addEventListener('change', () => void (async () => {
    const f = file.files?.[0];
    file.value = '';
    if (!f) return;
    // Decoded as the analysis page decodes a file (a byte-order mark; else UTF-8, or Windows-1252 when the bytes are
    // not UTF-8, as French Excel writes its CSV), not as Blob.text() does (UTF-8 only: "�tiquette", and the header
    // is not found).
    const r = await readDatasetFile({ name: f.name, size: f.size, text: async () => decodeText(new Uint8Array(await f.arrayBuffer())) });
    h.load(r.items, r.problems, f.name, replace.checked);
  })());
  const text = el('textarea', { id: 'lab-new-text', rows: 5, placeholder: T('lab_buildPlaceholder') });
  const labelSel = el('select', { id: 'lab-new-label' }, el('option', { value: 'human' }, T('lab_human')), el('option', { value: 'machine' }, T('lab_machine')));
  const group = el('input', { type: 'text', id: 'lab-new-group', placeholder: T('lab_groupPlaceholder'), autocomplete: 'off' });
  const source = el('input', { type: 'text', id: 'lab-new-source', placeholder: T('lab_sourcePlaceholder'), autocomplete: 'off' });
  const status = el('p', { id: 'lab-build-status', class: 'status', role: 'status', 'aria-live': 'polite' });
  const build = el('form', { class: 'build', on: { submit: (e) => {
    e.preventDefault();
    status.textContent = '';
    if (!text.value.trim()) return text.focus();
    // The same limit as a text in a file (a longer one would hold up, or fail, the scoring of the whole set).
    if (text.value.length > MAX_TEXT_CHARS) {
      status.textContent = T('lab_buildTooLong', [countText(MAX_TEXT_CHARS, lang)]);
      return text.focus();
    }
    h.add({ text: text.value, label: labelSel.value === 'machine' ? 'machine' : 'human', group: group.value.trim() || undefined, source: source.value.trim() || undefined });
    text.value = '';
  } } },
    el('h3', null, T('lab_buildTitle')),
    el('label', { for: text.id }, T('lab_buildText')), text,
    el('div', { class: 'form-grid' },
      el('label', { for: labelSel.id }, T('lab_label')), labelSel,
      el('label', { for: group.id }, T('lab_group')), group,
      el('label', { for: source.id }, T('lab_source')), source,
    ),
    el('div', { class: 'row' }, el('button', { type: 'submit', id: 'lab-add' }, T('lab_add'))),
    status,
  );
  const nHuman = items.filter((i) => i.label === 'human').length;
  return el('section', { class: 'card', 'aria-labelledby': 'data-title', id: 'data' },
    el('h2', { id: 'data-title' }, T('lab_dataTitle')),
    el('p', { class: 'muted' }, T('lab_dataIntro')),
    el('div', { class: 'row' },
      el('button', { type: 'button', class: 'primary', id: 'lab-sample', on: { click: () => h.sample() } }, T('lab_loadSample')),
      el('button', { type: 'button', id: 'lab-file-button', on: { click: () => file.click() } }, T('lab_loadFile')),
      el('span', { class: 'visually-hidden' }, el('label', { for: file.id }, T('lab_loadFile')), file),
      el('span', null, replace, ' ', el('label', { for: replace.id }, T('lab_replace'))),
    ),
    el('p', { class: 'muted small' }, T('lab_formats')),
    items.length
      ? el('p', { id: 'lab-count' }, tn('lab_setCount', items.length, [items.length, nHuman, items.length - nHuman], lang), ' ',
          el('button', { type: 'button', class: 'small', id: 'lab-export-jsonl', on: { click: () => download('mirage-lens-set.jsonl', toJsonl(items), 'application/x-ndjson') } }, T('lab_exportJsonl')), ' ',
          el('button', { type: 'button', class: 'small', id: 'lab-export-csv', on: { click: () => download('mirage-lens-set.csv', toCsv(items), 'text/csv') } }, T('lab_exportCsv')), ' ',
          el('button', { type: 'button', class: 'small ghost', id: 'lab-clear', on: { click: () => h.clear() } }, T('lab_clear')))
      : el('p', { class: 'empty' }, T('lab_noSet')),
    problems && problems.list.length
      ? el('div', { class: 'notice gate', role: 'alert', id: 'lab-problems' },
          el('strong', null, !problems.file ? T('lab_failedTitle') : problems.loaded === 0 ? T('lab_fileRefused', [problems.file]) : tn('lab_problemsTitle', problems.list.length, [problems.file, problems.list.length], lang)),
          el('ul', { class: 'problems-list' }, problems.list.map((p) => el('li', null, problemText(p, lang)))))
      : null,
    el('details', null, el('summary', null, T('lab_buildTitle')), build),
  );
}
