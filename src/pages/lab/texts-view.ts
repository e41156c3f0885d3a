/** The texts of the set with their outcome at the current threshold; "Why?" opens the text's result in a dialog. */
import { el, scrollBox } from '../dom';
import { toDom } from '../../report/markup';
import { gateNotice, plainTextView, positionChart, sentenceView, signalList, summaryBlock } from '../result-view';
import type { LabItem } from '../../lab/dataset';
import { explain, type Report } from '../../engine';
import type { UiLang } from '../../engine';
import { t } from '../../shared/i18n';
import { percentText } from '../../report/teacher';
import { wireSentenceMarks } from '../sentence-marks';
import { toDomInSlices } from '../sliced-dom';

export type Outcome = 'tp' | 'fp' | 'tn' | 'fn' | 'none';
export type Filter = 'all' | 'errors' | 'fp' | 'fn';

function outcomeOf(label: 'human' | 'machine', score: number | null, threshold: number): Outcome {
  if (score === null) return 'none';
  const flagged = score >= threshold;
  return label === 'machine' ? (flagged ? 'tp' : 'fn') : flagged ? 'fp' : 'tn';
}

export function textsView(
  items: readonly LabItem[],
  scores: Map<string, number | null>,
  threshold: number,
  groupOf: (i: LabItem) => string,
  filter: Filter,
  limit: number,
  lang: UiLang,
  on: { filter(f: Filter): void; open(id: string): void; more(): void },
): HTMLElement {
  const T = (k: string, s?: (string | number)[]) => t(k, s, lang);
  const sel = el('select', { id: 'text-filter' }, (['all', 'errors', 'fp', 'fn'] as Filter[]).map((f) => el('option', { value: f }, T(`lab_filter_${f}`))));
  sel.value = filter;
  sel.addEventListener('change', () => on.filter(sel.value as Filter));
  const rows = items
    .map((it) => ({ it, score: scores.get(it.id) ?? null }))
    .map((x) => ({ ...x, outcome: outcomeOf(x.it.label, x.score, threshold) }))
    .filter((x) => filter === 'all' || (filter === 'errors' ? x.outcome === 'fp' || x.outcome === 'fn' : x.outcome === filter))
    .sort((a, b) => (b.score ?? -1) - (a.score ?? -1));
  return el('section', { class: 'card', 'aria-labelledby': 'texts-h', id: 'texts' },
    el('div', { class: 'row spread' }, el('h2', { id: 'texts-h' }, T('lab_textsTitle')), el('span', null, el('label', { for: sel.id }, T('lab_show')), ' ', sel)),
    scrollBox(T('table_box', [T('lab_textsTitle')]), el('table', { class: 'texts-table' },
      el('thead', null, el('tr', null,
        el('th', { scope: 'col' }, T('lab_colText')),
        el('th', { scope: 'col' }, T('lab_label')),
        el('th', { scope: 'col' }, T('lab_group')),
        el('th', { scope: 'col', class: 'num' }, T('lab_colScore')),
        el('th', { scope: 'col' }, T('lab_colOutcome')),
        el('th', { scope: 'col' }, el('span', { class: 'visually-hidden' }, T('lab_colOpen'))))),
      el('tbody', null, rows.slice(0, limit).map(({ it, score, outcome }) => el('tr', { 'data-id': it.id, 'data-outcome': outcome },
        el('th', { scope: 'row' }, el('span', { class: 'id' }, it.id), el('br'), el('small', { class: 'muted' }, it.text.slice(0, 90).replace(/\s+/g, ' ') + (it.text.length > 90 ? '…' : ''))),
        el('td', null, T(it.label === 'human' ? 'lab_human' : 'lab_machine')),
        el('td', null, groupOf(it) || '–'),
        el('td', { class: 'num' }, score === null ? '–' : percentText(score, lang)),
        el('td', { class: `outcome-${outcome}` }, T(`lab_outcome_${outcome}`)),
        el('td', null, el('button', { type: 'button', class: 'small', 'aria-label': T('lab_whyAria', [it.id]), on: { click: () => on.open(it.id) } }, T('lab_why'))),
      ))),
    )),
    rows.length ? null : el('p', { class: 'empty' }, T('lab_noneShown')),
    rows.length > limit
      ? el('p', { class: 'row' }, T('lab_shownOf', [limit, rows.length]), ' ', el('button', { type: 'button', class: 'small', id: 'texts-more', on: { click: () => on.more() } }, T('lab_showMore')))
      : null,
  );
}

/** The text with its marked sentences, reasons reachable by keyboard, touch and screen reader. */
function marked(text: string, report: ReturnType<typeof explain>, lang: UiLang): HTMLElement {
  const view = toDomInSlices(sentenceView(text, report, lang, 'dlg'), document).node as HTMLElement;
  wireSentenceMarks(view);
  return view;
}

/** The rows at another threshold, changed in place (outcome cells only) while every text is shown; false when the
 * rows themselves change (a filter on errors) and the table must be drawn again. */
export function updateOutcomes(section: HTMLElement, items: readonly LabItem[], scores: Map<string, number | null>, threshold: number, filter: Filter, lang: UiLang): boolean {
  if (filter !== 'all') return false;
  const byId = new Map(items.map((i) => [i.id, i]));
  for (const tr of section.querySelectorAll<HTMLTableRowElement>('tbody tr[data-id]')) {
    const item = byId.get(tr.dataset.id ?? '');
    if (!item) return false;
    const outcome = outcomeOf(item.label, scores.get(item.id) ?? null, threshold);
    if (tr.dataset.outcome === outcome) continue;
    tr.dataset.outcome = outcome;
    const cell = tr.querySelector<HTMLElement>('td[class^="outcome-"]');
    if (cell) {
      cell.className = `outcome-${outcome}`;
      cell.textContent = t(`lab_outcome_${outcome}`, undefined, lang);
    }
  }
  return true;
}

export function showTextDialog(item: LabItem, neutral: Report, lang: UiLang): void {
  const report = explain(neutral, lang);
  const T = (k: string, s?: (string | number)[]) => t(k, s, lang);
  const close = el('button', { type: 'button', class: 'ghost', id: 'dialog-close' }, T('lab_close'));
  const gate = gateNotice(report, lang);
  const chart = positionChart(report, lang);
  const dialog = el('dialog', { 'aria-labelledby': 'dialog-title', id: 'text-dialog' },
    el('div', { class: 'row spread' }, el('h2', { id: 'dialog-title' }, `${item.id} · ${T(item.label === 'human' ? 'lab_human' : 'lab_machine')}`), close),
    item.source ? el('p', { class: 'muted small' }, `${T('lab_source')}: ${item.source}`) : null,
    gate && toDom(gate, document),
    toDom(summaryBlock(report, lang), document),
    chart && toDom(chart, document),
    el('h3', null, T('analysis_tabSentences')),
    report.score === null ? toDom(plainTextView(item.text, lang), document) : marked(item.text, report, lang),
    el('h3', null, T('analysis_tabSignals')),
    toDom(signalList(report, lang), document),
  );
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => dialog.remove());
  document.body.appendChild(dialog);
  dialog.showModal();
  close.focus();
}
