/**
 * teacher — the teacher report: conversation notes about one text, never evidence of misconduct.
 *
 * When to use: the analysis page's "Export report" (HTML to print or save as PDF, and JSON). The report is built
 * from an engine Report (src/engine/score/types.ts) produced with `ui` = the report's language, so that evidence and
 * caveats are in that language; its language is chosen by the teacher, independently of the browser's.
 *
 * API:
 * - `buildTeacherReport(report, text, options)` -> Promise<TeacherReport> (async only for the SHA-256).
 *   options: `{ lang, includeText = false, date = new Date(), title?, checked? }`. The text itself is in the report
 *   only when `includeText` is true; otherwise only its fingerprint (hash, word and character counts).
 * - `reportHtml(model)` -> a complete, printable HTML document as a string. Built with src/report/markup.ts: every
 *   string from the text, the title or the engine is escaped; the document has no script and no external resource.
 * - `reportTree(model)` -> the same document as a markup tree (the page shows a preview with `toDom`).
 * - `reportJson(model)` -> pretty JSON of the model (schema REPORT_SCHEMA).
 * - `reportFileName(model, ext)` -> "mirage-lens-report-2026-11-26-3f2a9c01.html".
 * Limits: the checklist and questions are prompts for a conversation, chosen from the signals that agree; they
 * are not a procedure.
 */
import { AGREE_PERCENTILE, headlineBand, kindName, sharePercent as pct, type ExplainedReport as Report, type UiLang } from '../engine';
import { t } from '../shared/i18n';
import { barChart, percentileChart, PALETTE } from './charts';
import { sha256Hex } from './fingerprint';
import { css, documentHtml, h, type El } from './markup';
import { sentenceRuns } from './runs';
import { LEVEL_STYLE } from '../shared/presentation';
import { countText, exactPercent, ratePercent } from '../shared/numbers';

export const REPORT_SCHEMA = 'mirage-lens/teacher-report@1';

/** Process evidence worth looking at before any conclusion (keys report_check_<id>). */
export const CHECKLIST = ['drafts', 'history', 'samples', 'notes', 'conversation', 'tools'] as const;
export type ChecklistId = (typeof CHECKLIST)[number];

/** Questions asked whatever the result (keys report_q_<id>). */
export const GENERAL_QUESTIONS = ['process', 'choices', 'sources', 'rewrite'] as const;

/** The engine's agreement point: beyond it a signal counts as agreeing (mirrors analyse.ts; used for the chart band). */
export const AGREE_AT = AGREE_PERCENTILE;

export interface ReportSignal {
  id: string;
  title: string;
  describe: string;
  status: 'ok' | 'abstained';
  percentile?: number;
  agrees?: boolean;
  weight: number;
  evidence?: string;
  reason?: string;
}

export interface TeacherReport {
  schema: typeof REPORT_SCHEMA;
  lang: UiLang;
  /** ISO 8601. */
  createdAt: string;
  engine: string;
  title?: string;
  fingerprint: { sha256: string; words: number; chars: number; sentences: number; language: string };
  /** Present only when the teacher chose to include the text. */
  text?: string;
  /** Sentence levels, only with the text. */
  sentences?: { index: number; start: number; end: number; level: 0 | 1 | 2 | 3 }[];
  status: Report['status'];
  score: number | null;
  flag: boolean;
  agreement: Report['agreement'];
  /** What the score was stated against: the kinds of human writing most like the text, named in the report's
   * language, with their counts and the text's percentile among each. null when not scored. */
  comparison: { kinds: { id: string; name: string; texts: number; percentile: number; beyond: boolean }[]; texts: number; beyond: boolean } | null;
  headline: string;
  summary: string;
  signals: ReportSignal[];
  caveats: string[];
  checklist: { id: ChecklistId; text: string; checked: boolean }[];
  questions: string[];
  statement: string;
  frame: string;
}

export interface TeacherReportOptions {
  lang: UiLang;
  includeText?: boolean;
  date?: Date;
  title?: string;
  /** Checklist items the teacher ticked. */
  checked?: readonly ChecklistId[];
}

const key = (id: string) => id.replace(/[^A-Za-z0-9]/g, '_');

