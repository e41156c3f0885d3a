/**
 * analyse — text in, Report out (src/engine/types.ts); reached through the engine's front door, src/engine/index.ts.
 *
 * Flow (one way): text -> buildDoc (normalise, segment, language) -> every applicable signal measures ->
 * each measure is placed among the human reference texts of the same language nearest in register (register.ts;
 * percentile) -> weighted log-odds are combined -> the combination is placed among the same human texts again
 * (the score) -> sentences get their own score in their document's context.
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
import { buildDoc } from '../text/doc';
import {
  isAbstention,
  SUPPORTED_LANGS,
  type Abstention,
  type AnalyseOptions,
  type Caveat,
  type Doc,
  type Report,
  type ReportStatus,
  type SentenceReport,
  type Signal,
  type SignalReport,
  type SignalResult,
  type UiLang,
} from '../types';
import { combine, empiricalPercentile, nearestRefs, percentileOf, type LangReference, type Reference } from './calibration';
import { registerOf } from './register';
import { levelFor } from './levels';
import { AGREE_PERCENTILE, ENGINE_VERSION, MAX_CHARS, MIN_AGREE, MIN_REFERENCE_VALUES, MIN_WORDS, PHRASING_SIGNALS, SENTENCE_BLEND, SENTENCE_MIN_WORDS, SENTENCE_REASON_MIN, SENTENCE_REASONS, STRONG_WORDS } from './constants';

export { AGREE_PERCENTILE, ENGINE_VERSION, MAX_CHARS, MIN_AGREE, MIN_REFERENCE_VALUES, MIN_WORDS, PHRASING_SIGNALS, SENTENCE_BLEND, SENTENCE_MIN_WORDS, STRONG_WORDS };

export const REFERENCE = referenceJson as unknown as Reference;

export interface Measured {
  doc: Doc;
  results: Map<string, SignalResult | Abstention>;
}

export function isScoredLang(lang: string): lang is UiLang {
  return (SUPPORTED_LANGS as readonly string[]).includes(lang);
}

/** Run every applicable signal on a Doc. A signal outside its languages, below its minimum, or failing abstains. */
export function measure(doc: Doc, signals: readonly Signal[] = SIGNALS): Measured {
  const results = new Map<string, SignalResult | Abstention>();
  const words = doc.words.length;
  for (const s of signals) {
    let r: SignalResult | Abstention;
    if (s.languages !== 'any' && !(s.languages as readonly string[]).includes(doc.lang)) {
      r = { abstained: true, code: doc.lang === 'und' ? 'undetermined-language' : 'language', params: { language: doc.lang } };
    } else if (words < s.minWords) {
      r = { abstained: true, code: 'too-short', params: { words, needed: s.minWords } };
    } else {
      try {
        r = s.compute(doc);
      } catch (e) {
        r = { abstained: true, code: 'error', params: { message: e instanceof Error ? e.message : String(e) } };
      }
    }
    results.set(s.id, r);
  }
  return { doc, results };
}

export interface Ranked {
  /** Percentile per measured signal that has a reference. */
  percentiles: Record<string, number>;
  /** Combined value (weighted mean log-odds); NaN when nothing counted. */
  combined: number;
  /** Score = percentile of `combined` among human reference texts. */
  score: number;
  /** Per sentence: combined sentence value (blended with the document's), NaN when not scored. */
  sentenceCombined: number[];
  /** Per sentence: percentiles of each signal's sentence value. */
  sentencePercentiles: Record<string, number>[];
}

/** Place measures among the human reference texts nearest in register, and combine them. Pure; used by analyse
 * and by calibrate/eval. `exclude` leaves one reference text out (when a reference is scored against the others). */
export function rank(m: Measured, ref: LangReference, weights: Record<string, number>, disabled: readonly string[] = [], exclude = -1): Ranked {
  const nn = nearestRefs(ref.refs, registerOf(m.doc), ref.registerScale, ref.neighbours, exclude);
  const percentiles: Record<string, number> = {};
  for (const [id, r] of m.results) {
    if (isAbstention(r) || disabled.includes(id)) continue;
    const values: number[] = [];
    for (const j of nn) {
      const v = ref.refs[j]!.raw[id];
      if (v !== undefined) values.push(v);
    }
    if (values.length < MIN_REFERENCE_VALUES) continue;
    const p = empiricalPercentile(r.raw, values);
    if (Number.isFinite(p)) percentiles[id] = p;
  }
  const combined = combine(percentiles, weights);
  const score = Number.isFinite(combined) ? empiricalPercentile(combined, nn.map((j) => ref.refs[j]!.combined).filter(Number.isFinite)) : NaN;
  const sentenceCombined: number[] = [];
  const sentencePercentiles: Record<string, number>[] = [];
  for (const s of m.doc.sentences) {
    const ps: Record<string, number> = {};
    if (s.wordCount >= SENTENCE_MIN_WORDS) {
      for (const [id, r] of m.results) {
        const q = ref.signals[id]?.sentence;
        if (isAbstention(r) || !q || !r.sentences || disabled.includes(id)) continue;
        const v = r.sentences[s.index];
        if (v !== undefined && Number.isFinite(v)) ps[id] = percentileOf(v, q);
      }
    }
    sentencePercentiles.push(ps);
    const own = combine(ps, weights);
    sentenceCombined.push(
      s.wordCount < SENTENCE_MIN_WORDS || !Number.isFinite(combined)
        ? NaN
        : Number.isFinite(own)
          ? SENTENCE_BLEND * own + (1 - SENTENCE_BLEND) * combined
          : combined,
    );
  }
  return { percentiles, combined, score, sentenceCombined, sentencePercentiles };
}

