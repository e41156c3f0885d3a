/**
 * explain — a language-neutral Report (src/engine/types.ts) in the words of one UI language, English or French.
 *
 * What: `explain(report, ui)` returns the ExplainedReport the pages, the teacher report and the CLI show: the
 * headline and summary, each signal's title, description and evidence (or why it abstained), each sentence's
 * reasons, the caveats. Everything it says is written from the report's own numbers, ids, codes and figures, so a
 * result computed elsewhere (the background, the engine worker) can be worded where it is shown, and switching
 * language re-explains without re-scoring.
 * Pure and table-free: it imports no reference table, so any page may bundle it.
 * Smaller pieces for views that hold only part of a report: `headlineOf(head, ui)` (the popup's line, a language
 * group's line), `signalTitle(id, ui)`, `sentenceReasonText(reason, ui)`, `languageName(code, ui)`.
 * Wording rules (messages.ts): predictability, uniformity and formulaic phrasing compared with human reference
 * writing; never who wrote a text, never a probability of authorship.
 */
import type {
  Caveat,
  ExplainedReport,
  ExplainedSentence,
  ExplainedSignal,
  Lang,
  Report,
  ReportHead,
  SentenceReason,
  SentenceReport,
  SignalReport,
  UiLang,
} from '../types';
import { languageName } from './language-names';
import { abstainReason, caveat, headline, sentenceReason, summary, type HeadlineInput } from './messages';
import { SIGNAL_WORDS } from './signals/index';

export { languageName } from './language-names';
export { pct as sharePercent, headlineBand, type HeadlineBand } from './messages';
export { SIGNAL_WORDS } from './signals/index';
export { comparisonShort, comparisonText, kindName, NAMED_KINDS } from './kinds';

/** Evidence words a share of human texts: never more than 99% of them (see pct in messages.ts). */
const EVIDENCE_MAX_PERCENTILE = 0.99;

function headlineInput(r: ReportHead, ui: UiLang): HeadlineInput {
  return {
    status: r.status,
    score: r.score,
    flag: r.flag,
    agree: r.agreement.agree,
    measured: r.agreement.measured,
    words: r.counts.words,
    needed: r.minWords,
    language: languageName(r.lang, ui),
    comparison: r.comparison ?? null,
    stated: r.stated ?? null,
  };
}

/** The one line a popup or a language group shows. */
export function headlineOf(r: ReportHead, ui: UiLang): string {
  return headline(headlineInput(r, ui), ui);
}

/** The two or three sentences of a side panel or report. */
export function summaryOf(r: ReportHead, ui: UiLang): string {
  return summary(headlineInput(r, ui), ui);
}

export function signalTitle(id: string, ui: UiLang): string {
  return SIGNAL_WORDS[id]?.title[ui] ?? id;
}

export function sentenceReasonText(r: SentenceReason, ui: UiLang): string {
  return sentenceReason(signalTitle(r.id, ui), r.percentile, ui);
}

function explainSignal(s: SignalReport, lang: Lang, ui: UiLang): ExplainedSignal {
  const w = SIGNAL_WORDS[s.id];
  const base = { ...s, title: w?.title[ui] ?? s.id, describe: w?.describe[ui] ?? '' };
  if (s.status === 'abstained') {
    const params = { ...s.params };
    if (s.code === 'language' || s.code === 'undetermined-language') params.language = languageName(lang, ui);
    return { ...base, reason: abstainReason(s.code ?? 'no-text', ui, params) };
  }
  const p = s.exactPercentile ?? s.percentile;
  let evidence: string;
  try {
    evidence = w ? w.evidence({ raw: s.raw ?? NaN, details: s.details ?? {}, examples: s.examples }, ui, p === undefined ? undefined : Math.min(EVIDENCE_MAX_PERCENTILE, p)) : '';
  } catch {
    evidence = '';
  }
  return { ...base, evidence };
}

function explainSentence(s: SentenceReport, ui: UiLang): ExplainedSentence {
  return { ...s, reasons: s.reasons.map((r) => ({ id: r.id, text: sentenceReasonText(r, ui) })) };
}

function caveatText(c: Caveat, lang: Lang, ui: UiLang): string {
  return caveat(c.code, ui, c.code === 'mixed-language' ? { ...c.params, language: languageName(lang, ui) } : c.params);
}

/** The whole report in the words of `ui`. */
export function explain(report: Report, ui: UiLang): ExplainedReport {
  const { signals, sentences, caveats, ...head } = report;
  return {
    ...head,
    ui,
    langName: languageName(report.lang, ui),
    headline: headlineOf(report, ui),
    summary: summaryOf(report, ui),
    signals: signals.map((s) => explainSignal(s, report.lang, ui)),
    sentences: sentences.map((s) => explainSentence(s, ui)),
    caveats: caveats.map((c) => caveatText(c, report.lang, ui)),
  };
}
