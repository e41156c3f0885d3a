import { describe, expect, it } from 'vitest';
import { fitWeights } from '@/src/eval/fit';

// A tiny deterministic generator, so the table of cases is reproducible.
function rng(seed: number) {
  return () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

describe('fitWeights (non-negative logistic regression)', () => {
  const r = rng(7);
  const n = 400;
  const y = Array.from({ length: n }, (_, i) => i % 2 === 0);
  // feature 0 informative, feature 1 noise, feature 2 informative in reverse
  const x = y.map((pos) => [(pos ? 1 : -1) + (r() - 0.5), r() - 0.5, (pos ? -1 : 1) + (r() - 0.5)]);
  const w = fitWeights(x, y);

  it('normalises weights to sum 1', () => {
    expect(w.reduce((a, v) => a + v, 0)).toBeCloseTo(1, 6);
  });
  it('gives the informative feature the largest weight', () => {
    expect(w[0]).toBeGreaterThan(0.6);
  });
  it('never gives a reversed feature a negative weight (it can only count for "predictable" or nothing)', () => {
    expect(w[2]).toBe(0);
    expect(Math.min(...w)).toBeGreaterThanOrEqual(0);
  });
  it('falls back to equal weights when nothing is informative', () => {
    const flat = fitWeights([[-1], [-1], [-1], [-1]], [true, false, true, false]);
    expect(flat).toEqual([1]);
  });
});
