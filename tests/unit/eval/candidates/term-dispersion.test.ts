import { describe, it, expect } from 'vitest';
import termDispersion, { burstinessOf, correctedB, gapRatio, MIN_WORDS } from '@/src/eval/candidates/term-dispersion';
import { buildDoc } from '@/src/engine/text/doc';
import { isAbstention, type SignalResult } from '@/src/engine/types';

// Texts written for these tests. Filler sentences share no content word of three letters or more with the key terms
// and repeat none of their own words, so only the key terms qualify.
const FILLER = [
  'Morning fog rolled across quiet hills.', 'Some neighbours waved from porches.', 'Bakers opened early shops nearby.',
  'Children chased pigeons past fountains.', 'Trains rattled toward distant cities.', 'Gardeners watered tulips carefully.',
  'Painters mixed bright colours outside.', 'Sailors mended torn nets quickly.', 'Farmers counted sheep twice daily.',
  'Writers drafted letters by candlelight.', 'Musicians tuned violins backstage.', 'Doctors visited patients upstairs.',
  'Students copied notes during lectures.', 'Pilots checked engines before takeoff.', 'Cooks stirred soup slowly.',
  'Miners lit lamps underground.', 'Tailors measured sleeves precisely.', 'Clerks stamped forms loudly.',
];
const KEYS = ['harbour', 'lantern', 'compass'];
// The sentences (before the filler sentence of the same index) where each key word occurs, three times each.
// Even: every six sentences. Clustered: twice in a row, then once much later.
const EVEN_AT = [[0, 6, 12], [2, 8, 14], [4, 10, 16]];
const CLUSTERED_AT = [[0, 1, 12], [2, 3, 14], [4, 5, 16]];
const build = (at: number[][]) =>
  FILLER.map((f, i) => {
    const k = at.findIndex((xs) => xs.includes(i));
    return k >= 0 ? `It was the ${KEYS[k]}. ${f}` : f;
  }).join(' ');
const EVEN = build(EVEN_AT);
const BURST = build(CLUSTERED_AT);

function measure(text: string, lang = 'en'): SignalResult {
  const r = termDispersion.compute(buildDoc(text, { lang }));
  if (isAbstention(r)) throw new Error(`abstained: ${r.code}`);
  return r;
}

describe('term-dispersion', () => {
  it('computes the gap ratio and Altmann burstiness', () => {
    expect(gapRatio([0, 10, 20, 30])).toBe(0); // even gaps
    expect(gapRatio([0, 1, 2, 20])).toBeCloseTo(Math.sqrt(((1 - 20 / 3) ** 2 * 2 + (18 - 20 / 3) ** 2) / 3) / (20 / 3), 10);
    expect(burstinessOf(0)).toBe(-1);
    expect(burstinessOf(1)).toBe(0);
    expect(correctedB(1, 1000)).toBeCloseTo(0, 1);
  });

  it('scores evenly placed key words higher (more even) than the same words in bursts', () => {
    const even = measure(EVEN);
    const burst = measure(BURST);
    expect(even.details.terms).toBe(3);
    expect(burst.details.terms).toBe(3);
    expect(even.details.burstiness).toBeLessThan(-0.8); // gaps of six sentences each (sentences differ by a word)
    expect(burst.details.burstiness).toBeGreaterThan(-0.3); // gaps of one and eleven sentences
    expect(burst.details.burstiness).toBeLessThan(0.3);
    expect(even.raw).toBeGreaterThan(burst.raw);
  });

  it('abstains below its minimum length, outside English and French, and when too few words recur', () => {
    expect(isAbstention(termDispersion.compute(buildDoc('The harbour mattered. The harbour mattered.', { lang: 'en' })))).toBe(true);
    expect(isAbstention(termDispersion.compute(buildDoc(EVEN, { lang: 'deu' })))).toBe(true);
    // Long enough, but only two words recur three times or more: 'harbour' and 'lantern'.
    const two = build([[0, 6, 12], [2, 8, 14], [4]]);
    expect(buildDoc(two, { lang: 'en' }).words.length).toBeGreaterThanOrEqual(MIN_WORDS);
    const r = termDispersion.compute(buildDoc(two, { lang: 'en' }));
    expect(isAbstention(r)).toBe(true);
    expect(isAbstention(termDispersion.compute(buildDoc(EVEN, { lang: 'en' })))).toBe(false);
  });
});
