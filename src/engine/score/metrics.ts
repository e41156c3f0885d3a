/**
 * metrics — ROC curve, AUROC, confusion matrix and true-positive rate at a fixed false-positive rate.
 *
 * Used by the evaluation script, the calibration script and the workshop lab. Convention: `positive` marks the
 * machine-labelled items, a higher score means "more predictable"; an item is flagged when score >= threshold.
 * AUROC counts ties as one half (Mann-Whitney). Empty classes give NaN rather than a made-up figure.
 */

export interface Scored {
  score: number;
  positive: boolean;
}

export interface RocPoint {
  threshold: number;
  fpr: number;
  tpr: number;
}

/** Area under the ROC curve: the probability that a random positive scores above a random negative (ties 1/2). */
export function auroc(items: readonly Scored[]): number {
  const sorted = [...items].sort((a, b) => a.score - b.score);
  let nPos = 0;
  let nNeg = 0;
  let rankSumPos = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j]!.score === sorted[i]!.score) j++;
    const avgRank = (i + 1 + j) / 2; // ranks i+1..j
    for (let k = i; k < j; k++) {
      if (sorted[k]!.positive) {
        nPos++;
        rankSumPos += avgRank;
      } else nNeg++;
    }
    i = j;
  }
  if (nPos === 0 || nNeg === 0) return NaN;
  return (rankSumPos - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}

/** ROC points from the highest threshold (nothing flagged) to the lowest (everything flagged). */
export function rocCurve(items: readonly Scored[]): RocPoint[] {
  const nPos = items.filter((x) => x.positive).length;
  const nNeg = items.length - nPos;
  const sorted = [...items].sort((a, b) => b.score - a.score);
  const points: RocPoint[] = [{ threshold: Infinity, fpr: 0, tpr: 0 }];
  let tp = 0;
  let fp = 0;
  for (let i = 0; i < sorted.length; ) {
    const t = sorted[i]!.score;
    while (i < sorted.length && sorted[i]!.score === t) {
      if (sorted[i]!.positive) tp++;
      else fp++;
      i++;
    }
    points.push({ threshold: t, fpr: nNeg ? fp / nNeg : NaN, tpr: nPos ? tp / nPos : NaN });
  }
  return points;
}

export interface Confusion {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  fpr: number;
  tpr: number;
}

export function confusion(items: readonly Scored[], threshold: number): Confusion {
  let tp = 0, fp = 0, tn = 0, fn = 0;
  for (const x of items) {
    const flagged = x.score >= threshold;
    if (x.positive) {
      if (flagged) tp++;
      else fn++;
    } else if (flagged) fp++;
    else tn++;
  }
  return { tp, fp, tn, fn, fpr: fp + tn ? fp / (fp + tn) : NaN, tpr: tp + fn ? tp / (tp + fn) : NaN };
}

/** Best TPR among thresholds whose FPR is at most `maxFpr`. */
export function tprAtFpr(items: readonly Scored[], maxFpr: number): number {
  let best = 0;
  for (const p of rocCurve(items)) if (p.fpr <= maxFpr + 1e-12 && p.tpr > best) best = p.tpr;
  return items.some((x) => x.positive) && items.some((x) => !x.positive) ? best : NaN;
}

/** q-quantile (0..1) of numbers by linear interpolation; NaN for an empty list. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const pos = (s.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}
