/** Compare two texts side by side: each signal for both, a two-mark chart, and what differs in words. */
import { el, scrollBox } from '../dom';
import { toDom } from '../../report/markup';
import { compareReports } from '../../report/compare';
import { percentileChart, PALETTE } from '../../report/charts';
import { AGREE_AT, percentText } from '../../report/teacher';
import { gateNotice } from '../result-view';
import { ACCEPT_ONE, readTextFile } from '../files/file-text';
import { withinEngineLimit } from './input';
import type { Notice } from './file-status';
import { explain, type Report } from '../../engine';
import type { UiLang } from '../../engine';
import { t } from '../../shared/i18n';
import { exactPercent } from '../../shared/numbers';

export interface CompareState {
  names: [string, string];
  texts: [string, string];
  reports?: [Report, Report];
}

function side(i: 0 | 1, st: CompareState, lang: UiLang, onProblem: (m: Notice) => void): HTMLElement {
  const T = (k: string, s?: (string | number)[]) => t(k, s, lang);
  const name = el('input', { type: 'text', id: `cmp-name-${i}`, value: st.names[i], autocomplete: 'off' });
  name.addEventListener('input', () => (st.names[i] = name.value || T(i === 0 ? 'compare_defaultA' : 'compare_defaultB')));
  const area = el('textarea', { id: `cmp-text-${i}`, rows: 10, placeholder: T('analysis_pastePlaceholder') });
  area.value = st.texts[i];
  area.addEventListener('input', () => (st.texts[i] = area.value));
  const file = el('input', { type: 'file', id: `cmp-file-${i}`, accept: ACCEPT_ONE });
  file.addEventListener('change', () => void (async () => {
    const f = file.files?.[0];
    file.value = '';
    if (!f) return;
    const r = await readTextFile(f);
    const long = 'text' in r ? withinEngineLimit([r]).problems[0] : undefined;
    if ('error' in r) onProblem({ file: r });
    else if (long) onProblem(long);
    else area.value = st.texts[i] = r.text;
  })());
  return el('div', { class: 'compare-side' },
    el('label', { for: name.id }, T('compare_nameLabel', [i === 0 ? 'A' : 'B'])), name,
    el('label', { for: area.id }, T('compare_textLabel', [i === 0 ? 'A' : 'B'])), area,
    el('label', { for: file.id, class: 'small' }, T('compare_fileLabel')), file,
  );
}

export function compareInput(st: CompareState, lang: UiLang, run: () => void, onProblem: (m: Notice) => void): HTMLElement {
  const T = (k: string, s?: (string | number)[]) => t(k, s, lang);
  return el('section', { class: 'card', 'aria-labelledby': 'cmp-title' },
    el('h2', { id: 'cmp-title' }, T('compare_title')),
    el('p', { class: 'muted' }, T('compare_intro')),
    el('div', { class: 'compare-grid' }, side(0, st, lang, onProblem), side(1, st, lang, onProblem)),
    el('div', { class: 'row' }, el('button', { type: 'button', class: 'primary', id: 'compare-btn', on: { click: run } }, T('compare_button'))),
  );
}

export function compareResult(st: CompareState, lang: UiLang): HTMLElement | null {
  if (!st.reports) return null;
  const T = (k: string, s?: (string | number)[]) => t(k, s, lang);
  const [a, b] = st.reports.map((r) => explain(r, lang)) as [ReturnType<typeof explain>, ReturnType<typeof explain>];
  const cmp = compareReports(a, b, st.names, lang);
  const shown = cmp.rows.filter((r) => r.a !== undefined || r.b !== undefined);
  const rowsChart = [
    ...(a.score !== null || b.score !== null
      ? [{ label: T('report_combined'), strong: true, marks: [{ value: a.score ?? undefined, shape: 'circle' as const, name: st.names[0], fill: PALETTE.a }, { value: b.score ?? undefined, shape: 'square' as const, name: st.names[1], fill: PALETTE.b }] }]
      : []),
    ...shown.map((r) => ({ label: r.title, marks: [{ value: r.a, shape: 'circle' as const, name: st.names[0], fill: PALETTE.a }, { value: r.b, shape: 'square' as const, name: st.names[1], fill: PALETTE.b }] })),
  ];
  const gates = [gateNotice(a, lang), gateNotice(b, lang)];
  return el('section', { class: 'card compare-result', id: 'compare-result', 'aria-labelledby': 'cmp-res-title' },
    el('h2', { id: 'cmp-res-title' }, T('compare_resultTitle', [st.names[0], st.names[1]])),
    gates.map((g, i) => g && el('div', null, el('strong', null, st.names[i] + ' — '), toDom(g, document))),
    el('p', { class: 'overall' }, cmp.overall),
    el('p', { class: 'legend' },
      el('span', { class: 'key-a', 'aria-hidden': 'true' }, '●'), ` ${st.names[0]}  `,
      el('span', { class: 'key-b', 'aria-hidden': 'true' }, '■'), ` ${st.names[1]}`),
    rowsChart.length ? el('figure', { class: 'position' }, toDom(percentileChart({
      title: T('compare_chartTitle'),
      desc: shown.map((r) => r.text).join(' '),
      rows: rowsChart,
      agreeAt: AGREE_AT,
      axisLabel: T('report_chartAxis'),
      bandLabel: T('report_chartBand'),
      fmt: (v) => percentText(v, lang),
      tick: (v) => exactPercent(v, lang),
    }), document)) : null,
    scrollBox(T('table_box', [T('compare_title')]), el('table', { class: 'compare-table' },
      el('thead', null, el('tr', null,
        el('th', { scope: 'col' }, T('report_colSignal')),
        el('th', { scope: 'col', class: 'num' }, st.names[0]),
        el('th', { scope: 'col', class: 'num' }, st.names[1]),
        el('th', { scope: 'col' }, T('compare_colDiff')))),
      el('tbody', null, cmp.rows.map((r) => el('tr', { 'data-signal': r.id },
        el('th', { scope: 'row' }, r.title),
        el('td', { class: 'num' }, r.a !== undefined ? percentText(r.a, lang) : '–'),
        el('td', { class: 'num' }, r.b !== undefined ? percentText(r.b, lang) : '–'),
        el('td', null, r.text)))),
    )),
    el('p', { class: 'notice', role: 'note' }, T('compare_caveat')),
  );
}
