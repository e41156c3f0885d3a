/**
 * result-view — the parts of one text's result shown on the analysis page and in the lab's text viewer, as markup
 * trees (src/report/markup.ts) that the pages turn into DOM with `toDom`: no string is ever parsed as HTML.
 *
 * API (all pure, `lang` = the page language; the Report should have been made with the same `ui`):
 * - `gateNotice(report, lang)` — the minimum-length gate: below MIN_WORDS "nothing meaningful can be said, and why";
 *   up to STRONG_WORDS "weak result"; other statuses (language) in the engine's words. null when the result is
 *   strong.
 * - `summaryBlock(report, lang)` — headline, score in words, agreement.
 * - `positionChart(report, lang)` — where the text falls among human reference texts, per signal.
 * - `sentenceView(text, report, lang)` — the text with sentence highlights (same levels and legend as on pages); a
 *   text longer than TEXT_CHUNK comes in blocks (`textChunks`) that the browser lays out only near the screen, and
 *   its text and list of reasons carry `data-slice` (a page may build them in slices: sliced-dom.ts).
 * - `plainTextView(text, lang)` — a text with no score, as it is (in blocks too when long).
 * - `wordView(text, words, ranks, lang)` — GLTR-style word shading with legend and histogram; `words` (offsets
 *   into `text`) and `ranks` come from the engine's `wordRanks(text, report.lang)`, through the engine worker.
 * - `signalList(report, lang)` — every signal with its position, evidence or reason for abstaining.
 */
import { headlineBand, MIN_WORDS, STRONG_WORDS, type ExplainedReport as Report, type Span, type UiLang } from '../engine';
import { h, type El } from '../report/markup';
import { sentenceRuns, textChunks } from '../report/runs';
import { AGREE_AT, bucketChart, percentText, positionOf, signalLabel } from '../report/teacher';
import { percentileChart, PALETTE } from '../report/charts';
import { t, tn } from '../shared/i18n';
import { countText, exactPercent, ratePercent } from '../shared/numbers';

export interface WordRankLike {
  bucket: 0 | 1 | 2 | 3;
  rank?: number;
}

const tt = (lang: UiLang) => (k: string, subs?: (string | number)[]) => t(k, subs, lang);

export function gateNotice(report: Report, lang: UiLang): El | null {
  const T = tt(lang);
  switch (report.status) {
    case 'ok':
      return null;
    case 'weak':
      return h('div', { class: 'notice weak', role: 'note' }, h('strong', null, T('analysis_weakTitle')), ' ', T('analysis_weakBody', [report.counts.words, STRONG_WORDS]));
    case 'too-short':
      return h('div', { class: 'notice gate', role: 'note' }, h('strong', null, T('analysis_gateTitle')), ' ', tn('analysis_gateBody', report.counts.words, [report.counts.words, MIN_WORDS], lang));
    default:
      return h('div', { class: 'notice gate', role: 'note' }, h('strong', null, T('analysis_noScoreTitle')), ' ', report.headline);
  }
}

export function summaryBlock(report: Report, lang: UiLang): El {
  const T = tt(lang);
  const scored = report.score !== null;
  return h(
    'div',
    { class: 'summary-block' },
    scored && report.comparison?.beyond
      ? h('p', { class: 'score-line' }, h('span', null, T('analysis_scoreBeyond', [report.comparison.texts])))
      : scored
        ? h('p', { class: 'score-line' },
            h('span', { class: 'score-figure' }, percentText(report.score!, lang)),
            ' ',
            h('span', null, T('analysis_scoreMeaning')),
          )
        : null,
    // Without a score the engine's summary already opens with its headline: say it once.
    scored ? h('p', { class: 'headline' }, report.headline) : null,
    h('p', null, report.summary),
    scored ? h('p', { class: 'muted' }, T('report_agreement', [report.agreement.agree, report.agreement.measured, report.agreement.abstained])) : null,
  );
}

export function positionChart(report: Report, lang: UiLang): El | null {
  const T = tt(lang);
  const measured = report.signals.map((s) => ({ s, p: positionOf(s) })).filter((x) => x.s.status === 'ok' && x.p !== undefined);
  if (!measured.length) return null;
  return percentileChart({
    title: T('report_chartTitle'),
    desc: measured.map(({ s, p }) => `${signalLabel(s, lang)}${lang === 'fr' ? ' : ' : ': '}${percentText(p!, lang)}`).join(lang === 'fr' ? ' ; ' : '; '),
    rows: [
      ...(report.score !== null ? [{ label: T('report_combined'), strong: true, marks: [{ value: report.score, shape: 'circle' as const, name: T('report_combined'), fill: PALETTE.ink }] }] : []),
      ...measured.map(({ s, p }) => ({ label: signalLabel(s, lang), marks: [{ value: p, shape: 'circle' as const, name: s.title }] })),
    ],
    agreeAt: AGREE_AT,
    axisLabel: T('report_chartAxis'),
    bandLabel: T('report_chartBand'),
    fmt: (v) => percentText(v, lang),
    tick: (v) => exactPercent(v, lang),
  });
}

