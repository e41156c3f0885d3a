import { describe, expect, it } from 'vitest';
import writerSlips, { MIN_WORDS, slipCounts } from '@/src/engine/signals/writer-slips';
import { words } from '@/src/engine/explain/signals/writer-slips';
import { buildDoc } from '@/src/engine/text/doc';
import { isAbstention, type SignalResult } from '@/src/engine/types';

const en = (t: string) => buildDoc(t, { lang: 'en' });
const fr = (t: string) => buildDoc(t, { lang: 'fr' });
// Sentences written for these tests: edited prose without any slip, to pad short examples above MIN_WORDS.
const CLEAN = 'The committee met on Tuesday and agreed on the budget for the coming year. It will publish the figures in March, after the audit. ';
const pad = (t: string) => `${t} ${CLEAN.repeat(4)}`;

describe('writer-slips: markers', () => {
  it.each([
    ['lower-case i, lower-case start, missing apostrophe, doubled word, misspelling',
      'i think the school is good. but i dont know why the the teachers are late alot of times.',
      { 'lower-i': 2, lcstart: 1, apostrophe: 1, doubled: 1, misspell: 1 }],
    ['contractions written without apostrophe, lower case only', 'im sure thats fine. Dont worry, Im here. we cant stay.', { apostrophe: 2, misspell: 1, lcstart: 1, 'lower-i': 0 }],
    ['chat abbreviations', 'lol that was great tbh, see you tmrw btw.', { chat: 3 }],
    ['"!!", "??" and "?!" count once per run', 'Wow!! Really?? Why?! No!!! Fine.', { repeatmark: 4 }],
    ['"the the the" is one doubled word (non-overlapping)', 'We went to the the the shop.', { doubled: 1 }],
    ['lower-case start after a question mark', 'Where is the bus? nobody knows. Is it? no.', { lcstart: 1 }],
  ] as const)('%s', (_name, text, expected) => {
    const c = slipCounts(en(text));
    for (const [marker, n] of Object.entries(expected)) expect(c[marker as keyof typeof c], marker).toBe(n);
  });

  it.each([
    ['edited prose', CLEAN],
    ['an ellipsis before lower case', 'We waited\u2026 and then we left the room together.'],
    ['list items', 'The list follows.\nb) The second item. c. The third one.'],
    ['grammatical doubles', 'I think that that is fine. It had had its day.'],
    ['"i.e." and a quoted letter', "Use the short form, i.e. the one above. The letter 'i' is thin."],
    ['abbreviations', 'See the figures, etc. and the tables, vs. last year.'],
    ['ordinals next to a word', 'They live on 61st St. near the park.'],
    ['capitalised "I"', "I think I'm right, and I've said so."],
  ])('finds no slip in %s', (_name, text) => {
    const c = slipCounts(en(text));
    expect(Object.values(c).reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('French: words without their accents and chat forms; no lower-case "i" or English contractions', () => {
    const c = slipCounts(fr("c'est tres bien mais ca marche pas, mdr. Il etait deja parti. im dont"));
    expect(c.accent).toBeGreaterThanOrEqual(3);
    expect(c.chat).toBe(1);
    expect(c['lower-i']).toBe(0);
    expect(c.apostrophe).toBe(0);
    expect(slipCounts(fr('Il était déjà très content de ça, et nous aussi.')).accent).toBe(0);
  });
});

describe('writer-slips: the signal', () => {
  const measure = (doc: ReturnType<typeof en>) => {
    const r = writerSlips.compute(doc);
    if (isAbstention(r)) throw new Error(`abstained: ${r.code}`);
    return r;
  };

  it('is 0 without slips and minus the slips per 100 words with them', () => {
    expect(measure(en(CLEAN.repeat(4))).raw).toBe(0);
    const doc = en(pad('i dont know why the the bus was late.'));
    const r = measure(doc);
    expect(r.details.slips).toBe(3);
    expect(r.raw).toBeCloseTo((-100 * 3) / doc.words.length, 10);
    expect(r.details.per100).toBeCloseTo(-r.raw, 10);
  });

  it('gives one value per sentence: minus the slips of that sentence', () => {
    const doc = en(`${CLEAN}Then i dont know. ${CLEAN}We left early. ${CLEAN}`);
    const r = measure(doc);
    expect(r.sentences).toHaveLength(doc.sentences.length);
    const withSlips = r.sentences!.map((v, i) => [v, i] as const).filter(([v]) => v !== 0);
    expect(withSlips).toHaveLength(1);
    const [value, index] = withSlips[0]!;
    expect(value).toBe(-2); // lower-case "i", "dont"
    expect(doc.norm.slice(doc.sentences[index]!.start, doc.sentences[index]!.end)).toBe('Then i dont know.');
  });

  it.each([
    ['too short', en('i dont know why.'), 'too-short'],
    ['another language', buildDoc(CLEAN.repeat(4), { lang: 'deu' }), 'language'],
    ['undetermined language', buildDoc(CLEAN.repeat(4), { lang: 'und' }), 'undetermined-language'],
    ['empty', en(''), 'no-text'],
  ])('abstains: %s', (_name, doc, code) => {
    const r = writerSlips.compute(doc);
    expect(isAbstention(r) && r.code).toBe(code);
  });

  it('abstains below its minimum and measures from it', () => {
    const words = (n: number) => en(Array.from({ length: n }, (_, i) => `word${i % 7 === 0 ? '.' : ''}`).join(' '));
    expect(isAbstention(writerSlips.compute(words(MIN_WORDS - 1)))).toBe(true);
    expect(isAbstention(writerSlips.compute(words(MIN_WORDS)))).toBe(false);
  });

  it.each([
    ['punctuation only', '!!! ??? ... --- ;;; '.repeat(40)],
    ['numbers', '1 2 3 4 5. 6 7 8 9 10. '.repeat(20)],
    ['one very long word', 'a'.repeat(20000)],
    ['emoji and symbols', '😀 👍 ★ ✓ → ← '.repeat(60)],
    ['code', 'const x = a[i]!; if (x) { y(x, 2); } // i dont\n'.repeat(30)],
  ])('never throws (%s)', (_name, text) => {
    for (const lang of ['en', 'fr']) expect(() => writerSlips.compute(buildDoc(text, { lang }))).not.toThrow();
  });
});

describe('writer-slips: words', () => {
  const evidence = (text: string, ui: 'en' | 'fr') => words.evidence(writerSlips.compute(en(pad(text))) as SignalResult, ui);

  it('names the slips found, with counts and examples, in English and French', () => {
    const e = evidence('i dont know why the the bus was late, alot of people waited.', 'en');
    expect(e).toContain('lower-case "i" (1)');
    expect(e).toContain('missing apostrophes (1)');
    expect(e).toContain('"dont"');
    const f = evidence('i dont know why the the bus was late, alot of people waited.', 'fr');
    expect(f).toContain('apostrophes manquantes (1)');
    expect(f).toContain('« dont »');
  });

  it('says that no slip says nothing', () => {
    expect(evidence('', 'en')).toMatch(/absence says nothing/);
    expect(evidence('', 'fr')).toMatch(/absence ne dit rien/);
  });

  it.each(['en', 'fr'] as const)('makes no authorship claim (%s)', (ui) => {
    const all = [evidence('i dont know.', ui), evidence('', ui), words.describe[ui], words.title[ui]].join(' ');
    expect(all).not.toMatch(/written by|écrit par|probabilit|\bAI\b|\bIA\b/i);
  });
});
