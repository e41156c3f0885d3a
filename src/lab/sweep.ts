/**
 * sweep — the lab's figures at any threshold, from scores sorted once: what the threshold slider needs on every move.
 *
 * What: `thresholdSweep(rows)` sorts the human and the machine scores once (overall and per group), and computes the
 * ROC curve and its AUROC once (they do not depend on the threshold); `at(threshold)` then gives exactly what
 * `labMetrics(rows, threshold)` gives (src/lab/metrics.ts, same convention: positive = machine, flagged = score >=
 * threshold, unscored counted apart), by binary search: O(groups · log n) per move instead of a pass over every text.
 * `scores` gives the sorted scores per label for the histogram.
 * When: the workshop lab, on sets of thousands of texts (2,000 in tests/e2e/lab-slider.e2e.ts).
 */
import { auroc, rocCurve, type Confusion } from '../engine';
import { toScored, type GroupRates, type LabMetrics, type LabRow } from './metrics';

/** Index of the first value >= t in an ascending array. */
function lowerBound(sorted: readonly number[], t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Sorted {
  humans: number[];
  machines: number[];
  n: number;
  unscored: number;
}

function sortedOf(rows: readonly LabRow[]): Sorted {
  const humans: number[] = [];
  const machines: number[] = [];
  for (const r of rows) if (r.score !== null) (r.label === 'machine' ? machines : humans).push(r.score);
  const asc = (a: number, b: number) => a - b;
  return { humans: humans.sort(asc), machines: machines.sort(asc), n: rows.length, unscored: rows.length - humans.length - machines.length };
}

function confusionAt(s: Sorted, threshold: number): Confusion {
  const fp = s.humans.length - lowerBound(s.humans, threshold);
  const tp = s.machines.length - lowerBound(s.machines, threshold);
  const tn = s.humans.length - fp;
  const fn = s.machines.length - tp;
  return { tp, fp, tn, fn, fpr: fp + tn ? fp / (fp + tn) : NaN, tpr: tp + fn ? tp / (tp + fn) : NaN };
}

export interface ThresholdSweep {
  at(threshold: number): LabMetrics;
  /** Scored values per label, ascending. */
  scores: { humans: readonly number[]; machines: readonly number[] };
}

export function thresholdSweep(rows: readonly LabRow[]): ThresholdSweep {
  const all = sortedOf(rows);
  const scored = toScored(rows);
  const roc = rocCurve(scored);
  const area = auroc(scored);
  const byGroup = new Map<string, LabRow[]>();
  for (const r of rows) {
    const list = byGroup.get(r.group);
    if (list) list.push(r);
    else byGroup.set(r.group, [r]);
  }
  const groups = [...byGroup.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([group, rs]) => ({ group, s: sortedOf(rs) }));
  return {
    scores: { humans: all.humans, machines: all.machines },
    at(threshold) {
      return {
        confusion: confusionAt(all, threshold),
        roc,
        auroc: area,
        unscored: all.unscored,
        groups: groups.map(({ group, s }): GroupRates => {
          const c = confusionAt(s, threshold);
          const machines = c.tp + c.fn;
          return { group, n: s.n, humans: c.fp + c.tn, machines, fp: c.fp, fn: c.fn, fpr: c.fpr, fnr: machines ? c.fn / machines : NaN, unscored: s.unscored };
        }),
      };
    },
  };
}
