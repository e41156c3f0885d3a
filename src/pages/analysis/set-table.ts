/** A class set: one row per text, sortable by any column (buttons in the headers, aria-sort). It opens in name order
 * (DEFAULT_SORT), not by score: a class set is not a ranking; the bars are neutral but for texts worth a closer look. */
import { el } from '../dom';
import { headlineOf, type Report } from '../../engine';
import type { UiLang } from '../../engine';
import { elideQue, t } from '../../shared/i18n';
import { percentText } from '../../report/teacher';
import { countText } from '../../shared/numbers';

export interface SetItem {
  id: number;
  name: string;
  text: string;
  report?: Report;
  error?: string;
  /** Where a class set's row came from: "archive › path". */
  source?: string;
  /** The name of an earlier row with the same text (duplicates.ts). */
  duplicateOf?: string;
}

export type SortKey = 'name' | 'words' | 'score' | 'agree' | 'status';
export interface SortState {
  key: SortKey;
  dir: 1 | -1;
}

export const DEFAULT_SORT: SortState = { key: 'name', dir: 1 };

const STATUS_ORDER: Record<string, number> = { ok: 0, weak: 1, 'too-short': 2, 'unsupported-language': 3, 'undetermined-language': 4, 'no-text': 5 };

function value(item: SetItem, key: SortKey): number | string {
  const r = item.report;
  switch (key) {
    case 'name':
      return item.name.toLowerCase();
    case 'words':
      return r?.counts.words ?? -1;
    case 'score':
      return r?.score ?? -1;
    case 'agree':
      return r ? r.agreement.agree : -1;
    case 'status':
      return r ? STATUS_ORDER[r.status] ?? 9 : 10;
  }
}

/** Names in the order a person expects: "Pasted text 2" before "Pasted text 10", case and accents aside. */
const NAMES = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function sortItems(items: readonly SetItem[], sort: SortState): SetItem[] {
  return [...items].sort((a, b) => {
    const va = value(a, sort.key);
    const vb = value(b, sort.key);
    const c = typeof va === 'string' ? NAMES.compare(va, vb as string) : (va) - (vb as number);
    return c !== 0 ? c * sort.dir : a.id - b.id;
  });
}

function statusText(r: Report | undefined, lang: UiLang): string {
  if (!r) return t('analysis_pending', undefined, lang);
  return t(`analysis_status_${r.status.replace(/-/g, '_')}`, undefined, lang);
}

export function setTable(
  items: readonly SetItem[],
  sort: SortState,
  selected: number,
  lang: UiLang,
  on: { sort(key: SortKey): void; open(id: number): void; remove(id: number): void },
): HTMLElement {
  const T = (k: string, s?: (string | number)[]) => t(k, s, lang);
  const cols: { key: SortKey; label: string; num?: boolean }[] = [
    { key: 'name', label: T('analysis_colName') },
    { key: 'words', label: T('analysis_colWords'), num: true },
    { key: 'status', label: T('analysis_colStatus') },
    { key: 'score', label: T('analysis_colScore'), num: true },
    { key: 'agree', label: T('analysis_colAgree'), num: true },
  ];
  const head = el(
    'tr',
    null,
    cols.map((c) =>
      el(
        'th',
        { scope: 'col', class: c.num ? 'num' : undefined, 'aria-sort': sort.key === c.key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none' },
        el('button', { type: 'button', class: 'sort', 'data-sort': c.key, on: { click: () => on.sort(c.key) } }, c.label, el('span', { 'aria-hidden': 'true', class: 'arrow' }, sort.key === c.key ? (sort.dir === 1 ? ' ▲' : ' ▼') : ' ↕')),
      ),
    ),
    el('th', { scope: 'col' }, T('analysis_colSummary')),
    el('th', { scope: 'col' }, el('span', { class: 'visually-hidden' }, T('analysis_colActions'))),
  );
  const rows = sortItems(items, sort).map((it) => {
    const r = it.report;
    return el(
      'tr',
      { class: it.id === selected ? 'selected' : undefined, 'data-id': it.id, 'aria-selected': it.id === selected ? 'true' : 'false' },
      el('th', { scope: 'row' }, el('button', { type: 'button', class: 'link', on: { click: () => on.open(it.id) } }, it.name),
        it.source ? el('span', { class: 'row-note' }, it.source) : null,
        it.duplicateOf !== undefined ? el('span', { class: 'row-note' }, elideQue(T('analysis_sameAs', [it.duplicateOf]), lang)) : null),
      el('td', { class: 'num' }, r ? countText(r.counts.words, lang) : '…'),
      el('td', null, it.error ? T('analysis_failed') : statusText(r, lang)),
      el('td', { class: 'num score-cell' }, r && r.score !== null ? [el('span', { class: 'bar', 'aria-hidden': 'true' }, el('span', { class: r.flag ? 'fill flag' : 'fill', style: `width:${Math.min(99, Math.floor(r.score * 100))}%` })), ' ', percentText(r.score, lang)] : '–'),
      el('td', { class: 'num' }, r && r.score !== null ? `${r.agreement.agree}/${r.agreement.measured}` : '–'),
      el('td', { class: 'summary-cell' }, r ? headlineOf(r, lang) : ''),
      el('td', null, el('button', { type: 'button', class: 'small ghost', 'aria-label': T('analysis_removeText', [it.name]), on: { click: () => on.remove(it.id) } }, '✕')),
    );
  });
  return el('table', { class: 'set-table', id: 'set-table' }, el('caption', null, T('analysis_setCaption', [items.length])), el('thead', null, head), el('tbody', null, rows));
}
