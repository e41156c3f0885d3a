/**
 * analyse — text in, Report out (src/engine/types.ts); reached through the engine's front door, src/engine/index.ts.
 *
 * Flow (one way): text -> buildDoc (normalise, segment, language) -> every applicable signal measures ->
 * rank.ts places each measure among the 80 human reference texts of the same language nearest in register, averages
 * the counted signals' log-odds (equal weights) and states where that combination falls among the 7 nearest kinds of
 * human writing (the lowest of those percentiles: kinds.ts) -> the flag is that stated percentile at or above the
 * threshold chosen by the leave-one-source-out protocol -> sentences get their own score, gated by the document's.
 *
 * Use it in Node (CLI, evaluation), in extension pages and in the extension's background; it is pure and
 * synchronous, has no DOM or browser dependency and never throws on text (only on a text beyond MAX_CHARS).
 *
 * Options (AnalyseOptions): `lang` to force the language; `sensitivity` for sentence levels; `disabled` signal ids
 * to leave out (the workshop lab); `minWords` to change the length gate.
 * The Report is language-neutral (numbers, ids, codes with their figures); src/engine/explain/ words it.
 *
 * Honest "don't know": below MIN_WORDS, in an undetermined or unsupported language, or with no text, `score` is
 * null and `status` says why. Between MIN_WORDS and STRONG_WORDS the result is marked 'weak'.
 */
import referenceJson from '../../../assets/reference.json';
import { SIGNALS } from '../signals/index';
import { buildDoc, originSpan } from '../text/doc';
import {
  isAbstention,
  SUPPORTED_LANGS,
  type Abstention,
  type AnalyseOptions,
  type Caveat,
  type Comparison,
  type Doc,
  type Report,
  type ReportStatus,
  type SentenceReport,
  type Signal,
  type SignalReport,
  type SignalResult,
  type UiLang,
} from '../types';
import { measure, measuresOf, type Measured } from './measure';
import { levelFor } from './levels';
import { kindValuesFor, rankMeasures, type Measures, type Ranked } from './rank';
import { shownPercentile, type Shown } from './kinds';
import { wholePercent } from '../explain/percent';
import type { LangReference, Reference } from './reference';
import { AGREE_PERCENTILE, ENGINE_VERSION, MAX_CHARS, MIN_WORDS, SENTENCE_REASON_MIN, SENTENCE_REASONS, SENTENCE_SIGNAL, STRONG_WORDS } from './constants';

export const REFERENCE = referenceJson as unknown as Reference;
export { measure, measuresOf, type Measured };

/** A sentence's reasons: its own sentence-signal value (style-lr), and the shown signals' sentence evidence (stock
 * phrases, recurring openers), worth reading beside a highlight though they never raise it. Other signals' sentence
 * values are left out: a sentence without slips, say, is not a reason. */
const SENTENCE_REASON_SIGNALS: readonly string[] = [SENTENCE_SIGNAL, 'formulaic', 'repetition'];

export function isScoredLang(lang: string): lang is UiLang {
  return (SUPPORTED_LANGS as readonly string[]).includes(lang);
}

/** Counted signals of the shipped reference, less those switched off. */
function countedOf(ref: Reference, disabled: readonly string[]): string[] {
  return ref.counted.filter((id) => !disabled.includes(id));
}

let shownThresholdMemo: number | undefined;

/** The flag threshold, chosen on stated percentiles, in the shown figure's terms (the same decisions: both rise
 * together); computed once. */
function shownThreshold(): number {
  return (shownThresholdMemo ??= shownPercentile(REFERENCE.threshold, REFERENCE.heldOut).shown);
}

/** Rank measures against the shipped reference of their language, with `disabled` signals left out everywhere (the
 * text's combination and its references' alike). */
function rankShipped(m: Measures, langRef: LangReference, disabled: readonly string[]): Ranked {
  const counted = countedOf(REFERENCE, disabled);
  const raw = Object.fromEntries(Object.entries(m.raw).filter(([id]) => !disabled.includes(id)));
  const values = counted.length < REFERENCE.counted.length ? kindValuesFor(langRef, counted) : undefined;
  return rankMeasures({ ...m, raw }, langRef, counted, values ? { values } : {});
}

