/** One text's result: gate notice, summary, where it falls among human texts, and three views (sentences, words,
 * signals) in a keyboard-operable tab list. The word view's ranks come from the engine worker when it is opened. */
import { el } from '../dom';
import { toDom } from '../../report/markup';
import { gateNotice, plainTextView, positionChart, sentenceView, signalList, summaryBlock, wordView } from '../result-view';
import type { ExplainedReport as Report, UiLang } from '../../engine';
import type { EngineClient } from '../engine-client';
import { t } from '../../shared/i18n';
import { wireSentenceMarks } from '../sentence-marks';
import { toDomInSlices } from '../sliced-dom';

export type DetailTab = 'sentences' | 'words' | 'signals';
export const DETAIL_TABS: DetailTab[] = ['sentences', 'words', 'signals'];

export function tabs<K extends string>(id: string, keys: readonly K[], labels: Record<K, string>, current: K, onSelect: (k: K) => void): HTMLElement {
  const list = el('div', { role: 'tablist', class: 'tabs', id }, keys.map((k) =>
    el('button', {
      type: 'button',
      role: 'tab',
      id: `${id}-${k}`,
      'aria-selected': k === current ? 'true' : 'false',
      'aria-controls': `${id}-panel`,
      tabindex: k === current ? 0 : -1,
      on: { click: () => onSelect(k) },
    }, labels[k]),
  ));
  list.addEventListener('keydown', (e) => {
    const i = keys.indexOf(current);
    const next = e.key === 'ArrowRight' ? keys[(i + 1) % keys.length] : e.key === 'ArrowLeft' ? keys[(i - 1 + keys.length) % keys.length] : undefined;
    if (next) {
      e.preventDefault();
      onSelect(next);
      requestAnimationFrame(() => document.getElementById(`${id}-${next}`)?.focus());
    }
  });
  return list;
}

/** The word view, filled in when the engine worker has ranked the words (a failure is said in place). */
function wordPanel(text: string, report: Report, lang: UiLang, engine: Pick<EngineClient, 'wordRanks'>): Node {
  const host = el('div', { class: 'word-host', 'aria-busy': 'true' }, el('p', { class: 'muted' }, t('analysis_progress', [0, 1], lang)));
  engine.wordRanks(text, report.lang).then(
    ({ words, ranks }) => host.replaceChildren(toDom(wordView(text, words, ranks, lang), document)),
    (e: unknown) => host.replaceChildren(el('p', { class: 'notice gate' }, t('analysis_failedDetail', [e instanceof Error ? e.message : String(e)], lang))),
  ).finally(() => host.removeAttribute('aria-busy'));
  return host;
}

function detailPanel(text: string, report: Report, tab: DetailTab, lang: UiLang, engine: Pick<EngineClient, 'wordRanks'>): Node {
  switch (tab) {
    case 'sentences': {
      // a long text's marks and reasons arrive in slices: the page is never held for seconds (sliced-dom.ts)
      const view = toDomInSlices(sentenceView(text, report, lang), document).node as HTMLElement;
      wireSentenceMarks(view);
      return view;
    }
    case 'words':
      return wordPanel(text, report, lang, engine);
    case 'signals':
      return toDom(signalList(report, lang), document);
  }
}

export function resultSection(item: { name: string; text: string; report: Report }, tab: DetailTab, lang: UiLang, onTab: (t: DetailTab) => void, engine: Pick<EngineClient, 'wordRanks'>): HTMLElement {
  const { name, text, report } = item;
  const T = (k: string, s?: (string | number)[]) => t(k, s, lang);
  const gate = gateNotice(report, lang);
  const chart = positionChart(report, lang);
  const labels = { sentences: T('analysis_tabSentences'), words: T('analysis_tabWords'), signals: T('analysis_tabSignals') };
  return el(
    'section',
    { class: 'card result', id: 'result', 'aria-labelledby': 'result-title' },
    el('h2', { id: 'result-title' }, name),
    gate && toDom(gate, document),
    el('div', { class: 'result-top' },
      toDom(summaryBlock(report, lang), document),
      chart && el('figure', { class: 'position' }, toDom(chart, document), el('figcaption', { class: 'muted small' }, T('report_positionNote'))),
    ),
    // No score: no highlights or word shading to read meaning into; the text as is, and why each signal abstained.
    report.score === null
      ? [
          toDom(plainTextView(text, lang), document),
          el('details', { class: 'caveats' }, el('summary', null, T('analysis_tabSignals')), toDom(signalList(report, lang), document)),
        ]
      : [
          tabs('detail', DETAIL_TABS, labels, tab, onTab),
          el('div', { role: 'tabpanel', id: 'detail-panel', 'aria-labelledby': `detail-${tab}`, class: 'tabpanel' }, detailPanel(text, report, tab, lang, engine)),
        ],
    el('details', { class: 'caveats' }, el('summary', null, T('report_caveatsHeading')), el('ul', null, report.caveats.map((c) => el('li', null, c)))),
  );
}
