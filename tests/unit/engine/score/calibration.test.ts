import { describe, expect, it } from 'vitest';
import { combine, logit, percentileOf, quantileGrid } from '@/src/engine/score/calibration';

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

describe('combine', () => {
  it('averages weighted log-odds over measured signals only', () => {
    expect(combine({ a: 0.5, b: 0.5 }, { a: 1, b: 1 })).toBeCloseTo(0, 10);
    expect(combine({ a: 0.9 }, { a: 1, b: 1 })).toBeCloseTo(logit(0.9), 10);
    expect(combine({ a: 0.9, b: 0.1 }, { a: 1, b: 1 })).toBeCloseTo(0, 10);
  });
  it('ignores zero-weight and unknown signals', () => {
    expect(combine({ a: 0.9, z: 0.01 }, { a: 1, z: 0 })).toBeCloseTo(logit(0.9), 10);
    expect(combine({ q: 0.9 }, { a: 1 })).toBeNaN();
  });
  it('clamps extremes so one signal cannot dominate', () => {
    expect(logit(1)).toBeCloseTo(logit(0.98), 10);
    expect(logit(0)).toBeCloseTo(-logit(0.98), 10);
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