export async function buildTeacherReport(report: Report, text: string, options: TeacherReportOptions): Promise<TeacherReport> {
  const lang = options.lang;
  const tt = (k: string, subs?: (string | number)[]) => t(k, subs, lang);
  const sha256 = await sha256Hex(text);
  const signals: ReportSignal[] = report.signals.map((s) => ({
    id: s.id,
    title: s.title,
    describe: s.describe,
    status: s.status,
    percentile: positionOf(s),
    agrees: s.agrees,
    weight: s.weight,
    evidence: s.evidence,
    reason: s.reason,
  }));
  const questions = [
    ...report.signals.filter((s) => s.agrees).map((s) => `report_q_${key(s.id)}`).filter((k) => t(k, undefined, lang) !== k),
    ...GENERAL_QUESTIONS.map((q) => `report_q_${q}`),
  ].map((k) => tt(k));
  const caveats = [...report.caveats, tt('report_caveat_genre'), tt('report_caveat_nonNative'), tt('report_caveat_tools'), tt('report_caveat_edited')];
  const checked = new Set(options.checked ?? []);
  const model: TeacherReport = {
    schema: REPORT_SCHEMA,
    lang,
    createdAt: (options.date ?? new Date()).toISOString(),
    engine: report.engine,
    title: options.title?.trim() || undefined,
    fingerprint: { sha256, words: report.counts.words, chars: report.counts.chars, sentences: report.counts.sentences, language: report.langName },
    status: report.status,
    score: report.score,
    flag: report.flag,
    agreement: report.agreement,
    comparison: report.comparison
      ? { ...report.comparison, kinds: report.comparison.kinds.map((k) => ({ ...k, name: kindName(k.id, lang) })) }
      : null,
    headline: report.headline,
    summary: report.summary,
    signals,
    caveats,
    checklist: CHECKLIST.map((id) => ({ id, text: tt(`report_check_${id}`), checked: checked.has(id) })),
    questions,
    statement: tt('report_statement'),
    frame: tt('report_frame'),
  };
  if (options.includeText) {
    model.text = text;
    model.sentences = report.sentences.map((s) => ({ index: s.index, start: s.start, end: s.end, level: s.level }));
  }
  return model;
}

export function reportJson(model: TeacherReport): string {
  return JSON.stringify(model, null, 2) + '\n';
}

export function reportFileName(model: TeacherReport, ext: 'html' | 'json'): string {
  return `mirage-lens-report-${model.createdAt.slice(0, 10)}-${model.fingerprint.sha256.slice(0, 8)}.${ext}`;
}

function formatDate(iso: string, lang: UiLang): string {
  const d = new Date(iso);
  return d.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short' });
}

/** A share of human reference texts, as the engine words it (rounded down, never "100%"). */
export function percentText(p: number, lang: UiLang): string {
  return pct(p, lang);
}

/** Where a signal stands among human reference texts, as every view shows it: the unrounded percentile its evidence
 * sentence is worded from (kept to four decimals, rounded down), so that a chart, a position column and the sentence
 * beside them read the same whole percent. */
export function positionOf(s: { percentile?: number; exactPercentile?: number }): number | undefined {
  const p = s.exactPercentile ?? s.percentile;
  return p === undefined || !Number.isFinite(p) ? undefined : Math.floor(p * 1e4 + 1e-9) / 1e4;
}

/** A signal's title, marked where it is shown but not counted (weight 0), in every list and chart of signals, so that
 * seven rows beside "of 6 signals" add up. */
export function signalLabel(s: { title: string; weight: number }, lang: UiLang): string {
  return s.weight > 0 ? s.title : `${s.title} (${t('signal_notCounted', undefined, lang)})`;
}

/** The sentence levels drawn exactly as on web pages (src/shared/presentation.ts): tint + underline style. The
 * underline's colour follows the page's colour scheme where the page defines `--level-N` (pages.css: lighter in the
 * dark scheme); the printable report does not, and keeps the web pages' colours. */
export function levelCss(prefix: string): string {
  return ([1, 2, 3] as const)
    .map((l) => {
      const s = LEVEL_STYLE[l];
      return `${prefix}${l} { background-color: ${s.tint}; text-decoration-line: underline; text-decoration-style: ${s.line}; text-decoration-color: var(--level-${l}, ${s.color}); text-decoration-thickness: ${s.thickness}; -webkit-print-color-adjust: exact; print-color-adjust: exact; }`;
    })
    .join('\n');
}

