/**
 * analyse — the engine's one entry point: text in, Report out (src/engine/score/types.ts).
 *
 * Flow (one way): text -> buildDoc (normalise, segment, language) -> every applicable signal measures ->
 * each measure is placed among the human reference texts of the same language nearest in register (register.ts;
 * percentile) -> weighted log-odds are combined -> the combination is placed among the same human texts again
 * (the score) -> sentences get their own score in their document's context.
 *
 * Use it in Node (CLI, evaluation), in extension pages and in the extension's background; it is pure and
 * synchronous, has no DOM or browser dependency and never throws on text (only on a text beyond MAX_CHARS).
 *
 * Options (AnalyseOptions): `ui` 'en' | 'fr' for the wording; `lang` to force the language; `sensitivity` for
 * sentence levels; `disabled` signal ids to leave out (the workshop lab); `minWords` to change the length gate.
 *
 * Honest "don't know": below MIN_WORDS, in an undetermined or unsupported language, or with no text, `score` is
 * null and `status` says why. Between MIN_WORDS and STRONG_WORDS the result is marked 'weak'.
 */
import referenceJson from '../../../assets/reference.json';
import { SIGNALS } from '../signals/index';
import { buildDoc } from '../text/doc';
import { languageName } from '../text/language';
import { isAbstention, SUPPORTED_LANGS, type Abstention, type Doc, type Signal, type SignalResult, type UiLang } from '../types';
import { combine, empiricalPercentile, nearestRefs, percentileOf, type LangReference, type Reference } from './calibration';
import { registerOf } from './register';
import { levelFor } from './levels';
import { abstainReason, caveat, headline, sentenceReason, summary } from './messages';
import type { AnalyseOptions, Report, ReportStatus, SentenceReport, SignalReport } from './types';

export const ENGINE_VERSION = '0.1.0';
/** Below this many words nothing meaningful can be said (about 150: statistical measures on a paragraph or two
 * mostly reflect chance). */
export const MIN_WORDS = 150;
/** Up to this many words a result is marked weak. */
export const STRONG_WORDS = 300;
/** Largest input accepted: 5 million characters (about 800,000 English words), far beyond any real document. */
export const MAX_CHARS = 5_000_000;
/** A signal "agrees" when the text is beyond this share of human reference texts on it. */
export const AGREE_PERCENTILE = 0.9;
/** The default flag needs at least this many agreeing signals... */
export const MIN_AGREE = 2;
/** ...of which at least one about phrasing. Plain vocabulary and plain sentences (word-predictability,
 * lexical-diversity, compression, burstiness, function-words) rise for learners and careful non-native writers too
 * (Liang et al. 2023), so they never flag on their own: stock phrasing or recurring sentence frames must agree.
 * Chosen by leave-one-domain-out on the dev set: held-out false-positive rate 4.4% -> 3.2% for 60.4% -> 56.6%
 * of machine texts flagged. */
export const PHRASING_SIGNALS: readonly string[] = ['formulaic', 'repetition'];
/** Sentences shorter than this get no sentence score. */
export const SENTENCE_MIN_WORDS = 5;
/** A signal needs at least this many neighbouring reference values to be placed among them. */
export const MIN_REFERENCE_VALUES = 10;
/** Weight of the sentence's own measures against its document's combined value in a sentence score. At 0.5 nearly
 * every sentence of a predictable document was marked, so a reader could not see which passages carry it; at 0.75 a
 * plain passage inside a formulaic page stays unmarked. Range 0..1. */
export const SENTENCE_BLEND = 0.75;

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
      const v = ref.refs[j].raw[id];
      if (v !== undefined) values.push(v);
    }
    if (values.length < MIN_REFERENCE_VALUES) continue;
    const p = empiricalPercentile(r.raw, values);
    if (Number.isFinite(p)) percentiles[id] = p;
  }
  const combined = combine(percentiles, weights);
  const score = Number.isFinite(combined) ? empiricalPercentile(combined, nn.map((j) => ref.refs[j].combined).filter(Number.isFinite)) : NaN;
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

export function analyse(text: string, options: AnalyseOptions & { minWords?: number } = {}): Report {
  return analyseDetailed(text, options).report;
}

/** analyse, also returning what was measured, so that a caller (the workshop lab) can re-rank with signals switched
 * off (`rank(measured, REFERENCE.langs[lang], REFERENCE.weights, disabled)`) without measuring again. */