function levelLegend(lang: UiLang): El {
  return h(
    'p',
    { class: 'legend' },
    h('span', { class: 'legend-title' }, t('analysis_legendTitle', undefined, lang)),
    [1, 2, 3].map((l) => h('span', { class: 'legend-item' }, h('mark', { class: `lvl lvl${l}` }, t(`level${l}`, undefined, lang)), ' ', h('small', null, `(${t(`levelUnderline${l}`, undefined, lang)})`))),
  );
}

/** About this many characters per block of a long text's sentence view (`textChunks`): a text up to this long is
 * shown as one flow of text. */
export const TEXT_CHUNK = 20_000;

/**
 * The text with its marked sentences. Every mark is focusable (one tab stop for them all, arrow keys move between
 * them: wired by src/pages/sentence-marks.ts), and is described by its reasons written out as text in the list below
 * the text (`aria-describedby`), so keyboard, touch and screen-reader users get the reasons, not only a mouse over a
 * tooltip. `prefix` keeps ids apart when two views share a page.
 */
export function sentenceView(text: string, report: Report, lang: UiLang, prefix = 'sent'): El {
  const T = tt(lang);
  const markedSentences = report.sentences.filter((s) => s.level > 0);
  const why = (s: Report['sentences'][number]) => (s.reasons.length ? s.reasons.map((r) => r.text).join(' · ') : T('analysis_noReason'));
  let first = true;
  const chunks = textChunks(sentenceRuns(text, report.sentences), TEXT_CHUNK);
  // a long text: its blocks and its list of reasons may be built in slices (sliced-dom.ts toDomInSlices)
  const slice = chunks.length > 1 ? { 'data-slice': true } : {};
  return h(
    'div',
    { class: 'sentence-view', 'data-prefix': prefix },
    levelLegend(lang),
    h('p', { class: 'muted' }, T('analysis_sentencesMarked', [markedSentences.length, report.sentences.length])),
    // the headline says "within the usual range" while sentences are marked: say what they are (render.ts, the panel)
    markedSentences.length && report.score !== null && headlineBand(report.score, report.flag) !== 'high'
      ? h('p', { class: 'muted within-usual' }, T('panel_passagesWithinUsual'))
      : null,
    h(
      'div',
      { class: 'text-view', tabindex: 0, 'aria-label': T('analysis_textWithHighlights'), ...slice },
      chunks.map((chunk, _, all) => {
        const runs = chunk.map((r) => {
          if (!r.level) return r.text;
          const mark = h('mark', { class: `lvl lvl${r.level}`, id: `${prefix}-${r.sentence}`, tabindex: first ? 0 : -1, 'data-level': r.level, 'data-sentence': r.sentence, 'aria-describedby': `${prefix}-why-${r.sentence}` }, r.text);
          first = false;
          return mark;
        });
        // one chunk: the text as it always was; more: blocks the browser lays out only near the screen
        return all.length === 1 ? runs : h('div', { class: 'text-chunk' }, runs);
      }),
    ),
    markedSentences.length
      ? h('div', { class: 'why-box', id: `${prefix}-why-now`, 'aria-live': 'polite', 'data-empty': T('analysis_whyHint') }, T('analysis_whyHint'))
      : null,
    markedSentences.length
      ? h('details', { class: 'marked-list' },
          h('summary', null, T('analysis_markedList', [markedSentences.length])),
          h('ol', slice, markedSentences.map((s) =>
            h('li', { id: `${prefix}-why-${s.index}`, 'data-sentence': s.index },
              h('strong', null, `${t(`level${s.level}`, undefined, lang)} (${t(`levelUnderline${s.level}`, undefined, lang)})`), ' — ',
              h('q', null, excerpt(text.slice(s.start, s.end))), ' ',
              h('span', { class: 'reasons' }, why(s)),
            ),
          )),
        )
      : null,
  );
}

/** A text with no score, as it is (no highlights to read meaning into); a long one in blocks like `sentenceView`'s. */
export function plainTextView(text: string, lang: UiLang): El {
  const lines = text.split(/(?<=\n)/).map((line) => ({ text: line, level: 0 as const }));
  const chunks = textChunks(lines, TEXT_CHUNK).map((c) => c.map((r) => r.text).join(''));
  return h('div', { class: 'text-view', tabindex: 0, 'aria-label': t('analysis_textPlain', undefined, lang) }, chunks.length === 1 ? chunks[0]! : chunks.map((c) => h('div', { class: 'text-chunk' }, c)));
}

