import { describe, expect, it } from 'vitest';
import { isSensitivity, LEVEL_CUTS, levelFor } from '@/src/engine/score/levels';

describe('levelFor', () => {
  it.each([
    [null, 'medium', 0],
    [0.5, 'medium', 0],
    [0.9, 'medium', 1],
    [0.96, 'medium', 2],
    [0.995, 'medium', 3],
    [0.9, 'low', 0],
    [0.85, 'high', 1],
    [0.97, 'high', 3],
  ] as const)('%s at %s -> %d', (score, sens, level) => {
    expect(levelFor(score, sens)).toBe(level);
  });
  it('cut points rise with level and fall with sensitivity', () => {
    for (const cuts of Object.values(LEVEL_CUTS)) expect([...cuts].sort()).toEqual([...cuts]);
    expect(LEVEL_CUTS.high[0]).toBeLessThan(LEVEL_CUTS.medium[0]);
    expect(LEVEL_CUTS.medium[0]).toBeLessThan(LEVEL_CUTS.low[0]);
  });
  it('validates sensitivity values', () => {
    expect(['low', 'medium', 'high', 'max', 1].map(isSensitivity)).toEqual([true, true, true, false, false]);
  });
});
