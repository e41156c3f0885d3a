/**
 * render — the pieces the popup and the side panel share: one-line summary, page summary, highlight legend,
 * flagged passages, and the permanent explanation of limits. DOM APIs and textContent only.
 * Wording rule: describe predictability compared with human reference writing; never say a text "is" machine-made
 * and never show a probability of authorship.
 */
import type { GroupView, Level, Passage, TabView } from '../messaging';
import { comparisonShort, explain, headlineBand, headlineOf, languageName, sentenceReasonText, sharePercent, type UiLang } from '../engine';
import { LEVEL_STYLE } from '../shared/presentation';
import { errorWords } from '../shared/errors';
import { h, type Child } from './h';
import { otherLang, t, tn } from '../shared/i18n';
import { countText } from '../shared/numbers';

/** A failed switch-on in the page's own language (the view's `error` is in the background's). */
export function failureText(view: TabView, ui: UiLang): string {
  return view.code ? errorWords(view.code, view.problem, ui) : (view.error ?? t('err_noText', undefined, ui));
}

/** "Nothing to measure here" (no text, too little, a language the engine does not know) is a state, not a failure:
 * the popup and the side panel show it the same, neutral way (only real failures are drawn as errors). */
export function isNotice(view: TabView): boolean {
  return view.phase === 'error' && (view.code === 'no-text' || view.code === 'unsupported-language');
}

/** The one line the popup shows. */
export function oneLine(view: TabView, ui: UiLang): string {
  if (view.phase === 'working') return t('popup_working', undefined, ui);
  if (view.phase === 'error') return failureText(view, ui);
  if (view.phase === 'on' && view.report) return headlineOf(view.report, ui);
  return t('popup_off', undefined, ui);
}

function levelBadge(level: Level, ui: UiLang): HTMLElement {
  const s = LEVEL_STYLE[level];
  const el = h('span', { class: `badge level-${level}`, text: t(`levelShort${level}`, undefined, ui), attrs: { title: `${t(`level${level}`, undefined, ui)} · ${t(`levelUnderline${level}`, undefined, ui)}` } });
  el.style.backgroundColor = s.tint;
  el.style.textDecorationLine = 'underline';
  el.style.textDecorationStyle = s.line;
  el.style.textDecorationColor = `var(--level-${level}, ${s.color})`; // the page's scheme (ui.css, pages.css)
  el.style.textDecorationThickness = s.thickness;
  return el;
}

export function renderLegend(ui: UiLang): HTMLElement {
  return h('ul', { class: 'legend', attrs: { 'aria-label': t('page_legendTitle', undefined, ui) } },
    ...([1, 2, 3] as Level[]).map((l) => h('li', {}, levelBadge(l, ui), ' ', h('span', { text: `${t(`level${l}`, undefined, ui)} (${t(`levelUnderline${l}`, undefined, ui)})` }))),
  );
}

function row(label: string, ...value: Child[]): HTMLElement[] {
  return [h('dt', { text: label }), h('dd', {}, ...value)];
}

