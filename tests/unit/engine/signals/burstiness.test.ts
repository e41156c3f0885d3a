import { describe, it, expect } from 'vitest';
import burstiness from '@/src/engine/signals/burstiness';
import { words } from '@/src/engine/explain/signals/burstiness';
import { buildDoc } from '@/src/engine/text/doc';
import { isAbstention, type SignalResult } from '@/src/engine/types';

// Texts written for these tests. Even: every sentence about 12 words, one comma. Varied: 3 to 40 words.
const EVEN = Array.from({ length: 12 }, (_, i) =>
  `The committee reviewed item number ${i + 1} on the list, and it approved the plan.`).join(' ');
const VARIED = [
  'Rain.',
  'We waited under the old bridge for what felt like hours, listening to the water, counting trucks, arguing about whether the bus would ever come back this way again.',
  'It did not.',
  'So we walked.',
  'My sister, who had never once in her life admitted to being tired, sat down on a milestone and refused to move until someone promised her soup.',
  'Nobody could.',
  'An hour later a farmer stopped; he had a dog, a radio and a thermos of tea that he shared without a word.',
  'Bliss!',
  'We reached the village at dusk (late, soaked, laughing) and the inn was full.',
  'Of course it was.',
  'The landlady took pity on us and opened the back room, where a fire still glowed and three cats slept in a heap on the only chair.',
  'Perfect.',
].join(' ');
const FR_VARIED = 'Pluie. ' + VARIED.replace('Rain. ', '');

function measure(text: string, lang?: string): SignalResult {
  const r = burstiness.compute(buildDoc(text, lang ? { lang } : {}));
  if (isAbstention(r)) throw new Error(`abstained: ${r.code}`);
  return r;
}

describe('burstiness', () => {
  it('scores even sentences higher than varied ones', () => {
    expect(measure(EVEN, 'en').raw).toBeGreaterThan(measure(VARIED, 'en').raw);
  });

  it.each([
    ['too short', 'One short sentence. Another one here. And a third.', 'too-short'],
    ['too few sentences', `${'word '.repeat(90)}end.`, 'too-few-sentences'],
    ['empty', '', 'no-text'],
  ])('abstains: %s', (_name, text, code) => {
    const r = burstiness.compute(buildDoc(text, { lang: 'en' }));
    expect(isAbstention(r) && r.code).toBe(code);
  });

  it.each([['en'], ['fr'], ['deu']])('is language-independent (%s)', (lang) => {
    expect(isAbstention(burstiness.compute(buildDoc(VARIED, { lang })))).toBe(false);
  });

  it.each([[EVEN], [VARIED], [FR_VARIED]])('gives one per-sentence value per sentence, in 0..1', (text) => {
    const doc = buildDoc(text, { lang: 'en' });
    const r = burstiness.compute(doc) as SignalResult;
    expect(r.sentences).toHaveLength(doc.sentences.length);
    for (const v of r.sentences!) {
      if (v === undefined) continue;
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
  });

  it.each([
    ['en', undefined],
    ['fr', undefined],
    ['en', 0.93],
    ['fr', 0.93],
  ] as const)('explains in plain words (%s, percentile %s)', (ui, p) => {
    for (const text of [EVEN, VARIED]) {
      const s = words.evidence(measure(text, 'en'), ui, p);
      expect(s.length).toBeGreaterThan(20);
      expect(s).not.toMatch(/AI-generated|written by AI|probabilit|généré par (une )?IA/i);
      if (ui === 'fr') expect(s).toMatch(/phrases/);
    }
  });

  it('has titles and descriptions in both languages', () => {
    for (const ui of ['en', 'fr'] as const) expect(words.title[ui] && words.describe[ui]).toBeTruthy();
    expect(burstiness.id).toBe('burstiness');
  });
});
