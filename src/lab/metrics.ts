/**
 * lab metrics — what the workshop lab shows at one threshold: the confusion matrix, the ROC curve and its AUROC
 * (from src/engine/score/metrics.ts, not rewritten here), and error rates per group.
 *
 * Convention (as in src/engine/score/metrics.ts): positive = labelled machine; flagged = score >= threshold. A text the
 * engine could not score (too short, unsupported language) has score null: it is counted in `unscored`, never
 * silently treated as 0 or 1.
 *
 * API: `labMetrics(rows, threshold)` -> { confusion, roc, auroc, unscored, groups }, where rows are
 * `{ label, score, group }` and `groups` lists, per group (sorted by name, '' = no group), its counts, false
 * positives among its human texts (fpr) and false negatives among its machine texts (fnr).
 */
import { auroc, confusion, rocCurve, type Confusion, type RocPoint, type Scored } from '../engine';
import type { Label } from './dataset';

export interface LabRow {
  label: Label;
  score: number | null;
  group: string;
}

export interface GroupRates {
  group: string;
  n: number;
  humans: number;
  machines: number;
  fp: number;
  fn: number;
  fpr: number;
  fnr: number;
  unscored: number;
}

export interface LabMetrics {
  confusion: Confusion;
  roc: RocPoint[];
  auroc: number;
  unscored: number;
  groups: GroupRates[];
}

export function toScored(rows: readonly LabRow[]): Scored[] {
  return rows.filter((r) => r.score !== null).map((r) => ({ score: r.score as number, positive: r.label === 'machine' }));
}

export function groupRates(rows: readonly LabRow[], threshold: number): GroupRates[] {
  const by = new Map<string, LabRow[]>();
  for (const r of rows) by.set(r.group, [...(by.get(r.group) ?? []), r]);
  return [...by.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, rs]) => {
      const c = confusion(toScored(rs), threshold);
      const humans = c.fp + c.tn;
      const machines = c.tp + c.fn;
      return { group, n: rs.length, humans, machines, fp: c.fp, fn: c.fn, fpr: c.fpr, fnr: machines ? c.fn / machines : NaN, unscored: rs.filter((r) => r.score === null).length };
    });
}

export function labMetrics(rows: readonly LabRow[], threshold: number): LabMetrics {
  const scored = toScored(rows);
  return {
    confusion: confusion(scored, threshold),
    roc: rocCurve(scored),
    auroc: auroc(scored),
    unscored: rows.length - scored.length,
    groups: groupRates(rows, threshold),
  };
}