export function renderSummary(view: TabView, ui: UiLang): HTMLElement {
  if (!view.report) return h('p', { class: 'status', text: oneLine(view, ui) });
  const r = explain({ ...view.report, sentences: [] }, ui);
  const abstained = r.signals.filter((s) => s.status === 'abstained');
  // the engine's wording of a share: rounded down, never 100% (a reference sample cannot show more)
  const pct = r.score === null ? null : sharePercent(r.score, ui);
  return h('div', { class: 'summary' },
    h('p', { class: 'headline', text: r.headline }),
    h('p', { class: 'explain', text: r.summary }),
    view.scope === 'selection' ? h('p', { class: 'note', text: t('panel_selectionOnly', undefined, ui) }) : null,
    h('dl', { class: 'facts' },
      ...row(t('panel_predictability', undefined, ui),
        pct === null ? t('panel_predictabilityNone', undefined, ui) : r.comparison ? comparisonShort(r.comparison, r.score ?? 0, ui) : t('panel_predictabilityValue', [pct, r.langName], ui),
        pct === null ? null : meter(r.score ?? 0)),
      ...row(t('panel_agreement', undefined, ui), tn('panel_agreementValue', r.agreement.agree, [r.agreement.agree, r.agreement.measured], ui)),
      ...row(t('panel_abstained', undefined, ui), abstained.length
        ? h('ul', { class: 'plain' }, ...abstained.map((s) => h('li', {}, h('strong', { text: s.title }), ` — ${s.reason ?? ''}`)))
        : t('panel_abstainedNone', undefined, ui)),
      ...row(t('panel_language', undefined, ui), r.langName),
      // one language: the page's sentences and blocks (the legend's count); several: the summarised text's own
      // counts, as its language's line repeats them (never its words beside the whole page's sentences)
      ...row(t('panel_amount', undefined, ui), amountText((view.groups?.length ?? 0) > 1
        ? [r.counts.words, r.counts.sentences, r.counts.paragraphs]
        : [r.counts.words, view.sentences ?? r.counts.sentences, view.blocks ?? r.counts.paragraphs], ui)),
    ),
    h('details', { class: 'signals' },
      h('summary', { text: t('panel_signals', undefined, ui) }),
      h('ul', { class: 'plain' }, ...r.signals.filter((s) => s.status === 'ok').map((s) =>
        h('li', {},
          h('strong', { text: s.title }), s.weight > 0 ? null : h('span', { class: 'tag', text: ` (${t('signal_notCounted', undefined, ui)})` }), ' ',
          h('span', { class: s.agrees ? 'tag agrees' : 'tag', text: s.agrees ? t('panel_signalAgrees', undefined, ui) : t('panel_signalWithin', undefined, ui) }),
          s.evidence ? h('span', { class: 'evidence', text: ` ${s.evidence}` }) : null,
        ))),
    ),
    r.caveats.length ? h('details', { class: 'caveats' },
      h('summary', { text: t('panel_caveats', undefined, ui) }),
      h('ul', { class: 'plain' }, ...r.caveats.map((c) => h('li', { text: c }))),
    ) : null,
  );
}

/** "50,044 words, 3,475 sentences, 1 block": each count grouped, each noun in its own number. */
function amountText([words, sentences, blocks]: [number, number, number], ui: UiLang): string {
  return [countPart('panel_amountWords', words, ui), countPart('panel_amountSentences', sentences, ui), countPart('panel_amountBlocks', blocks, ui)].join(', ');
}

/** One count with its noun in the right number ("1 block", "3,475 sentences"). */
function countPart(key: string, n: number, ui: UiLang): string {
  return tn(key, n, [countText(n, ui)], ui);
}

function meter(score: number): HTMLElement {
  const m = h('span', { class: 'meter', attrs: { 'aria-hidden': 'true' } }, h('span', { class: 'meter-fill' }));
  (m.firstChild as HTMLElement).style.width = `${Math.round(Math.max(0, Math.min(1, score)) * 100)}%`;
  return m;
}

/** Passages are rendered this many at a time; "Show more" adds the next ones. */
export const PASSAGES_PAGE = 100;

