import { describe, expect, it } from 'vitest';
import { auroc, confusion, quantile, rocCurve, tprAtFpr } from '@/src/engine/score/metrics';

const P = (score: number) => ({ score, positive: true });
const N = (score: number) => ({ score, positive: false });

describe('auroc (hand-computed)', () => {
  it.each([
    ['perfect separation', [P(0.9), P(0.8), N(0.2), N(0.1)], 1],
    ['perfectly reversed', [P(0.1), N(0.9)], 0],
    ['all tied', [P(0.5), N(0.5)], 0.5],
    // pairs: (0.8>0.7)=1, (0.8>0.3)=1, (0.4<0.7)=0, (0.4>0.3)=1 -> 3/4
    ['three of four pairs ordered', [P(0.8), P(0.4), N(0.7), N(0.3)], 0.75],
    // pairs: (0.5 vs 0.5)=0.5, (0.5 > 0.2)=1 -> 1.5/2
    ['tie counts one half', [P(0.5), N(0.5), N(0.2)], 0.75],
  ])('%s', (_n, items, expected) => {
    expect(auroc(items)).toBeCloseTo(expected, 10);
  });

  it('is NaN with one class only', () => {
    expect(auroc([P(1), P(2)])).toBeNaN();
  });
});

describe('rocCurve and tprAtFpr', () => {
  const items = [P(0.9), N(0.8), P(0.7), N(0.3), P(0.2)];
  it('walks thresholds from high to low', () => {
    expect(rocCurve(items).map((p) => [p.fpr, p.tpr])).toEqual([
      [0, 0], [0, 1 / 3], [0.5, 1 / 3], [0.5, 2 / 3], [1, 2 / 3], [1, 1],
    ]);
  });
  it('finds the best TPR under an FPR bound', () => {
    expect(tprAtFpr(items, 0)).toBeCloseTo(1 / 3);
    expect(tprAtFpr(items, 0.5)).toBeCloseTo(2 / 3);
    expect(tprAtFpr(items, 1)).toBe(1);
  });
});

describe('confusion', () => {
  it('counts flags at a threshold (score >= threshold is flagged)', () => {
    const c = confusion([P(0.9), N(0.8), P(0.7), N(0.3), P(0.2)], 0.7);
    expect(c).toEqual({ tp: 2, fp: 1, tn: 1, fn: 1, fpr: 0.5, tpr: 2 / 3 });
  });
});

describe('quantile', () => {
  it.each([
    [[1, 2, 3, 4, 5], 0.5, 3],
    [[1, 2, 3, 4], 0.5, 2.5],
    [[10], 0.9, 10],
    [[5, 1], 0, 1],
  ])('%j at %d', (xs, q, v) => expect(quantile(xs, q)).toBe(v));
  it('is NaN for no values', () => expect(quantile([], 0.5)).toBeNaN());
});