export function analyse(text: string, options: AnalyseOptions = {}): Report {
  return analyseDetailed(text, options).report;
}

function statusOf(doc: Doc, minWords: number, langRef: LangReference | undefined): ReportStatus {
  const words = doc.words.length;
  if (words === 0) return 'no-text';
  if (words < minWords) return 'too-short';
  if (doc.lang === 'und') return 'undetermined-language';
  if (!isScoredLang(doc.lang) || !langRef) return 'unsupported-language';
  return words < STRONG_WORDS ? 'weak' : 'ok';
}

function sentenceReports(doc: Doc, ranked: Ranked | undefined, options: AnalyseOptions): SentenceReport[] {
  const reasonIds = new Set(SENTENCE_REASON_SIGNALS.filter((id) => !options.disabled?.includes(id)));
  const docScore = ranked?.stated?.stated;
  return doc.sentences.map((s) => {
    const placed = ranked?.sentences[s.index];
    const score = placed?.score ?? null;
    const reasons = Object.entries(placed?.own ?? {})
      .filter(([id, p]) => p >= SENTENCE_REASON_MIN && reasonIds.has(id))
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, SENTENCE_REASONS)
      .map(([id, percentile]) => ({ id, percentile }));
    const at = originSpan(doc, s.start, s.end); // offsets into the caller's string, invisible characters included
    return {
      index: s.index,
      start: at.start,
      end: at.end,
      words: s.wordCount,
      score,
      level: levelFor(score, options.sensitivity, docScore),
      reasons,
    };
  });
}

function caveatsOf(doc: Doc, status: ReportStatus): Caveat[] {
  const scored = status === 'ok' || status === 'weak';
  const caveats: Caveat[] = [{ code: 'base' }];
  if (status === 'weak') caveats.push({ code: 'weak', params: { words: doc.words.length, strong: STRONG_WORDS } });
  const otherParas = doc.paragraphs.filter((p) => p.lang !== doc.lang && p.end - p.start >= 50).length;
  if (scored && otherParas > 0) caveats.push({ code: 'mixed-language', params: { share: `${otherParas}/${doc.paragraphs.length}` } });
  if (scored) caveats.push({ code: 'reference' });
  return caveats;
}

function comparisonOf(ranked: Ranked | undefined, langRef: LangReference | undefined, shown: Shown | undefined): Comparison | null {
  const st = ranked?.stated;
  if (!st || !langRef) return null;
  const lowest = shown?.lowest;
  // A figure the held-out check lowered is shown as that figure, with the sentence saying from what and why
  // (explain/kinds.ts heldOutText): "beyond all N" beside "lowered from 98%" would claim more than the figure shown.
  const lowered = !!lowest && wholePercent(shown.shown) !== wholePercent(st.stated);
  return {
    kinds: st.kinds.map((k) => ({ id: langRef.kinds[k.kind]?.id ?? 'unknown', texts: k.n, percentile: k.p, beyond: k.beyond })),
    texts: st.texts,
    beyond: st.beyond && !lowered,
    ...(lowest ? { heldOut: lowest } : {}),
  };
}

/** analyse, also returning what was measured, so that a caller (the workshop lab) can re-rank with signals switched
 * off (`rescore(measured, disabled)`) without measuring again. */
