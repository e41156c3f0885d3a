/**
 * calibration — the small numeric pieces of placing a measure among human reference writing.
 *
 * What: `percentileOf` reads a value's place off evenly spaced quantiles (sentence grids); `empiricalPercentile`
 * places a value among a sample with mid-ranks (ties count one half); `logit` turns a percentile into log-odds,
 * clamped so that one extreme signal cannot dominate; `combine` averages those log-odds over the counted signals
 * that measured something (equal weights: on sources it has never seen, an equal-weight average of well-chosen
 * signals generalises better than fitted weights — Dawes' "improper linear models", confirmed by the
 * leave-one-source-out protocol); `nearestRefs` finds the reference texts nearest in register; `quantileGrid`
 * summarises a sample.
 * Why percentiles: "more predictable than 93% of the human reference texts" is a statement we can check against
 * human writing the engine has never seen; a probability of authorship is not.
 * Pure functions; no table.
 */

/** Percentiles are kept away from 0 and 1 before taking log-odds so that one extreme signal cannot dominate. */
export const LOGIT_CLAMP = 0.02;

/** Share of the reference sample below `x`, read off evenly spaced quantiles by linear interpolation. */
export function percentileOf(x: number, quantiles: readonly number[]): number {
  const n = quantiles.length - 1;
  if (n < 1 || !Number.isFinite(x)) return NaN;
  if (x <= quantiles[0]!) return 0;
  if (x >= quantiles[n]!) return 1;
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

/** Mean log-odds of the percentiles of the `counted` signals that have one (equal weights); NaN when none has. */
export function combine(percentiles: Readonly<Record<string, number>>, counted: readonly string[]): number {
  let sum = 0;
  let n = 0;
  for (const id of counted) {
    const p = percentiles[id];
    if (p === undefined || !Number.isFinite(p)) continue;
    sum += logit(p);
    n++;
  }
  return n > 0 ? sum / n : NaN;
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

/** Squared distance between two registers, each figure divided by its scale. */
export function registerDistance(a: readonly number[], b: readonly number[], scale: readonly number[]): number {
  let s = 0;
  for (let j = 0; j < a.length; j++) {
    const x = (a[j]! - b[j]!) / (scale[j] || 1);
    s += x * x;
  }
  return s;
}

interface RegIndex {
  /** Reference indices sorted by the first register figure, and that figure in the same order. */
  order: Int32Array;
  first: Float64Array;
}
const regIndex = new WeakMap<readonly { reg: number[] }[], RegIndex>();

function indexOf(refs: readonly { reg: number[] }[]): RegIndex {
  let ix = regIndex.get(refs);
  if (ix && ix.order.length === refs.length) return ix;
  const order = Int32Array.from(refs.map((_, i) => i)).sort((a, b) => refs[a]!.reg[0]! - refs[b]!.reg[0]! || a - b);
  ix = { order, first: Float64Array.from(order, (i) => refs[i]!.reg[0]!) };
  regIndex.set(refs, ix);
  return ix;
}

/**
 * Indices of the `k` reference texts nearest to register `reg` (squared scaled distance, ties by lower index),
 * leaving out `exclude`. Exact: references are scanned outward from the query along the first register figure, and
 * the scan stops once that figure alone puts every remaining reference beyond the k-th nearest (a sum of squares is
 * never below one of its terms). The result is sorted by distance.
 */
export function nearestRefs(refs: readonly { reg: number[] }[], reg: readonly number[], scale: readonly number[], k: number, exclude = -1): number[] {
  const cap = Math.max(0, Math.min(k, refs.length - (exclude >= 0 && exclude < refs.length ? 1 : 0)));
  if (cap === 0) return [];
  const { order, first } = indexOf(refs);
  const best: [number, number][] = []; // [distance, index], kept sorted, at most cap long
  const worse = (a: [number, number], b: [number, number]) => a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);
  const consider = (i: number) => {
    const cand: [number, number] = [registerDistance(reg, refs[i]!.reg, scale), i];
    if (best.length === cap && !worse(best[cap - 1]!, cand)) return;
    let at = best.length;
    while (at > 0 && worse(best[at - 1]!, cand)) at--;
    best.splice(at, 0, cand);
    if (best.length > cap) best.pop();
  };
  const c0 = scale[0] || 1;
  const q0 = reg[0]!;
  let lo = 0;
  let hi = first.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (first[m]! < q0) lo = m + 1;
    else hi = m;
  }
  let left = lo - 1;
  let right = lo;
  const bound = (pos: number) => ((q0 - first[pos]!) / c0) ** 2;
  while (left >= 0 || right < first.length) {
    const bl = left >= 0 ? bound(left) : Infinity;
    const br = right < first.length ? bound(right) : Infinity;
    const useLeft = bl <= br;
    if (best.length === cap && (useLeft ? bl : br) > best[cap - 1]![0]) break;
    const i = useLeft ? order[left--]! : order[right++]!;
    if (i !== exclude) consider(i);
  }
  return best.map((x) => x[1]);
}

/** Evenly spaced quantiles (count+1 points, probabilities 0, 1/count, ..., 1) of a sample. */
export function quantileGrid(values: readonly number[], count = 100, digits = 6): number[] {
  const s = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return [];
  const f = 10 ** digits;
  const out: number[] = [];
  for (let i = 0; i <= count; i++) {
    const pos = ((s.length - 1) * i) / count;
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    out.push(Math.round((s[lo]! + (s[hi]! - s[lo]!) * (pos - lo)) * f) / f);
  }
  return out;
}
