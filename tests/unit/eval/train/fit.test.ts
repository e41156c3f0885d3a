// The fit helpers of the trainable signals (src/eval/train/): Kneser-Ney n-grams and their reader, the logistic
// regression, source balancing, paired rows, the dispersion-ranked vocabulary. Tiny made-up corpora; no data needed.
import { describe, expect, it } from 'vitest';
import { fitNgram } from '@/src/eval/train/ngram';
import { fitLogreg, predict, standardise } from '@/src/eval/train/logreg';
import { balancedWeights, dispersedVocabulary, groupWeights, pairedRows, type TrainRow } from '@/src/eval/train/rows';
import { ngramScorer } from '@/src/engine/signals/_lib/ngram';
import { buildDoc } from '@/src/engine/text/doc';

const seqs = [[0, 1, 2, 3], [0, 1, 1, 2], [2, 3, 0], [1, 2, 3, 3, 0], [3, 2, 1, 0]];

describe('Kneser-Ney n-grams (fit and reader)', () => {
  it.each([2, 3])('order %i: P(. | context) sums to 1 (within quantisation) for seen and unseen contexts', (order) => {
    const sc = ngramScorer(fitNgram(seqs, { order, vocab: 4 }));
    for (const ctx of [[sc.begin, sc.begin], [0, 1], [3, 3], [2, 0]].map((c) => c.slice(-(order - 1)))) {
      let sum = 0;
      for (let t = 0; t < sc.size; t++) if (t !== sc.begin) sum += Math.exp(sc.logProb(ctx, t));
      expect(sum).toBeGreaterThan(0.93);
      expect(sum).toBeLessThan(1.07);
    }
  });

  it('the dense bigram table says what logProb says', () => {
    const sc = ngramScorer(fitNgram(seqs, { order: 2, vocab: 4, minCount: 2 }));
    expect(sc.dense).toBeDefined();
    for (let h = 0; h < sc.size; h++) for (let t = 0; t < sc.size; t++) expect(sc.dense![h * sc.size + t]).toBe(sc.logProb([h], t));
    expect(ngramScorer(fitNgram(seqs, { order: 3, vocab: 4 })).dense).toBeUndefined();
  });

  it('prefers a seen continuation over an unseen one', () => {
    const sc = ngramScorer(fitNgram(seqs, { order: 2, vocab: 4 }));
    expect(sc.logProb([0], 1)).toBeGreaterThan(sc.logProb([0], 3));
  });

  it('pruning keeps the model normalised and smaller', () => {
    const full = fitNgram(seqs, { order: 2, vocab: 4, minCount: 1 });
    const pruned = fitNgram(seqs, { order: 2, vocab: 4, minCount: 2 });
    expect(pruned.levels[0]!.lp.length).toBeLessThan(full.levels[0]!.lp.length);
    const sc = ngramScorer(pruned);
    let sum = 0;
    for (let t = 0; t < sc.size; t++) if (t !== sc.begin) sum += Math.exp(sc.logProb([1], t));
    expect(Math.abs(sum - 1)).toBeLessThan(0.07);
  });

  it('weights scale a sequence like repeating it, and the same input gives the same model', () => {
    const a = ngramScorer(fitNgram([[0, 1], [0, 2]], { order: 2, vocab: 3 }, [3, 1]));
    expect(a.logProb([0], 1)).toBeGreaterThan(a.logProb([0], 2));
    expect(JSON.stringify(fitNgram(seqs, { order: 2, vocab: 4 }))).toBe(JSON.stringify(fitNgram(seqs, { order: 2, vocab: 4 })));
  });

  it('refuses sizes whose keys would not be exact', () => {
    expect(() => fitNgram([[0]], { order: 4, vocab: 20000 })).toThrow(/too large/);
  });
});

describe('logistic regression', () => {
  it('separates a separable feature and honours sign constraints', () => {
    const n = 200;
    const x = new Float64Array(n * 2);
    const y: number[] = [];
    for (let i = 0; i < n; i++) {
      const lab = i % 2;
      x[i * 2] = lab ? 1 + Math.sin(i) * 0.5 : -1 + Math.cos(i) * 0.5;
      x[i * 2 + 1] = lab ? -1 : 1;
      y.push(lab);
    }
    const w = new Array<number>(n).fill(1);
    const m = fitLogreg(x, n, 2, y, w, { l2: 0.01 });
    expect(m.beta[0]).toBeGreaterThan(0);
    expect(m.beta[1]).toBeLessThan(0);
    expect(predict(m, [1, -1])).toBeGreaterThan(predict(m, [-1, 1]));
    expect(fitLogreg(x, n, 2, y, w, { l2: 0.01, nonNegative: [1] }).beta[1]).toBe(0);
    // a large L1 penalty zeroes every coefficient
    expect(fitLogreg(x, n, 2, y, w, { l1: 10 }).beta.every((b) => b === 0)).toBe(true);
  });

  it('standardises columns (sd 0 -> 1)', () => {
    const { mean, sd } = standardise([[1, 5], [3, 5]]);
    expect(mean).toEqual([2, 5]);
    expect(sd).toEqual([1, 1]);
  });
});

describe('training rows', () => {
  const doc = (t: string) => buildDoc(t, { lang: 'en' });
  const rows: TrainRow[] = [
    { doc: doc('the cat sat on the mat'), label: 'human', source: 'a' },
    { doc: doc('the dog ran to the park 42 times'), label: 'human', source: 'a' },
    { doc: doc('a cat and the dog'), label: 'machine', source: 'a' },
    { doc: doc('the news of the day'), label: 'human', source: 'news' },
  ];

  it('balanced weights give each (source, label) group the same total within its label', () => {
    const w = balancedWeights(rows);
    expect(w[0]! + w[1]!).toBeCloseTo(w[3]!);
    expect(w[2]).toBeCloseTo(w[0]! + w[1]! + w[3]!);
  });

  it('group weights: balance 1 gives every group the same total; weights sum to the token count', () => {
    const w = groupWeights(rows, () => 10, 1);
    expect((w[0]! + w[1]!) * 10).toBeCloseTo(w[3]! * 10);
    expect(w.reduce((a, b) => a + b, 0) * 10).toBeCloseTo(40);
  });

  it('paired rows keep only sources with both labels', () => {
    expect(pairedRows(rows).map((r) => r.source)).toEqual(['a', 'a', 'a']);
  });

  it('ranks words by dispersion over groups, never a word with a digit', () => {
    const v = dispersedVocabulary(rows, 3);
    expect(v[0]).toBe('the');
    expect(dispersedVocabulary(rows, 100)).not.toContain('42');
  });
});
