// The lab's threshold sweep gives exactly labMetrics' figures at every threshold (issue 10, item 6: the slider
// works from sorted scores instead of a pass over every text).
import { describe, expect, it } from 'vitest';
import { labMetrics, type LabRow } from '@/src/lab/metrics';
import { thresholdSweep } from '@/src/lab/sweep';

function rows(n: number, seed: number): LabRow[] {
  let s = seed;
  const r = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  return Array.from({ length: n }, (_, i) => ({
    label: r() < 0.4 ? 'machine' : 'human',
    // ties on purpose (two decimals), some unscored
    score: r() < 0.05 ? null : Math.round(r() * 100) / 100,
    group: ['a', 'b', 'é', ''][i % 4]!,
  }));
}

describe('thresholdSweep', () => {
  it.each([1, 2, 3])('equals labMetrics at every threshold (set %i)', (seed) => {
    const set = rows(500, seed);
    const sweep = thresholdSweep(set);
    for (let t = 0; t <= 100; t++) expect(sweep.at(t / 100)).toEqual(labMetrics(set, t / 100));
    expect(sweep.at(0.505)).toEqual(labMetrics(set, 0.505));
  });

  it('an empty set and a one-label set give NaN rates, not made-up figures', () => {
    expect(thresholdSweep([]).at(0.5)).toEqual(labMetrics([], 0.5));
    const humans: LabRow[] = [{ label: 'human', score: 0.7, group: 'x' }];
    expect(thresholdSweep(humans).at(0.5)).toEqual(labMetrics(humans, 0.5));
  });

  it('sorted scores per label for the histogram', () => {
    const sweep = thresholdSweep([{ label: 'human', score: 0.7, group: '' }, { label: 'human', score: 0.2, group: '' }, { label: 'machine', score: 0.9, group: '' }, { label: 'machine', score: null, group: '' }]);
    expect(sweep.scores).toEqual({ humans: [0.2, 0.7], machines: [0.9] });
  });
});
