/**
 * calibration — where a measure falls among human reference writing, and how signals are combined.
 *
 * What: the shipped reference (assets/reference.json, written by `npm run calibrate`) holds, per language, the
 * quantiles of every signal's raw value over human reference texts (and over their sentences), the weights of the
 * combination, and the quantiles of the combined value over the same human texts. `percentileOf` turns a raw value
 * into "the share of human reference texts that are less predictable" (0..1); `combine` averages the weighted
 * log-odds of those percentiles over the signals that measured something.
 * Why this shape: a percentile against human writing is a statement we can defend ("more predictable than 93% of
 * the human reference texts"); a probability of authorship is not. Averaging over measured signals keeps an
 * abstaining signal from moving the result.
 * Limits: the reference is only as broad as the human texts behind it (named in the file's `source`); genres it
 * lacks (legal, religious, learner writing) can fall far out in its tails.
 */

export interface SignalReference {
  /** Quantiles of raw values over human reference texts, at evenly spaced probabilities 0..1. */
  doc: number[];
  /** Same over human reference sentences (only for signals with per-sentence values). */
  sentence?: number[];
}

/** One human reference text, as figures only: its register and each signal's raw value, and its combined value
 * (computed against its own neighbours, leaving itself out). */
export interface ReferenceText {
  reg: number[];
  raw: Record<string, number>;
  combined: number;
}

export interface LangReference {
  /** Number of human texts (and sentences) behind the figures. */
  texts: number;
  sentences: number;
  /** How many nearest human texts (by register, src/engine/score/register.ts) a text is compared with. */
  neighbours: number;
  /** Spread (standard deviation) of each register figure over the references, to scale distances. */
  registerScale: number[];
  refs: ReferenceText[];
  /** Pooled quantiles per signal (documents and sentences), for sentence scores and as a summary. */
  signals: Record<string, SignalReference>;
  /** Quantiles of the combined value over the human reference texts (pooled, for information). */
  combined: number[];
  /** Quantiles of the combined sentence value over human reference sentences. */
  sentenceCombined: number[];
}

export interface Reference {
  source: string;
  generated: string;
  /** How the weights were chosen ('equal' or 'logistic'; see src/eval/fit.ts). */
  method?: 'equal' | 'logistic';
  /** Weight of each signal in the combination (0 = shown, not counted). */
  weights: Record<string, number>;
  /** Default flag: combined percentile at or above which a text is flagged (with enough agreement). */
  threshold: number;
  langs: Record<string, LangReference>;
}

/** Percentiles are kept away from 0 and 1 before taking log-odds so that one extreme signal cannot dominate. */
export const LOGIT_CLAMP = 0.02;

/** Share of the reference sample below `x`, read off evenly spaced quantiles by linear interpolation. */
export function percentileOf(x: number, quantiles: readonly number[]): number {
  const n = quantiles.length - 1;
  if (n < 1 || !Number.isFinite(x)) return NaN;
  if (x <= quantiles[0]!) return 0;
  if (x >= quantiles[n]!) return 1;
  // binary search for the last quantile <= x
  let lo = 0;
  let hi = n;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (quantiles[mid]! <= x) lo = mid;
    else hi = mid;
  }
  // ties: several equal quantiles -> take the middle of the flat run
  let runEnd = lo;
  while (runEnd < n && quantiles[runEnd + 1] === quantiles[lo]) runEnd++;
  let runStart = lo;
  while (runStart > 0 && quantiles[runStart - 1] === quantiles[lo]) runStart--;
  if (quantiles[lo] === x && runEnd > runStart) return (runStart + runEnd) / 2 / n;
  const span = quantiles[lo + 1]! - quantiles[lo]!;
  const frac = span > 0 ? (x - quantiles[lo]!) / span : 0;
  return (lo + frac) / n;
}

export function logit(p: number): number {
  const c = Math.min(1 - LOGIT_CLAMP, Math.max(LOGIT_CLAMP, p));
  return Math.log(c / (1 - c));
}

/** Weighted mean of log-odds of percentiles over the entries that have a weight; NaN when none. */
export function combine(percentiles: Record<string, number>, weights: Record<string, number>): number {
  let sum = 0;
  let wsum = 0;
  for (const [id, p] of Object.entries(percentiles)) {
    const w = weights[id] ?? 0;
    if (w <= 0 || !Number.isFinite(p)) continue;
    sum += w * logit(p);
    wsum += w;
  }
  return wsum > 0 ? sum / wsum : NaN;
}

/** Share of `values` below x, ties counting one half; NaN for no values. */
export function empiricalPercentile(x: number, values: readonly number[]): number {
  if (values.length === 0 || !Number.isFinite(x)) return NaN;
  let below = 0;
  let equal = 0;
  for (const v of values) {
    if (v < x) below++;
    else if (v === x) equal++;
  }
  return (below + equal / 2) / values.length;
}

/** Indices of the `k` reference texts nearest to register `reg` (squared scaled distance), leaving out `exclude`. */
export function nearestRefs(refs: readonly { reg: number[] }[], reg: readonly number[], scale: readonly number[], k: number, exclude = -1): number[] {
  const d: [number, number][] = [];
  for (let i = 0; i < refs.length; i++) {
    if (i === exclude) continue;
    let s = 0;
    for (let j = 0; j < reg.length; j++) {
      const x = (reg[j]! - refs[i]!.reg[j]!) / (scale[j] || 1);
      s += x * x;
    }
    d.push([s, i]);
  }
  d.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return d.slice(0, k).map((x) => x[1]);
}

/** Evenly spaced quantiles (count+1 points, probabilities 0, 1/count, ..., 1) of a sample. */
export function quantileGrid(values: readonly number[], count = 100): number[] {
  const s = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return [];
  const out: number[] = [];
  for (let i = 0; i <= count; i++) {
    const pos = ((s.length - 1) * i) / count;
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    out.push(round6(s[lo]! + (s[hi]! - s[lo]!) * (pos - lo)));
  }
  return out;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