export const REPORT_CSS = `
:root { color-scheme: light; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2430; max-width: 46rem; margin: 2rem auto; padding: 0 1.25rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.1rem; margin: 1.6rem 0 .5rem; border-bottom: 1px solid #d9dce3; padding-bottom: .2rem; }
.statement { border: 2px solid #1f2430; padding: .6rem .8rem; font-weight: 600; margin: 1rem 0; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .5rem 0; }
.meta dt { color: #5b6270; } .meta dd { margin: 0; }
code { font-family: ui-monospace, monospace; font-size: .9em; word-break: break-all; }
/* "SHA-256 " and the 64 hex digits: always two even lines of 36 characters, never one letter left over. */
code.hash { display: inline-block; width: 36ch; max-width: 100%; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .35rem .4rem; border-bottom: 1px solid #e6e8ee; }
th { font-weight: 600; } th small { font-weight: 400; }
.num { white-space: nowrap; }
.abstained { color: #5b6270; }
ul.checklist { list-style: none; padding-left: 0; } ul.checklist li { margin: .25rem 0; }
.box { display: inline-block; width: 1.4em; font-weight: 700; }
.frame { font-style: italic; color: #3b4150; }
.text { white-space: pre-wrap; border: 1px solid #d9dce3; padding: .8rem; border-radius: 4px; }
mark { background: none; color: inherit; text-underline-offset: .15em; }
${levelCss('mark.l')}
.legend span { margin-right: 1rem; }
svg.chart { width: 100%; height: auto; max-width: 40rem; display: block; margin: .5rem 0; }
footer { margin-top: 2rem; color: #5b6270; font-size: .85rem; }
@media print { body { margin: 0; max-width: none; font-size: 11pt; } h2 { break-after: avoid; } .text, table, svg { break-inside: avoid; } }
`;

type Words = (k: string, subs?: (string | number)[]) => string;

function signalChart(m: TeacherReport, tt: Words): El | null {
  const pc = (p: number) => percentText(p, m.lang);
  // only the signals that have a place among human reference texts (a signal measured in a language without
  // references has none: its row would say "n/a" and its description "0%"), as on the analysis page
  const measured = m.signals.filter((s) => s.status === 'ok' && s.percentile !== undefined);
  if (!measured.length) return null;
  return percentileChart({
    title: tt('report_chartTitle'),
    desc: measured.map((s) => `${signalLabel(s, m.lang)}${m.lang === 'fr' ? ' : ' : ': '}${pc(s.percentile ?? 0)}`).join(m.lang === 'fr' ? ' ; ' : '; '),
    rows: [
      ...(m.score !== null ? [{ label: tt('report_combined'), strong: true, marks: [{ value: m.score, shape: 'circle' as const, name: tt('report_combined'), fill: PALETTE.ink }] }] : []),
      ...measured.map((s) => ({ label: signalLabel(s, m.lang), marks: [{ value: s.percentile, shape: 'circle' as const, name: s.title }] })),
    ],
    agreeAt: AGREE_AT,
    axisLabel: tt('report_chartAxis'),
    bandLabel: tt('report_chartBand'),
    fmt: pc,
    tick: (v) => exactPercent(v, m.lang),
  });
}

function textSection(m: TeacherReport, tt: Words): El[] {
  const lang = m.lang;
  if (!m.text) return [h('p', { class: 'abstained' }, tt('report_textNotIncluded'))];
  const withinUsual = (m.sentences ?? []).some((s) => s.level > 0) && m.score !== null && headlineBand(m.score, m.flag) !== 'high';
  return [
    h('h2', null, tt('report_textHeading')),
    h('p', { class: 'legend' }, [1, 2, 3].map((l) => h('span', null, h('mark', { class: `l${l}` }, t(`level${l}`, undefined, lang)), ` (${t(`levelUnderline${l}`, undefined, lang)})`))),
    // marked sentences in a text the headline places within the usual range: say what they are (as the panel does)
    ...(withinUsual ? [h('p', { class: 'within-usual' }, t('panel_passagesWithinUsual', undefined, lang))] : []),
    h('div', { class: 'text' }, sentenceRuns(m.text, m.sentences ?? []).map((r) => (r.level ? h('mark', { class: `l${r.level}`, title: t(`level${r.level}`, undefined, lang) }, r.text) : r.text))),
  ];
}

function headerSection(m: TeacherReport, tt: Words): El {
  return h('header', null,
    h('h1', null, tt('report_title')),
    m.title ? h('p', { class: 'subtitle' }, m.title) : null,
    h('p', { class: 'statement', role: 'note' }, m.statement),
    h('dl', { class: 'meta' },
      h('dt', null, tt('report_date')), h('dd', null, h('time', { datetime: m.createdAt }, formatDate(m.createdAt, m.lang))),
      h('dt', null, tt('report_fingerprint')), h('dd', null, h('code', { class: 'hash', title: m.fingerprint.sha256 }, `SHA-256 ${m.fingerprint.sha256}`)),
      h('dt', null, tt('report_size')), h('dd', null, tt('report_sizeValue', [m.fingerprint.words, m.fingerprint.sentences, m.fingerprint.chars].map((n) => countText(n, m.lang)))),
      h('dt', null, tt('report_language')), h('dd', null, m.fingerprint.language),
      h('dt', null, tt('report_engine')), h('dd', null, m.engine),
    ),
  );
}