export function analyseDetailed(text: string, options: AnalyseOptions & { minWords?: number } = {}): { report: Report; measured: Measured } {
  const t0 = now();
  if (text.length > MAX_CHARS) throw new RangeError(`text too long: ${text.length} characters (limit ${MAX_CHARS})`);
  const ui: UiLang = options.ui === 'fr' ? 'fr' : 'en';
  const minWords = options.minWords ?? MIN_WORDS;
  const disabled = options.disabled ?? [];
  const doc = buildDoc(text, { lang: options.lang });
  const words = doc.words.length;
  const langRef = REFERENCE.langs[doc.lang];
  const weights = REFERENCE.weights;

  let status: ReportStatus;
  if (words === 0) status = 'no-text';
  else if (words < minWords) status = 'too-short';
  else if (doc.lang === 'und') status = 'undetermined-language';
  else if (!isScoredLang(doc.lang) || !langRef) status = 'unsupported-language';
  else status = words < STRONG_WORDS ? 'weak' : 'ok';
  const scored = status === 'ok' || status === 'weak';

  // Language-independent signals still measure in other languages (shown, not scored); nothing runs on no text.
  const active = SIGNALS.filter((s) => !disabled.includes(s.id));
  const m = words > 0 ? measure(doc, active) : { doc, results: new Map<string, SignalResult | Abstention>() };
  const ranked = scored ? rank(m, langRef, weights, disabled) : undefined;
  const score = ranked && Number.isFinite(ranked.score) ? ranked.score : null;
  const threshold = REFERENCE.threshold;
  const flag = score !== null && ranked !== undefined && flagDecision(score, ranked.percentiles, weights, threshold);

  const signals: SignalReport[] = SIGNALS.map((s) => signalReport(s, m.results.get(s.id), ranked?.percentiles[s.id], weights[s.id] ?? 0, ui, disabled.includes(s.id), doc.lang));
  const counted = signals.filter((s) => s.status === 'ok' && s.weight > 0 && s.percentile !== undefined);
  const agreement = {
    agree: counted.filter((s) => s.agrees).length,
    measured: counted.length,
    abstained: signals.filter((s) => s.status === 'abstained').length,
  };

  const sentences: SentenceReport[] = doc.sentences.map((s) => {
    const z = ranked?.sentenceCombined[s.index] ?? NaN;
    const sscore = ranked && Number.isFinite(z) ? percentileOf(z, langRef.sentenceCombined) : null;
    const ps = ranked?.sentencePercentiles[s.index] ?? {};
    const reasons = Object.entries(ps)
      .filter(([id, p]) => p >= 0.8 && (weights[id] ?? 0) > 0)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([id, p]) => ({ id, text: sentenceReason(titleOf(id, ui), p, ui) }));
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

  const language = languageName(doc.lang, ui);
  const shown = score === null ? null : round3(score);
  const h = { status, score: shown, flag, agree: agreement.agree, measured: agreement.measured, words, needed: minWords, language };
  const caveats = [caveat('base', ui)];
  if (status === 'weak') caveats.push(caveat('weak', ui, { words, strong: STRONG_WORDS }));
  const otherParas = doc.paragraphs.filter((p) => p.lang !== doc.lang && p.end - p.start >= 50).length;
  if (scored && otherParas > 0) {
    caveats.push(caveat('mixed-language', ui, { share: `${otherParas}/${doc.paragraphs.length}`, language }));
  }
  if (scored && score !== null && score >= threshold && !flag) {
    const agreeIds = counted.filter((s) => s.agrees).map((s) => s.id);
    if (agreeIds.length > 0 && !agreeIds.some((id) => PHRASING_SIGNALS.includes(id))) caveats.push(caveat('plain-style-only', ui));
  }
  if (scored) caveats.push(caveat('reference', ui));

  const report: Report = {
    engine: `${ENGINE_VERSION}+ref.${REFERENCE.generated}`,
    status,
    lang: doc.lang,
    langName: language,
    ui,
    counts: { chars: text.length, words, sentences: doc.sentences.length, paragraphs: doc.paragraphs.length },
    score: shown,
    flag,
    threshold,
    agreement,
    headline: headline(h, ui),
    summary: summary(h, ui),
    signals,
    sentences,
    caveats,
    ms: round3(now() - t0),
  };
  return { report, measured: m };
}

function signalReport(
  s: Signal,
  r: SignalResult | Abstention | undefined,
  percentile: number | undefined,
  weight: number,
  ui: UiLang,
  disabled: boolean,
  lang: string,
): SignalReport {
  const base = { id: s.id, title: s.title[ui], describe: s.describe[ui], weight: disabled ? 0 : weight };
  if (disabled) return { ...base, status: 'abstained', code: 'no-text', reason: ui === 'fr' ? 'désactivé' : 'switched off' };
  if (!r) return { ...base, status: 'abstained', code: 'no-text', reason: abstainReason('no-text', ui) };
  if (isAbstention(r)) {
    const params = { ...r.params };
    if (r.code === 'language' || r.code === 'undetermined-language') params.language = languageName(lang, ui);
    return { ...base, status: 'abstained', code: r.code, reason: abstainReason(r.code, ui, params) };
  }
  let evidence: string;
  try {
    // explanations word a share of human texts: never more than 99% of them (see pct in messages.ts)
    evidence = s.explain(r, ui, percentile === undefined ? undefined : Math.min(0.99, percentile));
  } catch {
    evidence = '';
  }
  return {
    ...base,
    status: 'ok',
    raw: round3(r.raw),
    percentile: percentile === undefined ? undefined : round3(percentile),
    agrees: percentile === undefined ? undefined : percentile >= AGREE_PERCENTILE,
    evidence,
    details: r.details,
  };
}

function titleOf(id: string, ui: UiLang): string {
  return SIGNALS.find((s) => s.id === id)?.title[ui] ?? id;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
