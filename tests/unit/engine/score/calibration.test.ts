import { describe, expect, it } from 'vitest';
import { combine, logit, nearestRefs, percentileOf, quantileGrid } from '@/src/engine/score/calibration';

describe('percentileOf', () => {
  const q = quantileGrid([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 10); // 0..10
  it.each([
    [-1, 0],
    [0, 0],
    [5, 0.5],
    [2.5, 0.25],
    [10, 1],
    [11, 1],
  ])('%d -> %d', (x, p) => expect(percentileOf(x, q)).toBeCloseTo(p, 10));

  it('takes the middle of a flat run of equal quantiles', () => {
    expect(percentileOf(1, [0, 1, 1, 1, 2])).toBeCloseTo(0.5, 10);
  });
  it('is NaN without a reference or for NaN input', () => {
    expect(percentileOf(1, [])).toBeNaN();
    expect(percentileOf(NaN, [0, 1])).toBeNaN();
  });
});

describe('combine (equal weights over the counted signals that measured)', () => {
  it('averages log-odds over counted signals only', () => {
    expect(combine({ a: 0.5, b: 0.5 }, ['a', 'b'])).toBeCloseTo(0, 10);
    expect(combine({ a: 0.9 }, ['a', 'b'])).toBeCloseTo(logit(0.9), 10);
    expect(combine({ a: 0.9, b: 0.1 }, ['a', 'b'])).toBeCloseTo(0, 10);
  });
  it('ignores signals that are not counted, and is NaN when no counted signal measured', () => {
    expect(combine({ a: 0.9, z: 0.01 }, ['a'])).toBeCloseTo(logit(0.9), 10);
    expect(combine({ q: 0.9 }, ['a'])).toBeNaN();
  });
  it('clamps extremes so one signal cannot dominate', () => {
    expect(logit(1)).toBeCloseTo(logit(0.98), 10);
    expect(logit(0)).toBeCloseTo(-logit(0.98), 10);
  });
});

describe('nearestRefs: the k references nearest in scaled register distance', () => {
  function rng(seed: number) {
    return () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  }
  const r = rng(3);
  const refs = Array.from({ length: 300 }, () => ({ reg: [4 + r(), r() * 2, Math.round(r() * 3) / 3] }));
  const scale = [0.3, 0.6, 0.5];
  const brute = (reg: number[], k: number, exclude = -1) =>
    refs
      .map((x, i) => [x.reg.reduce((a, v, j) => a + ((reg[j]! - v) / scale[j]!) ** 2, 0), i] as const)
      .filter(([, i]) => i !== exclude)
      .sort((a, b) => a[0] - b[0] || a[1] - b[1])
      .slice(0, k)
      .map(([, i]) => i);
  it.each([
    [[4.5, 1, 0.5], 80, -1],
    [[4.1, 0.1, 1], 10, -1],
    [[9, 9, 9], 5, -1],
    [refs[17]!.reg, 80, 17],
  ])('query %j, k %d, leaving out %d: the same set and order as a full sort', (reg, k, exclude) => {
    expect(nearestRefs(refs, reg, scale, k, exclude)).toEqual(brute(reg, k, exclude));
  });
  it('never returns the left-out reference and never more than there are', () => {
    expect(nearestRefs(refs.slice(0, 3), [4, 1, 0], scale, 80, 1)).toHaveLength(2);
    expect(nearestRefs(refs, refs[5]!.reg, scale, 80, 5)).not.toContain(5);
  });
});

describe('quantileGrid', () => {
  it('has count + 1 evenly spaced points from min to max', () => {
    const g = quantileGrid([3, 1, 2], 4);
    expect(g).toEqual([1, 1.5, 2, 2.5, 3]);
  });
  it('drops non-finite values', () => {
    expect(quantileGrid([NaN, Infinity, 1], 2)).toEqual([1, 1, 1]);
  });
});
