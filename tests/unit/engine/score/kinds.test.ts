import { describe, expect, it } from 'vitest';
import { HELD_OUT_MIN_TEXTS, nearestKinds, shownPercentile, statedPercentile, tailPercentile, TAIL_MIN_SPREAD } from '@/src/engine/score/kinds';
import type { HeldOutGroup, LangReference } from '@/src/engine/score/reference';

describe('tailPercentile: strictly monotone, mid-ranks inside, exponential tails outside, never 0 or 1', () => {
  const sorted = [-1, 0, 0, 0.5, 2];
  it.each([
    [-1, 0.1], // mid-rank of the smallest: 0.5 / 5
    [0, 0.4], // two tied values at 0: (1 + 2/2) / 5
    [0.5, 0.7],
    [2, 0.9], // 1 - 0.5 / 5
    [0.25, 0.55], // halfway between the mid-ranks of 0 and 0.5
  ])('at %d -> %d', (c, p) => expect(tailPercentile(c, sorted, 1)).toBeCloseTo(p, 12));

  it('rises strictly everywhere, beyond both ends too, and never reaches 0 or 1', () => {
    const xs = Array.from({ length: 2001 }, (_, i) => -8 + i * 0.008);
    const ps = xs.map((c) => tailPercentile(c, sorted, 0.7));
    for (let i = 1; i < ps.length; i++) expect(ps[i]).toBeGreaterThan(ps[i - 1]!);
    expect(ps[0]).toBeGreaterThan(0);
    expect(ps[ps.length - 1]).toBeLessThan(1);
  });

  it('keeps ranking far beyond the largest reference value (combined values are bounded by the log-odds clamp)', () => {
    const a = tailPercentile(3.8, sorted, 0.1);
    const b = tailPercentile(3.9, sorted, 0.1);
    expect(b).toBeGreaterThan(a);
    expect(b).toBeLessThan(1);
  });

  it('floors a tiny spread so that the tail is not a cliff', () => {
    expect(tailPercentile(3, sorted, 0.001)).toBeCloseTo(tailPercentile(3, sorted, TAIL_MIN_SPREAD), 12);
    expect(tailPercentile(3, sorted, 0.001)).toBeCloseTo(1 - 0.1 * Math.exp(-1 / TAIL_MIN_SPREAD), 12);
  });

  it('is NaN with no values or no value to place', () => {
    expect(tailPercentile(1, [], 1)).toBeNaN();
    expect(tailPercentile(NaN, sorted, 1)).toBeNaN();
  });
});

/** A reference with kinds at chosen register centroids; each kind's texts carry the given combined values. */
function reference(kinds: { id: string; centroid: number[]; values: number[] }[], compared = 2): LangReference {
  const refs = kinds.flatMap((k, i) => k.values.map((c) => ({ reg: k.centroid, raw: {}, kind: i, c })));
  return {
    texts: refs.length,
    sentences: 0,
    neighbours: 80,
    compared,
    registerScale: [1, 1, 1],
    kinds: kinds.map((k) => ({ id: k.id, n: k.values.length, centroid: k.centroid, spread: 1 })),
    refs,
    sentenceGrids: {},
  };
}