/** A sentence shortened for the list of reasons. */
function excerpt(s: string, max = 90): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? one.slice(0, max - 1) + '…' : one;
}

export const BUCKET_KEYS = ['analysis_bucket0', 'analysis_bucket1', 'analysis_bucket2', 'analysis_bucket3'] as const;

/**
 * Words shaded in the word view: a long essay or a dissertation chapter. Each shaded word is an element the page must
 * style and lay out (about 45 µs each in Chromium): a 170,000-word thesis froze the page for 9 s, a 750,000-word text
 * for 31 s. Past this, the view shades the first words and says so; its shares and chart still count every word.
 */
export const WORD_VIEW_MAX = 10_000;

export function wordView(text: string, words: readonly Span[], ranks: readonly WordRankLike[], lang: UiLang): El {
  const T = tt(lang);
  const counts = [0, 0, 0, 0];
  for (const r of ranks) counts[r.bucket]!++;
  const labels = BUCKET_KEYS.map((k) => T(k));
  const parts: (El | string)[] = [];
  const cut = words.length > WORD_VIEW_MAX;
  let at = 0;
  (cut ? words.slice(0, WORD_VIEW_MAX) : words).forEach((w, i) => {
    if (w.start > at) parts.push(text.slice(at, w.start));
    const r = ranks[i] ?? { bucket: 3 as const };
    const title = r.rank !== undefined ? `${labels[r.bucket]} · ${T('analysis_rank', [r.rank + 1])}` : labels[r.bucket];
    parts.push(h('span', { class: `w b${r.bucket}`, title }, text.slice(w.start, w.end)));
    at = w.end;
  });
  if (!cut && at < text.length) parts.push(text.slice(at));
  return h(
    'div',
    { class: 'word-view' },
    h('p', null, T('analysis_wordsIntro')),
    h('div', { class: 'word-top' },
      h('ul', { class: 'bucket-legend', 'aria-label': T('analysis_bucketLegend') },
        labels.map((l, b) => h('li', null, h('span', { class: `w b${b} swatch`, 'aria-hidden': 'true' }, 'abc'), ' ', l, ' — ', h('strong', null, ratePercent(counts[b]!, ranks.length, lang)), ` (${countText(counts[b]!, lang)})`)),
      ),
      bucketChart(counts, labels, T('analysis_bucketChart'), labels.map((l, b) => `${l}: ${counts[b]}`).join('; '), lang),
    ),
    h('div', { class: 'text-view words', tabindex: 0, 'aria-label': T('analysis_wordsAria') }, parts),
    cut ? h('p', { class: 'notice words-cut' }, T('analysis_wordsCut', [countText(WORD_VIEW_MAX, lang), countText(words.length, lang)])) : null,
    h('p', { class: 'muted' }, T('analysis_wordsCaveat')),
  );
}

export function signalList(report: Report, lang: UiLang): El {
  const T = tt(lang);
  return h(
    'ul',
    { class: 'signal-list' },
    report.signals.map((s) => ({ s, p: positionOf(s) })).map(({ s, p }) =>
      h(
        'li',
        { class: `signal ${s.status}${s.agrees ? ' agrees' : ''}`, 'data-signal': s.id },
        h('div', { class: 'signal-head' },
          h('strong', null, s.title),
          s.status === 'ok' && p !== undefined
            ? h('span', { class: 'signal-pos' }, percentText(p, lang), s.agrees ? h('span', { class: 'badge' }, T('report_agrees')) : null)
            : h('span', { class: 'signal-pos muted' }, s.status === 'ok' ? T('analysis_noReference') : T('report_abstained')),
          s.weight === 0 && s.status === 'ok' ? h('span', { class: 'badge info' }, T('signal_notCounted')) : null,
        ),
        s.status === 'ok' && p !== undefined
          ? h('div', { class: 'meter', role: 'meter', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': Math.min(99, Math.floor(p * 100)), 'aria-valuetext': percentText(p, lang), 'aria-label': s.title },
              h('span', { class: 'meter-band', style: `width:${AGREE_AT * 100}%` }),
              h('span', { class: 'meter-mark', style: `left:${(p * 100).toFixed(1)}%` }),
            )
          : null,
        h('p', { class: 'describe muted' }, s.describe),
        h('p', { class: 'evidence' }, s.status === 'ok' ? (s.evidence ?? '') : (s.reason ?? '')),
      ),
    ),
  );
}

