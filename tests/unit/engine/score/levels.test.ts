import { describe, expect, it } from 'vitest';
import { DOCUMENT_GATES, isSensitivity, LEVEL_CUTS, levelFor } from '@/src/engine/score/levels';

describe('levelFor: the sentence score reaches the cut AND the document reaches the gate', () => {
  it.each([
    // sentence, sensitivity, document, level
    [null, 'medium', 0.99, 0],
    [0.5, 'medium', 0.99, 0],
    [0.9, 'medium', 0.99, 1],
    [0.96, 'medium', 0.99, 2],
    [0.995, 'medium', 0.99, 3],
    [0.995, 'medium', 0.94, 2], // the document is not at 0.95: level 3 is out of reach
    [0.995, 'medium', 0.85, 1],
    [0.995, 'medium', 0.79, 0], // an ordinary document: no sentence is marked, however it reads
    [0.995, 'medium', null, 0],
    [0.9, 'low', 0.99, 0],
    [0.85, 'high', 0.95, 1],
    [0.97, 'high', 0.95, 3],
    [0.97, 'high', 0.7, 1],
  ] as const)('sentence %s at %s in a document at %s -> %d', (score, sens, doc, level) => {
    expect(levelFor(score, sens, doc)).toBe(level);
  });
  it('cut points and gates rise with level and fall with sensitivity', () => {
    for (const table of [LEVEL_CUTS, DOCUMENT_GATES]) {
      for (const cuts of Object.values(table)) expect([...cuts].sort()).toEqual([...cuts]);
      for (let i = 0; i < 3; i++) {
        expect(table.high[i]).toBeLessThan(table.medium[i]!);
        expect(table.medium[i]).toBeLessThan(table.low[i]!);
      }
    }
  });
  it('validates sensitivity values', () => {
    expect(['low', 'medium', 'high', 'max', 1].map(isSensitivity)).toEqual([true, true, true, false, false]);
  });
});