function signalsSection(m: TeacherReport, tt: Words): El {
  const pc = (p: number) => percentText(p, m.lang);
  return h('section', null,
    h('h2', null, tt('report_signalsHeading')),
    signalChart(m, tt),
    h('table', null,
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, tt('report_colSignal')), h('th', { scope: 'col' }, tt('report_colPosition')), h('th', { scope: 'col' }, tt('report_colEvidence')))),
      h('tbody', null,
        m.signals.map((s) =>
          h('tr', { class: s.status === 'ok' ? 'measured' : 'abstained' },
            h('th', { scope: 'row' }, signalLabel(s, m.lang), h('br'), h('small', { class: 'abstained' }, s.describe)),
            // measured but not placed among reference texts (another language, or a text too short to be placed):
            // not "abstained", which only a signal that abstained is called (the agreement line counts those of them
            // that are counted; the others are marked "shown, not counted")
            h('td', { class: 'num' }, s.status === 'ok' && s.percentile !== undefined ? pc(s.percentile) + (s.agrees ? ` · ${tt('report_agrees')}` : '') : tt(s.status === 'ok' ? 'report_notPlaced' : 'report_abstained')),
            h('td', null, s.status === 'ok' ? (s.evidence ?? '') : (s.reason ?? '')),
          ),
        ),
      ),
    ),
    h('p', null, h('small', { class: 'abstained' }, tt('report_positionNote'))),
  );
}

function comparedSection(m: TeacherReport, tt: Words): El | null {
  const c = m.comparison;
  if (!c) return null;
  return h('section', null,
    h('h3', null, tt('report_comparedHeading')),
    h('ul', { class: 'compared' }, c.kinds.map((k) =>
      h('li', null, k.beyond ? tt('report_comparedRowBeyond', [k.name, k.texts]) : tt('report_comparedRow', [k.name, k.texts, percentText(k.percentile, m.lang)])))),
  );
}

export function reportTree(m: TeacherReport): El {
  const lang = m.lang;
  const tt: Words = (k, subs) => t(k, subs, lang);
  const stated = m.comparison?.beyond ? tt('report_scoreBeyond', [m.comparison.texts]) : m.score === null ? '' : tt('report_scoreValue', [percentText(m.score, lang)]);
  const scoreText = m.score === null ? tt('report_noScore') : stated + (m.status === 'weak' ? ' ' + tt('report_weak') : '');
  return h(
    'html',
    { lang },
    h('head', null, h('meta', { charset: 'utf-8' }), h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }), h('title', null, m.title ? `${tt('report_title')} — ${m.title}` : tt('report_title')), css(REPORT_CSS)),
    h(
      'body',
      null,
      h('main', null,
        headerSection(m, tt),
        h('section', null,
          h('h2', null, tt('report_summaryHeading')),
          h('p', null, h('strong', null, scoreText)),
          h('p', null, m.headline),
          h('p', null, m.summary),
          // without a score, "0 of 0 measured" says nothing: the table below gives each signal's reason (as on the page)
          m.score !== null ? h('p', null, tt('report_agreement', [m.agreement.agree, m.agreement.measured, m.agreement.abstained])) : null,
        ),
        comparedSection(m, tt),
        signalsSection(m, tt),
        textSection(m, tt),
        h('section', null, h('h2', null, tt('report_caveatsHeading')), h('p', { class: 'frame' }, m.frame), h('ul', null, m.caveats.map((c) => h('li', null, c)))),
        h('section', null,
          h('h2', null, tt('report_checklistHeading')),
          h('p', null, tt('report_checklistIntro')),
          h('ul', { class: 'checklist' }, m.checklist.map((c) => h('li', null, h('span', { class: 'box', 'aria-hidden': 'true' }, c.checked ? '☑' : '☐'), h('span', { class: 'sr-state' }, c.checked ? `(${tt('report_checked')}) ` : ''), c.text))),
        ),
        h('section', null, h('h2', null, tt('report_questionsHeading')), h('ol', null, m.questions.map((q) => h('li', null, q)))),
        h('footer', null, h('p', null, m.statement), h('p', null, tt('report_footer'))),
      ),
    ),
  );
}

export function reportHtml(model: TeacherReport): string {
  return documentHtml(reportTree(model));
}

/** A small bar chart of the GLTR buckets, shared by the analysis page (counts per bucket, top-10 first). */
export function bucketChart(counts: readonly number[], labels: readonly string[], title: string, desc: string, lang: UiLang): El {
  const total = counts.reduce((a, b) => a + b, 0);
  return barChart({
    title,
    desc,
    bars: counts.map((c, i) => ({ label: labels[i] ?? '', value: total ? c / total : 0, fill: PALETTE.buckets[i], className: `bucket-${i}` })),
    // a share of words is a rate: to the nearest percent, as in the legend beside the chart
    format: (v) => ratePercent(Math.round(v * total), total, lang),
  });
}
