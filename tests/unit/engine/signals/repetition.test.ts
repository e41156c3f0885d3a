import { describe, it, expect } from 'vitest';
import repetition, { templateShare } from '@/src/engine/signals/repetition';
import { words } from '@/src/engine/explain/signals/repetition';
import { buildDoc } from '@/src/engine/text/doc';
import { isAbstention, type SignalResult } from '@/src/engine/types';

// Texts written for these tests. Formulaic: same openers, same frames, even paragraphs. Varied: none of that.
const FORMULAIC = [0, 1, 2].map((p) =>
  [
    `It is important to note that the ${['garden', 'kitchen', 'garage'][p]} needs care.`,
    `It is important to keep the ${['roses', 'knives', 'tools'][p]} in a dry place.`,
    `In addition, the ${['soil', 'oven', 'floor'][p]} should be checked every week.`,
    `In addition, the ${['hedge', 'sink', 'door'][p]} should be cleaned every month.`,
  ].join(' ')).join('\n\n');
const VARIED = [
  'Grandfather kept bees behind the chapel. Why there, nobody knew; perhaps the lavender. ' +
    'Every July he sold jars at the crossroads, haggling cheerfully with tourists who never understood his jokes.',
  'Then came the storm.',
  'Three hives drowned. He rebuilt them from pallets, muttering, and by September swarms had returned, ' +
    'louder than ever, as though nothing had happened. Visitors still ask about the honey; we tell them to wait for summer.',
  'Honestly? I prefer the wax. Candles made from it burn slowly, smell faintly of clover, and remind me of his hands, ' +
    'cracked and patient, turning each frame toward the light before deciding whether it was ready.',
].join('\n\n');

function measure(text: string, lang = 'en'): SignalResult {
  const r = repetition.compute(buildDoc(text, { lang }));
  if (isAbstention(r)) throw new Error(`abstained: ${r.code}`);
  return r;
}

describe('repetition', () => {
  it('scores recurring openers, frames and even paragraphs higher than varied prose', () => {
    expect(measure(FORMULAIC).raw).toBeGreaterThan(measure(VARIED).raw);
  });

  it.each([
    ['too short', 'It rains. It pours. It stops.', 'too-short'],
    ['too few sentences', `${'lorem ipsum '.repeat(60)}end.`, 'too-few-sentences'],
    ['empty', '', 'no-text'],
  ])('abstains: %s', (_name, text, code) => {
    const r = repetition.compute(buildDoc(text, { lang: 'en' }));
    expect(isAbstention(r) && r.code).toBe(code);
  });

  it.each([['en'], ['fr'], ['ita']])('is language-independent (%s)', (lang) => {
    expect(isAbstention(repetition.compute(buildDoc(FORMULAIC, { lang })))).toBe(false);
  });

  it.each([
    ['all different', [1, 2, 3, 4, 5], 5, 0],
    ['all the same', [7, 7, 7, 7, 7], 5, 1],
    ['one pair', [1, 2, 1, 3, 4], 7, 0.4],
  ])('templateShare: %s', (_name, keys, w, expected) => {
    expect(templateShare(Float64Array.from(keys), w)).toBeCloseTo(expected);
  });

  it.each([[FORMULAIC], [VARIED]])('gives one per-sentence value per sentence, in 0..1', (text) => {
    const doc = buildDoc(text, { lang: 'en' });
    const r = repetition.compute(doc) as SignalResult;
    expect(r.sentences).toHaveLength(doc.sentences.length);
    for (const v of r.sentences!) if (v !== undefined) expect(v >= 0 && v <= 1).toBe(true);
  });

  it('marks the sentences whose opener recurs', () => {
    const doc = buildDoc(FORMULAIC, { lang: 'en' });
    const r = repetition.compute(doc) as SignalResult;
    expect(Math.min(...(r.sentences as number[]))).toBeGreaterThanOrEqual(0.5);
  });

  it.each([
    ['en', undefined],
    ['fr', undefined],
    ['en', 0.8],
    ['fr', 0.8],
  ] as const)('explains in plain words (%s, percentile %s)', (ui, p) => {
    for (const text of [FORMULAIC, VARIED]) {
      const s = words.evidence(measure(text), ui, p);
      expect(s.length).toBeGreaterThan(20);
      expect(s).not.toMatch(/AI-generated|written by AI|probabilit|généré par (une )?IA/i);
    }
  });

  it('has titles and descriptions in both languages', () => {
    for (const ui of ['en', 'fr'] as const) expect(words.title[ui] && words.describe[ui]).toBeTruthy();
    expect(repetition.languages).toBe('any');
  });
});
