// Settings of the trained signals changed for one evaluation run (--style-lr, --style-profile): parsed against the
// defaults, applied by trainersWith, and never the shipped settings unless asked.
import { describe, expect, it } from 'vitest';
import { parseOverride } from '@/src/eval/train/overrides';
import { TRAINERS, trainersWith } from '@/src/eval/train/index';
import { STYLE_LR_DEFAULTS } from '@/src/engine/signals/_lib/style-lr-model';
import type { StyleLrModel } from '@/src/engine/signals/_lib/style-lr-model';
import type { StyleProfileModel } from '@/src/engine/signals/_lib/style-profile-model';
import { buildDoc } from '@/src/engine/text/doc';
import type { TrainRow } from '@/src/eval/train/rows';

describe('parseOverride', () => {
  it.each([
    ['style-lr', 'vocabSize=100', { vocabSize: 100 }],
    ['style-lr', 'vocabSize=200,order=3', { vocabSize: 200, order: 3 }],
    ['style-lr', 'balance=0.25', { balance: 0.25 }],
    ['style-lr', 'pairedOnly=false', { pairedOnly: false }],
    ['style-profile', 'l2=0.1,l1=1e-3', { l2: 0.1, l1: 0.001 }],
    ['style-profile', 'k=25,mode=all', { k: 25, mode: 'all' }],
  ] as const)('%s %s', (id, spec, expected) => {
    expect(parseOverride(id, spec)).toEqual(expected);
  });

  it.each([
    ['style-lr', 'vocab=100', /unknown setting vocab/],
    ['style-lr', 'vocabSize=lots', /vocabSize needs a number/],
    ['style-lr', 'vocabSize', /vocabSize needs a number/],
    ['style-lr', 'pairedOnly=yes', /pairedOnly needs true or false/],
    ['style-lr', 'dropMarks=x', /dropMarks cannot be set/],
    ['style-lr', '', /no setting given/],
    ['style-profile', 'mode=some', /mode needs one of paired, all/],
    ['style-profile', 'vocabSize=100', /unknown setting vocabSize/],
  ] as const)('%s %s: one-line error', (id, spec, message) => {
    expect(() => parseOverride(id, spec)).toThrow(message);
  });
});

// Two made-up styles over the same content words: enough text for both fits.
const CONTENT = ['river', 'garden', 'teacher', 'window', 'market', 'letter', 'winter', 'engine', 'forest', 'bridge', 'paper', 'station'];
const text = (machine: boolean, seed: number) =>
  Array.from({ length: 12 }, (_, i) => {
    const [a, b, c] = [CONTENT[(seed + i) % 12], CONTENT[(seed * 5 + i * 7) % 12], CONTENT[(seed * 7 + i * 5) % 12]];
    return machine ? `Moreover, the ${a} is crucial for the ${b}, and it plays a key role in the ${c} of every town.` : `I saw a ${a} by the ${b}; odd, but then my old ${c} was there too, as it always is?`;
  }).join(' ');
const rows: TrainRow[] = ['s1', 's2'].flatMap((source, k) =>
  Array.from({ length: 8 }, (_, i) => [true, false].map((m) => ({ doc: buildDoc(text(m, i + 10 * k), { lang: 'en' }), label: m ? ('machine' as const) : ('human' as const), source }))).flat(),
);

describe('trainersWith', () => {
  it('without overrides: the shipped settings, and no config in the cache key', () => {
    const [lr, profile] = TRAINERS;
    expect(lr!.config).toBeUndefined();
    expect(profile!.config).toBeUndefined();
    expect((lr!.fit(rows, 'en') as StyleLrModel).config.vocabSize).toBe(STYLE_LR_DEFAULTS.vocabSize);
  });

  it('fits each trainer with its own overrides and carries them as its config', () => {
    const [lr, profile] = trainersWith({ 'style-lr': { vocabSize: 7, order: 3 }, 'style-profile': { k: 5 } });
    expect(lr!.config).toEqual({ vocabSize: 7, order: 3 });
    expect(profile!.config).toEqual({ k: 5 });
    const m = lr!.fit(rows, 'en') as StyleLrModel;
    expect(m.vocabWords).toBe(7);
    expect(m.config.order).toBe(3);
    expect(m.human.order).toBe(3);
    const p = profile!.fit(rows, 'en') as StyleProfileModel;
    expect(p.vocab.length).toBeLessThanOrEqual(5);
    expect(p.config.k).toBe(5);
  });
});
