import { describe, it, expect } from 'vitest';
import sentencePairs, { lag1, NEAR_WORDS } from '@/src/eval/candidates/sentence-pairs';
import { buildDoc } from '@/src/engine/text/doc';
import { isAbstention, type SignalResult } from '@/src/engine/types';

// Texts written for these tests, from sentences of known lengths (in words).
const sentence = (n: number, i: number) => `${Array.from({ length: n }, (_, k) => (k === 0 ? 'Word' : `w${i}x${k}`)).join(' ')}.`;
const text = (lengths: number[]) => lengths.map(sentence).join(' ');
// The same multiset of lengths in two orders: sorted (neighbours match) and alternating short/long (none match).
const LENGTHS = [4, 5, 6, 7, 8, 20, 21, 22, 23, 24];
const SORTED = text(LENGTHS);
const ALTERNATING = text([4, 20, 5, 21, 6, 22, 7, 23, 8, 24]);

function measure(t: string): SignalResult {
  const r = sentencePairs.compute(buildDoc(t, { lang: 'en' }));
  if (isAbstention(r)) throw new Error(`abstained: ${r.code}`);
  return r;
}

describe('sentence-pairs', () => {
  it('counts consecutive pairs within NEAR_WORDS words, so order matters and spread alone does not', () => {
    expect(NEAR_WORDS).toBe(3);
    const sorted = measure(SORTED);
    expect(sorted.details.pairs).toBe(9);
    expect(sorted.details.nearPairs).toBe(8); // every pair but 8 -> 20
    expect(sorted.raw).toBeCloseTo(8 / 9, 10);
    const alternating = measure(ALTERNATING);
    expect(alternating.details.nearPairs).toBe(0);
    expect(alternating.raw).toBe(0);
  });

  it('measures the lag-1 autocorrelation of lengths: positive for a trend, negative for alternation', () => {
    expect(lag1([1, 2, 3, 4, 5, 6])).toBeCloseTo(0.5, 10); // (−2.5·−1.5 + … ) / 17.5 = 8.75 / 17.5
    expect(lag1([1, 9, 1, 9, 1, 9])).toBeCloseTo(-5 / 6, 10);
    expect(lag1([4, 4, 4])).toBe(0);
    expect(measure(ALTERNATING).details.autocorrelation).toBeLessThan(0);
    expect(measure(SORTED).details.autocorrelation).toBeGreaterThan(0.5);
  });

  it('gives per-sentence values: 1 for a sentence matching a neighbour, 0 otherwise', () => {
    const doc = buildDoc(text([10, 11, 30, 31, 50, 5]), { lang: 'en' });
    const r = sentencePairs.compute(doc) as SignalResult;
    expect(r.sentences).toEqual([1, 1, 1, 1, 0, 0]);
  });

  it.each([
    ['too short', text([4, 5, 6, 7, 8, 9]), 'too-short'],
    ['too few sentences', text([30, 30, 30, 30, 30]), 'too-few-sentences'],
    ['empty', '', 'no-text'],
  ])('abstains: %s', (_name, t, code) => {
    const r = sentencePairs.compute(buildDoc(t, { lang: 'en' }));
    expect(isAbstention(r) && r.code).toBe(code);
  });
});
