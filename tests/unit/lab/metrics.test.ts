import { describe, expect, it } from 'vitest';
import { labMetrics, type LabRow } from '@/src/lab/metrics';

// Hand-computed example. Machine: 0.9, 0.8, 0.4. Human: 0.7 (non-native), 0.3 (non-native), 0.2, 0.1; one unscored.
const rows: LabRow[] = [
  { label: 'machine', score: 0.9, group: '' },
  { label: 'machine', score: 0.8, group: '' },
  { label: 'machine', score: 0.4, group: '' },
  { label: 'human', score: 0.7, group: 'non-native' },
  { label: 'human', score: 0.3, group: 'non-native' },
  { label: 'human', score: 0.2, group: '' },
  { label: 'human', score: 0.1, group: '' },
  { label: 'human', score: null, group: 'non-native' },
];

describe('labMetrics', () => {
  it.each([
    // threshold, tp, fp, tn, fn
    [0.5, 2, 1, 3, 1],
    [0.75, 2, 0, 4, 1],
    [0.95, 0, 0, 4, 3],
    [0.0, 3, 4, 0, 0],
    [0.4, 3, 1, 3, 0], // >= : 0.4 is flagged
  ])('threshold %s: tp %s fp %s tn %s fn %s', (threshold, tp, fp, tn, fn) => {
    const m = labMetrics(rows, threshold);
    expect(m.confusion).toMatchObject({ tp, fp, tn, fn });
    expect(m.confusion.fpr).toBeCloseTo(fp / 4);
    expect(m.confusion.tpr).toBeCloseTo(tp / 3);
    expect(m.unscored).toBe(1);
  });

  it('AUROC: 11 of 12 machine/human pairs are ordered correctly', () => {
    expect(labMetrics(rows, 0.5).auroc).toBeCloseTo(11 / 12, 10);
  });

  it('ROC curve, point by point', () => {
    const roc = labMetrics(rows, 0.5).roc.map((p) => [p.threshold, p.fpr, Number(p.tpr.toFixed(4))]);
    expect(roc).toEqual([
      [Infinity, 0, 0],
      [0.9, 0, 0.3333],
      [0.8, 0, 0.6667],
      [0.7, 0.25, 0.6667],
      [0.4, 0.25, 1],
      [0.3, 0.5, 1],
      [0.2, 0.75, 1],
      [0.1, 1, 1],
    ]);
  });

  it('ties count one half', () => {
    expect(labMetrics([{ label: 'machine', score: 0.5, group: '' }, { label: 'human', score: 0.5, group: '' }], 0.5).auroc).toBe(0.5);
  });

  it('no human texts: AUROC and FPR are NaN, not a made-up figure', () => {
    const m = labMetrics([{ label: 'machine', score: 0.5, group: '' }], 0.5);
    expect(m.auroc).toBeNaN();
    expect(m.confusion.fpr).toBeNaN();
  });

  it('false-positive rate per group', () => {
    const g = labMetrics(rows, 0.5).groups;
    expect(g.map((x) => x.group)).toEqual(['', 'non-native']);
    expect(g[0]).toMatchObject({ n: 5, humans: 2, machines: 3, fp: 0, fn: 1, fpr: 0, unscored: 0 });
    expect(g[0]!.fnr).toBeCloseTo(1 / 3);
    expect(g[1]).toMatchObject({ n: 3, humans: 2, machines: 0, fp: 1, fn: 0, fpr: 0.5, unscored: 1 });
    expect(g[1]!.fnr).toBeNaN();
  });
});
