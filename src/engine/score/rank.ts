/**
 * rank — from what the signals measured to where the text stands among human reference writing.
 *
 * What: `rankMeasures(measures, ref, counted)` takes a text's Measures (its register, each signal's raw value and
 * per-sentence values — see below) and a LangReference (reference.ts), and returns:
 * - each signal's percentile among the NEIGHBOURS (80) reference texts nearest in register (mid-ranks);
 * - the combined value: the mean log-odds of the counted signals' percentiles (calibration.ts `combine`);
 * - the stated percentile: the lowest of its percentiles among the 7 nearest kinds of human writing (kinds.ts);
 * - each sentence's score: its own sentence-signal value placed among human reference sentences, blended half and
 *   half (in log-odds) with the document's stated percentile, and placed again among human reference sentences
 *   blended the same way (levels.ts turns it into a level, gated by the document).
 * The same function serves the product (analyse.ts), the calibration of the references themselves (each reference's
 * combined value, itself left out: `combinedOfRefs`) and the leave-one-source-out protocol (src/eval/), which builds
 * Measures from cached figures: one code path from measures to claims.
 * Pure; no table of its own.
 */
import { combine, empiricalPercentile, logit, nearestRefs, percentileOf } from './calibration';
import { statedPercentile, kindValues, type Stated } from './kinds';
import type { LangReference } from './reference';
import { MIN_REFERENCE_VALUES, SENTENCE_BLEND, SENTENCE_MIN_WORDS } from './constants';

/** What the signals measured on one text, as figures. */
export interface Measures {
  /** Register (register.ts). */
  reg: number[];
  /** Raw value of each signal that measured the text. */
  raw: Record<string, number>;
  /** Per sentence (Doc order): its word count and each signal's value where the signal has one. */
  sentences: { words: number; values: Record<string, number> }[];
}

export interface Ranked {
  /** Percentile of each measured signal among the register-nearest references (when enough of them have it). */
  percentiles: Record<string, number>;
  /** Mean log-odds of the counted signals' percentiles; NaN when none measured. */
  combined: number;
  /** Where the combined value stands among the nearest kinds; undefined when it cannot be placed. */
  stated?: Stated;
  /** Per sentence: its score (0..1, among human reference sentences) or null, and its own signals' percentiles among
   * human reference sentences (the reasons). */
  sentences: { score: number | null; own: Record<string, number> }[];
}

/** Percentile of each raw value (or of the `only` ones) among the references `nn` that have one (at least
 * MIN_REFERENCE_VALUES). */
export function percentilesAmong(raw: Readonly<Record<string, number>>, ref: Pick<LangReference, 'refs'>, nn: readonly number[], only?: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const id of only ?? Object.keys(raw)) {
    const x = raw[id];
    if (x === undefined || !Number.isFinite(x)) continue;
    const values: number[] = [];
    for (const j of nn) {
      const v = ref.refs[j]!.raw[id];
      if (v !== undefined) values.push(v);
    }
    if (values.length < MIN_REFERENCE_VALUES) continue;
    out[id] = empiricalPercentile(x, values);
  }
  return out;
}

/** Place a text's measures among the references. `exclude` leaves one reference out (a reference placed among the
 * others); `values` replaces the kinds' stored combined values (signals switched off). */
export function rankMeasures(m: Measures, ref: LangReference, counted: readonly string[], options: { exclude?: number; values?: readonly (readonly number[])[] } = {}): Ranked {
  const nn = nearestRefs(ref.refs, m.reg, ref.registerScale, ref.neighbours, options.exclude ?? -1);
  const percentiles = percentilesAmong(m.raw, ref, nn);
  const combined = combine(percentiles, counted);
  const stated = statedPercentile(combined, m.reg, ref, options.values);
  return { percentiles, combined, ...(stated ? { stated } : {}), sentences: sentenceScores(m, ref, stated?.stated) };
}

/** The blended value of a sentence, in log-odds: its own percentile among human reference sentences (weight
 * SENTENCE_BLEND) and its document's stated percentile (the rest). */
export function blendSentence(own: number, docStated: number): number {
  return SENTENCE_BLEND * logit(own) + (1 - SENTENCE_BLEND) * logit(docStated);
}

function sentenceScores(m: Measures, ref: LangReference, docStated: number | undefined): Ranked['sentences'] {
  const sref = ref.sentence;
  return m.sentences.map((s) => {
    const own: Record<string, number> = {};
    if (s.words < SENTENCE_MIN_WORDS) return { score: null, own };
    for (const [id, v] of Object.entries(s.values)) {
      const grid = ref.sentenceGrids[id];
      if (grid && Number.isFinite(v)) own[id] = percentileOf(v, grid);
    }
    const v = sref ? s.values[sref.signal] : undefined;
    if (!sref || docStated === undefined || v === undefined || !Number.isFinite(v)) return { score: null, own };
    const score = percentileOf(blendSentence(percentileOf(v, sref.values), docStated), sref.blended);
    return { score: Number.isFinite(score) ? score : null, own };
  });
}

/** Each reference's combined value over `counted`, placed among its own nearest references (itself left out). The
 * calibration stores these for the shipped counted set; the workshop lab recomputes them with signals switched off. */
export function combinedOfRefs(ref: Pick<LangReference, 'refs' | 'registerScale' | 'neighbours'>, counted: readonly string[]): number[] {
  return ref.refs.map((r, i) => {
    const nn = nearestRefs(ref.refs, r.reg, ref.registerScale, ref.neighbours, i);
    return combine(percentilesAmong(r.raw, ref, nn, counted), counted);
  });
}

const subsetValues = new WeakMap<object, Map<string, number[][]>>();

/** Kinds' combined values with only `counted` signals (memoised per reference and set): for rescoring with signals
 * switched off, so that a text and its references are combined the same way. */
export function kindValuesFor(ref: LangReference, counted: readonly string[]): number[][] {
  let byKey = subsetValues.get(ref);
  if (!byKey) subsetValues.set(ref, (byKey = new Map<string, number[][]>()));
  const key = [...counted].sort().join(',');
  let v = byKey.get(key);
  if (!v) byKey.set(key, (v = kindValues(ref, combinedOfRefs(ref, counted))));
  return v;
}
