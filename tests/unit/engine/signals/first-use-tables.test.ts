// The tables the signals build at first use are read straight from the shipped files (issue 12: the first click of
// a cold worker). Each reading must give what the straightforward one gave: these tests rebuild the old way and
// compare, bit for bit, on the shipped tables.
import { describe, expect, it } from 'vitest';
import { ngramScorer, type NgramModel } from '@/src/engine/signals/_lib/ngram';
import { accentlessForms, ACCENT_RANK_RATIO, ACCENT_TOP } from '@/src/engine/signals/_lib/slip-markers';
import { STYLE_LR_TABLES } from '@/src/engine/signals/style-lr';
import { LM_TABLES } from '@/src/engine/signals/word-predictability';

/** The dense bigram table as the scorer first built it: maps of the kept bigrams and back-off weights, then a look-up
 * per pair. */
function denseThroughMaps(model: NgramModel): Float64Array {
  const S = model.size;
  const qd = model.quantum;
  const uni = Float64Array.from(model.uni, (x) => -x * qd);
  const kept = new Map<number, number>();
  const bows = new Map<number, number>();
  const level = model.levels[0]!;
  let h = 0;
  let j = 0;
  level.ctx.forEach((dh, ci) => {
    h += dh;
    bows.set(h, -level.bow[ci]! * qd);
    let w = 0;
    for (let t = 0; t < level.n[ci]!; t++, j++) {
      w += level.w[j]!;
      kept.set(h * S + w, -level.lp[j]! * qd);
    }
  });
  const dense = new Float64Array(S * S);
  for (let p = 0; p < S; p++) {
    const bow = bows.get(p) ?? 0;
    for (let t = 0; t < S; t++) dense[p * S + t] = kept.get(p * S + t) ?? bow + uni[t]!;
  }
  return dense;
}

describe('tables read at first use, as shipped', () => {
  it.each(['en', 'fr'] as const)('style-lr (%s): the dense bigram tables equal the map-built ones and logProb, bit for bit', (lang) => {
    for (const model of [STYLE_LR_TABLES[lang].human, STYLE_LR_TABLES[lang].machine]) {
      const sc = ngramScorer(model);
      const ref = denseThroughMaps(model);
      expect(sc.dense).toBeDefined();
      expect(sc.dense!.length).toBe(ref.length);
      let differ = 0;
      for (let i = 0; i < ref.length; i++) if (!Object.is(sc.dense![i], ref[i])) differ++;
      expect(differ).toBe(0);
      // logProb (built on first call) agrees too, on a sample of pairs
      for (let p = 0; p < sc.size; p += 7) for (let t = 0; t < sc.size; t += 3) expect(Object.is(sc.logProb([p], t), ref[p * sc.size + t])).toBe(true);
    }
  });

  it('word-predictability: each successor list holds an id once (its position is its first index)', () => {
    const next = LM_TABLES.en.next!;
    expect(next.length).toBeGreaterThan(1000);
    for (const list of next) expect(new Set(list).size).toBe(list.length);
  });

  it('writer-slips: the accentless French forms are those of the full-vocabulary reading', () => {
    const words = LM_TABLES.fr.vocab.split(' ').filter(Boolean);
    const strip = (w: string) => w.normalize('NFD').replace(/\p{M}/gu, '');
    const rank = new Map(words.map((w, i) => [w, i]));
    const expected = new Set<string>();
    for (const w of words.slice(0, ACCENT_TOP)) {
      const s = strip(w);
      if (s === w || s.length < 4 || /é(e?s?)$/u.test(w)) continue;
      const r = rank.get(s);
      if (r === undefined || r > ACCENT_RANK_RATIO * (rank.get(w)! + 1)) expected.add(s);
    }
    expect(expected.size).toBeGreaterThan(100);
    expect([...accentlessForms()]).toEqual([...expected]);
  });
});