export function renderPassages(view: TabView, ui: UiLang, onShow: (p: Passage) => void): HTMLElement {
  const passages = view.passages ?? [];
  if (!passages.length) return h('p', { class: 'status', text: t('panel_noPassages', undefined, ui) });
  const item = (p: Passage, i: number) =>
    h('li', { class: `passage level-${p.level}` },
      h('div', { class: 'passage-head' }, levelBadge(p.level, ui),
        h('button', { class: 'show', text: t('panel_passageShow', undefined, ui), attrs: { type: 'button', 'aria-describedby': `passage-${i}` }, on: { click: () => onShow(p) } })),
      h('blockquote', { text: p.text, attrs: { id: `passage-${i}` } }),
      h('p', { class: 'why-title', text: t('panel_passageWhy', undefined, ui) }),
      p.reasons.length
        ? h('ul', { class: 'why' }, ...p.reasons.map((r) => h('li', { text: sentenceReasonText(r, ui) })))
        : h('p', { class: 'why', text: t('panel_passageNoReason', undefined, ui) }));
  const list = h('ol', { class: 'passages' });
  const more = h('button', { class: 'link more', attrs: { type: 'button', id: 'passages-more' } });
  let shown = 0;
  const showMore = () => {
    const next = passages.slice(shown, shown + PASSAGES_PAGE);
    list.append(...next.map((p, k) => item(p, shown + k)));
    const first = list.children[shown] as HTMLElement | undefined;
    shown += next.length;
    const left = passages.length - shown;
    more.hidden = left === 0;
    more.textContent = t('panel_passagesMore', [Math.min(left, PASSAGES_PAGE), left], ui);
    return first;
  };
  more.addEventListener('click', () => {
    // keyboard users land on the first passage added, not back at the top
    const first = showMore()?.querySelector('button.show') as HTMLElement | null;
    first?.focus();
  });
  showMore();
  const total = view.passagesTotal ?? passages.length;
  // A document the headline places within the usual range can still show its most predictable sentences (levels are
  // gated on the document's stated percentile, the headline gives the held-out figure): say what they are then.
  const withinUsual = view.report && view.report.score !== null && headlineBand(view.report.score, view.report.flag) !== 'high';
  return h('div', {},
    h('p', { class: 'count', text: total > passages.length ? t('panel_passagesListed', [total, passages.length], ui) : tn('panel_passagesCount', passages.length, passages.length, ui) }),
    withinUsual ? h('p', { class: 'note', text: t('panel_passagesWithinUsual', undefined, ui) }) : null,
    list,
    more,
  );
}

/** The permanent explanation of limits, in `lang`, with a switch to the other language. */
export function renderLimits(lang: UiLang, onSwitch: (next: UiLang) => void): HTMLElement {
  const m = (k: string) => t(k, undefined, lang);
  return h('section', { class: 'limits', attrs: { lang, 'aria-labelledby': 'limits-title' } },
    h('div', { class: 'limits-head' },
      h('h2', { text: m('panel_limitsTitle'), attrs: { id: 'limits-title' } }),
      h('button', { class: 'link', text: m('panel_showIn'), attrs: { type: 'button', lang: otherLang(lang) }, on: { click: () => onSwitch(otherLang(lang)) } }),
    ),
    h('h3', { text: m('panel_limitsWhatTitle') }), h('p', { text: m('panel_limitsWhat') }),
    h('h3', { text: m('panel_limitsWhyTitle') }), h('p', { text: m('panel_limitsWhy') }),
    h('blockquote', { class: 'quote', text: m('panel_limitsQuote') }),
    h('h3', { text: m('panel_limitsFalseTitle') }),
    h('ul', {}, ...[1, 2, 3, 4, 5].map((i) => h('li', { text: m(`panel_limitsFalse${i}`) }))),
    h('p', { text: m('panel_limitsFalseNeg') }),
    h('h3', { text: m('panel_limitsDoTitle') }),
    h('ul', {}, ...[1, 2, 3, 4].map((i) => h('li', { text: m(`panel_limitsDo${i}`) }))),
    h('p', { class: 'source', text: m('panel_limitsSource') }),
  );
}

/** The language groups of a page: each named, with its own one-line result ("German: not supported"). */
export function renderGroups(groups: readonly GroupView[], ui: UiLang): HTMLElement {
  return h('section', { class: 'groups', attrs: { 'aria-labelledby': 'groups-title' } },
    h('h3', { text: t('panel_languagesTitle', undefined, ui), attrs: { id: 'groups-title' } }),
    h('ul', { class: 'plain groups-list' }, ...groups.map((g) =>
      h('li', { class: `group status-${g.status}`, attrs: { 'data-lang': g.lang } },
        h('strong', { text: languageName(g.lang, ui) }), ' — ',
        h('span', { class: 'amount', text: t('panel_groupAmount', [countPart('panel_amountWords', g.words, ui), countPart('panel_amountBlocks', g.blocks, ui), countPart('panel_groupFlagged', g.flagged, ui)], ui) }),
        h('p', { class: 'group-headline', text: headlineOf(g.head, ui) }),
      ))),
    h('p', { class: 'note', text: t('panel_languagesNote', undefined, ui) }),
  );
}