describe('statedPercentile: the lowest percentile among the nearest kinds', () => {
  const spread = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i / n);
  const ref = reference([
    { id: 'near-lenient', centroid: [0, 0, 0], values: spread(1, 40) }, // high combined values: lenient
    { id: 'near-strict', centroid: [0.5, 0, 0], values: spread(-1, 30) },
    { id: 'far', centroid: [10, 0, 0], values: spread(3, 50) }, // most lenient of all, but far in register
  ]);

  it('chooses the kinds nearest in register, nearest first', () => {
    expect(nearestKinds([0.1, 0, 0], ref, 2)).toEqual([0, 1]);
    expect(nearestKinds([9, 0, 0], ref, 2)).toEqual([2, 1]);
  });

  it('states the minimum over the compared kinds (the most lenient of them), with their counts', () => {
    const st = statedPercentile(1.5, [0.1, 0, 0], ref)!;
    expect(st.kinds.map((k) => k.kind)).toEqual([0, 1]);
    expect(st.stated).toBe(Math.min(...st.kinds.map((k) => k.p)));
    expect(st.stated).toBeCloseTo(0.5, 1); // the middle of near-lenient, while near-strict says nearly 1
    expect(st.texts).toBe(70);
    expect(st.beyond).toBe(false);
  });

  it('says "beyond" only when the text is above every compared text, and still below 1', () => {
    const st = statedPercentile(2.5, [0.1, 0, 0], ref)!;
    expect(st.beyond).toBe(true);
    expect(st.stated).toBeLessThan(1);
    expect(statedPercentile(2.6, [0.1, 0, 0], ref)!.stated).toBeGreaterThan(st.stated);
  });

  it('is undefined for a text with no combined value', () => {
    expect(statedPercentile(NaN, [0, 0, 0], ref)).toBeUndefined();
  });
});

describe('shownPercentile: the stated percentile lowered to hold for each human source scored as unseen', () => {
  const logit = (p: number) => Math.log(p / (1 - p));
  // a lenient group (its unseen texts score high) and a strict one; a third too small to count
  const spread = (n: number, lo: number, hi: number) => Array.from({ length: n }, (_, i) => logit(lo + ((hi - lo) * i) / (n - 1)));
  const lenient: HeldOutGroup = { source: 'iu', lang: 'fr', values: spread(40, 0.3, 0.99) };
  const strict: HeldOutGroup = { source: 'brown', lang: 'en', values: spread(100, 0.01, 0.7) };
  const tiny: HeldOutGroup = { source: 'cdb', lang: 'en', values: spread(HELD_OUT_MIN_TEXTS - 1, 0.9, 0.999) };
  const groups = [lenient, strict, tiny];

  it('never raises the stated figure, and keeps it when no group is given (older references)', () => {
    for (const s of [0.01, 0.2, 0.5, 0.8, 0.95, 0.999]) {
      expect(shownPercentile(s, groups).shown).toBeLessThanOrEqual(s);
      expect(shownPercentile(s, undefined)).toEqual({ shown: s });
      expect(shownPercentile(s, []).shown).toBe(s);
    }
  });

  it('is the lowest of the groups\' percentiles, so that no group has more than 1 - p of its texts at or above p', () => {
    for (const p of [0.5, 0.8, 0.9, 0.95]) {
      for (const g of [lenient, strict]) {
        const atOrAbove = g.values.filter((v) => shownPercentile(1 / (1 + Math.exp(-v)), groups).shown >= p).length / g.values.length;
        expect(atOrAbove).toBeLessThanOrEqual(1 - p + 1 / g.values.length);
      }
    }
    const s = shownPercentile(0.9, groups);
    expect(s.lowest?.source).toBe('iu');
    expect(s.shown).toBe(tailPercentile(logit(0.9), lenient.values, Math.sqrt(lenient.values.reduce((a, v, _i, xs) => a + (v - xs.reduce((b, u) => b + u, 0) / xs.length) ** 2, 0) / lenient.values.length)));
  });

  it('ignores groups under the minimum size', () => {
    expect(shownPercentile(0.95, [tiny]).shown).toBe(0.95);
    expect(shownPercentile(0.95, [tiny]).lowest).toBeUndefined();
  });

  it('is strictly rising and never reaches 1, beyond every group too', () => {
    const xs = [0.1, 0.5, 0.9, 0.99, 0.999, 0.99999, 1 - 1e-9];
    const ys = xs.map((x) => shownPercentile(x, groups).shown);
    for (let i = 1; i < ys.length; i++) expect(ys[i]!).toBeGreaterThan(ys[i - 1]!);
    expect(ys.at(-1)!).toBeLessThan(1);
  });
});