export function analyseDetailed(text: string, options: AnalyseOptions = {}): { report: Report; measured: Measured } {
  const t0 = now();
  if (text.length > MAX_CHARS) throw new RangeError(`text too long: ${text.length} characters (limit ${MAX_CHARS})`);
  const minWords = options.minWords ?? MIN_WORDS;
  const disabled = options.disabled ?? [];
  const doc = buildDoc(text, { lang: options.lang });
  const langRef = REFERENCE.langs[doc.lang];
  const status = statusOf(doc, minWords, langRef);
  const scored = status === 'ok' || status === 'weak';

  // Language-independent signals still measure in other languages (shown, not scored); nothing runs on no text.
  const active = SIGNALS.filter((s) => !disabled.includes(s.id));
  const m = doc.words.length > 0 ? measure(doc, active) : { doc, results: new Map<string, SignalResult | Abstention>() };
  const ranked = scored && langRef ? rankShipped(measuresOf(m), langRef, disabled) : undefined;
  const stated = ranked?.stated?.stated ?? null;
  const shown = stated === null ? null : shownPercentile(stated, REFERENCE.heldOut);
  const score = shown?.shown ?? null;
  const threshold = shownThreshold();
  const counted = countedOf(REFERENCE, disabled);

  const signals = SIGNALS.map((s) => signalReport(s, m.results.get(s.id), ranked?.percentiles[s.id], counted.includes(s.id) ? 1 : 0, disabled.includes(s.id)));
  const countedReports = signals.filter((s) => s.status === 'ok' && s.weight > 0 && s.percentile !== undefined);
  const report: Report = {
    engine: `${ENGINE_VERSION}+ref.${REFERENCE.generated}`,
    status,
    lang: doc.lang,
    counts: { chars: text.length, words: doc.words.length, sentences: doc.sentences.length, paragraphs: doc.paragraphs.length },
    score,
    stated,
    flag: stated !== null && stated >= REFERENCE.threshold,
    threshold,
    comparison: comparisonOf(ranked, langRef, shown ?? undefined),
    agreement: {
      agree: countedReports.filter((s) => s.agrees).length,
      measured: countedReports.length,
      // the counted signals that abstained: the same population as `measured` (a signal only shown is not counted)
      abstained: signals.filter((s) => s.status === 'abstained' && s.weight > 0).length,
    },
    minWords,
    signals,
    sentences: sentenceReports(doc, ranked, options),
    caveats: caveatsOf(doc, status),
    ms: round3(now() - t0),
  };
  return { report, measured: m };
}

function signalReport(s: Signal, r: SignalResult | Abstention | undefined, percentile: number | undefined, weight: number, disabled: boolean): SignalReport {
  const base = { id: s.id, weight: disabled ? 0 : weight };
  if (disabled) return { ...base, status: 'abstained', code: 'switched-off' };
  if (!r) return { ...base, status: 'abstained', code: 'no-text' };
  if (isAbstention(r)) return { ...base, status: 'abstained', code: r.code, ...(r.params ? { params: r.params } : {}) };
  return {
    ...base,
    status: 'ok',
    raw: round3(r.raw),
    percentile: percentile === undefined ? undefined : round3(percentile),
    exactPercentile: percentile,
    agrees: percentile === undefined ? undefined : percentile >= AGREE_PERCENTILE,
    details: r.details,
    ...(r.examples ? { examples: r.examples } : {}),
  };
}

/** Score of a measured text with `disabled` signals left out, against the shipped reference of its language: what
 * `analyse(text, { disabled })` would say, without measuring again (the workshop lab). null when it cannot be scored. */
export function rescore(m: Measured, disabled: readonly string[]): number | null {
  const ref = REFERENCE.langs[m.doc.lang];
  if (!ref) return null;
  const measures = measuresOf({ doc: m.doc, results: new Map([...m.results].filter(([id]) => !disabled.includes(id))) });
  const stated = rankShipped(measures, ref, disabled).stated?.stated;
  return stated === undefined ? null : shownPercentile(stated, REFERENCE.heldOut).shown;
}

/** The shipped reference's decision figures: the default flag threshold and each signal's weight (1 = counted, 0 =
 * shown only). The threshold is in the shown score's terms (a report's `score`
 * and `threshold`): the flag is raised at a stated figure of REFERENCE.threshold, which the held-out check shows as
 * this figure (it is strictly rising), so a score at or above it is exactly a flagged text — what the lab's slider
 * starts from, so that the lab flags as the extension does. */
export function engineInfo(): { threshold: number; weights: Record<string, number> } {
  return { threshold: shownThreshold(), weights: Object.fromEntries(SIGNALS.map((s) => [s.id, REFERENCE.counted.includes(s.id) ? 1 : 0])) };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