/** The default flag decision, shared by analyse and the evaluation. */
export function flagDecision(score: number, percentiles: Record<string, number>, weights: Record<string, number>, threshold: number): boolean {
  if (!(score >= threshold)) return false;
  const agreeing = Object.entries(percentiles).filter(([id, p]) => (weights[id] ?? 0) > 0 && p >= AGREE_PERCENTILE).map(([id]) => id);
  return agreeing.length >= MIN_AGREE && agreeing.some((id) => PHRASING_SIGNALS.includes(id));
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

function sentenceReports(doc: Doc, ranked: Ranked | undefined, langRef: LangReference | undefined, weights: Record<string, number>, options: AnalyseOptions): SentenceReport[] {
  return doc.sentences.map((s) => {
    const z = ranked?.sentenceCombined[s.index] ?? NaN;
    const sscore = ranked && langRef && Number.isFinite(z) ? percentileOf(z, langRef.sentenceCombined) : null;
    const ps = ranked?.sentencePercentiles[s.index] ?? {};
    const reasons = Object.entries(ps)
      .filter(([id, p]) => p >= SENTENCE_REASON_MIN && (weights[id] ?? 0) > 0)
      .sort((a, b) => b[1] - a[1])
      .slice(0, SENTENCE_REASONS)
      .map(([id, percentile]) => ({ id, percentile }));
    return {
      index: s.index,
      start: s.start,
      end: s.end,
      words: s.wordCount,
      score: sscore === null ? null : round3(sscore),
      level: levelFor(sscore, options.sensitivity),
      reasons,
    };
  });
}

function caveatsOf(doc: Doc, status: ReportStatus, score: number | null, flag: boolean, threshold: number, signals: readonly SignalReport[]): Caveat[] {
  const scored = status === 'ok' || status === 'weak';
  const caveats: Caveat[] = [{ code: 'base' }];
  if (status === 'weak') caveats.push({ code: 'weak', params: { words: doc.words.length, strong: STRONG_WORDS } });
  const otherParas = doc.paragraphs.filter((p) => p.lang !== doc.lang && p.end - p.start >= 50).length;
  if (scored && otherParas > 0) caveats.push({ code: 'mixed-language', params: { share: `${otherParas}/${doc.paragraphs.length}` } });
  if (scored && score !== null && score >= threshold && !flag) {
    const agreeIds = signals.filter((s) => s.status === 'ok' && s.weight > 0 && s.agrees).map((s) => s.id);
    if (agreeIds.length > 0 && !agreeIds.some((id) => PHRASING_SIGNALS.includes(id))) caveats.push({ code: 'plain-style-only' });
  }
  if (scored) caveats.push({ code: 'reference' });
  return caveats;
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
  const weights = REFERENCE.weights;
  const status = statusOf(doc, minWords, langRef);
  const scored = status === 'ok' || status === 'weak';

  // Language-independent signals still measure in other languages (shown, not scored); nothing runs on no text.
  const active = SIGNALS.filter((s) => !disabled.includes(s.id));
  const m = doc.words.length > 0 ? measure(doc, active) : { doc, results: new Map<string, SignalResult | Abstention>() };
  const ranked = scored && langRef ? rank(m, langRef, weights, disabled) : undefined;
  const score = ranked && Number.isFinite(ranked.score) ? ranked.score : null;
  const threshold = REFERENCE.threshold;
  const flag = score !== null && ranked !== undefined && flagDecision(score, ranked.percentiles, weights, threshold);

  const signals = SIGNALS.map((s) => signalReport(s, m.results.get(s.id), ranked?.percentiles[s.id], weights[s.id] ?? 0, disabled.includes(s.id)));
  const counted = signals.filter((s) => s.status === 'ok' && s.weight > 0 && s.percentile !== undefined);
  const agreement = {
    agree: counted.filter((s) => s.agrees).length,
    measured: counted.length,
    abstained: signals.filter((s) => s.status === 'abstained').length,
  };
  const shown = score === null ? null : round3(score);
  const report: Report = {
    engine: `${ENGINE_VERSION}+ref.${REFERENCE.generated}`,
    status,
    lang: doc.lang,
    counts: { chars: text.length, words: doc.words.length, sentences: doc.sentences.length, paragraphs: doc.paragraphs.length },
    score: shown,
    flag,
    threshold,
    agreement,
    minWords,
    signals,
    sentences: sentenceReports(doc, ranked, langRef, weights, options),
    caveats: caveatsOf(doc, status, score, flag, threshold, counted),
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
  const ranked = rank(m, ref, REFERENCE.weights, disabled);
  return Number.isFinite(ranked.score) ? round3(ranked.score) : null;
}

/** The shipped reference's decision figures: the default flag threshold and each signal's weight (0 = shown only). */
export function engineInfo(): { threshold: number; weights: Record<string, number> } {
  return { threshold: REFERENCE.threshold, weights: { ...REFERENCE.weights } };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
