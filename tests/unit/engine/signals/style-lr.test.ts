import { describe, expect, it } from 'vitest';
import styleLr, { computeWith, MIN_SENTENCE_TOKENS, MIN_WORDS, STYLE_LR_DEFAULTS, STYLE_LR_TABLES, TYPOGRAPHIC_MARKS } from '@/src/engine/signals/style-lr';
import { words } from '@/src/engine/explain/signals/style-lr';
import { classTokens, encodeStyle, wordClass } from '@/src/engine/signals/_lib/style-tokens';
import { buildDoc } from '@/src/engine/text/doc';
import { isAbstention, type SignalResult } from '@/src/engine/types';
import { fitStyleLr } from '@/src/eval/train/style-lr';
import type { TrainRow } from '@/src/eval/train/rows';
import { byGroup } from '../score/own-texts';

const measure = (text: string, lang: 'en' | 'fr') => {
  const r = styleLr.compute(buildDoc(text, { lang }));
  if (isAbstention(r)) throw new Error(`abstained: ${r.code}`);
  return r;
};

describe('style-lr with the shipped tables', () => {
  it.each(['en', 'fr'] as const)('scores the assistant-like texts of tests/fixtures above the human-like ones (%s)', (lang) => {
    const machine = byGroup('assistant-2026').filter((t) => t.lang === lang).map((t) => measure(t.text, lang).raw);
    const human = [...byGroup('learner-style'), ...byGroup('plain-human-style')].filter((t) => t.lang === lang).map((t) => measure(t.text, lang).raw);
    expect(machine.length).toBeGreaterThan(0);
    expect(human.length).toBeGreaterThan(0);
    expect(Math.min(...machine)).toBeGreaterThan(Math.max(...human));
  });

  it('gives one value per sentence, none for sentences of fewer than MIN_SENTENCE_TOKENS tokens', () => {
    const text = byGroup('assistant-2026').find((t) => t.lang === 'en')!.text + ' Yes. No.';
    const doc = buildDoc(text, { lang: 'en' });
    const r = styleLr.compute(doc) as SignalResult;
    expect(r.sentences).toHaveLength(doc.sentences.length);
    const last = doc.sentences.length - 1;
    expect(doc.norm.slice(doc.sentences[last]!.start, doc.sentences[last]!.end)).toBe('No.');
    expect(r.sentences![last]).toBeUndefined(); // "no" "." + end = 3 tokens
    const measured = r.sentences!.filter((v) => v !== undefined);
    expect(measured.length).toBeGreaterThan(5);
    // the document value is the token-weighted mean of the sentence values (all sentences here are long enough)
    expect(Math.min(...measured)).toBeLessThanOrEqual(r.raw);
    expect(Math.max(...measured)).toBeGreaterThanOrEqual(r.raw);
    expect(r.details.sentencesMeasured).toBe(measured.length);
  });

  it('tables match the code that reads them', () => {
    for (const lang of ['en', 'fr'] as const) {
      const t = STYLE_LR_TABLES[lang];
      expect(t.lang).toBe(lang);
      expect(t.config).toEqual({ ...STYLE_LR_DEFAULTS, dropMarks: [...STYLE_LR_DEFAULTS.dropMarks] });
      expect(t.vocabWords).toBe(STYLE_LR_DEFAULTS.vocabSize);
      expect(t.human.size).toBe(t.tokens.length + 2);
      expect(t.machine.size).toBe(t.tokens.length + 2);
      expect(t.source).toMatch(/paired/);
      // derived figures only: every token is one word or mark, never a phrase
      for (const tok of t.tokens) expect(tok).not.toMatch(/\s/);
    }
  });

  it.each([
    ['too short', buildDoc('Too short to say anything.', { lang: 'en' }), 'too-short'],
    ['another language', buildDoc('Ein kurzer Satz. '.repeat(30), { lang: 'deu' }), 'language'],
    ['undetermined language', buildDoc('word '.repeat(80), { lang: 'und' }), 'undetermined-language'],
    ['empty', buildDoc('', { lang: 'en' }), 'no-text'],
  ])('abstains: %s', (_name, doc, code) => {
    const r = styleLr.compute(doc);
    expect(isAbstention(r) && r.code).toBe(code);
  });

  it('abstains below MIN_WORDS and measures from it', () => {
    const n = (k: number) => buildDoc(Array.from({ length: k }, (_, i) => (i % 9 === 8 ? 'word.' : 'word')).join(' '), { lang: 'en' });
    expect(isAbstention(styleLr.compute(n(MIN_WORDS - 1)))).toBe(true);
    expect(isAbstention(styleLr.compute(n(MIN_WORDS)))).toBe(false);
  });

  it.each([
    ['punctuation only', '!!! ??? ... --- ;;; '.repeat(40)],
    ['numbers', '1 2 3 4 5. 6 7 8 9 10. '.repeat(20)],
    ['one very long word', 'a'.repeat(20000)],
    ['emoji and symbols', '😀 👍 ★ ✓ → ← word '.repeat(60)],
    ['code', 'const x = a[i]!; if (x) { y(x, 2); } // comment\n'.repeat(30)],
  ])('never throws, and any value is finite (%s)', (_name, text) => {
    for (const lang of ['en', 'fr']) {
      const r = styleLr.compute(buildDoc(text, { lang }));
      if (!isAbstention(r)) expect(Number.isFinite(r.raw)).toBe(true);
    }
  });
});

describe('style tokens', () => {
  it.each([
    ['1984', 'en', false, '<num>'],
    ['NASA', 'en', false, '<acr>'],
    ['Paris', 'en', false, '<cap>'],
    ['Quickly', 'en', true, '<-ly>'],
    ['well-known', 'en', false, '<hyph>'],
    ['information', 'en', false, '<-ation>'],
    ['historically', 'en', false, '<-ically>'],
    ['rapidement', 'fr', false, '<-ement>'],
    ['cat', 'en', false, '<w3>'],
    ['rhythm', 'en', false, '<w6>'],
    ['Été', 'fr', false, '<cap>'],
  ] as const)('%s (%s, sentence-initial %s) -> %s', (w, lang, first, cls) => {
    expect(wordClass(w, w.toLowerCase(), lang, first)).toBe(cls);
  });

  it('keeps vocabulary words, classes other words, keeps punctuation in order and drops typographic marks', () => {
    const doc = buildDoc('He said \u201cyes\u201d\u2026 then left; fine.', { lang: 'en' });
    const tokens = ['he', 'then', ...classTokens('en')];
    const names = (drop: readonly string[]) => encodeStyle(doc, { lang: 'en', tokens, vocabWords: 2, drop }).flatMap((s) => [...s].map((i) => tokens[i]));
    // the ellipsis is folded to one full stop by the engine's normalisation (same length, same offsets)
    expect(names([])).toEqual(['he', '<w6>', '"', '<-s>', '"', '.', 'then', '<w6>', ';', '<-e>', '.']);
    expect(names(TYPOGRAPHIC_MARKS)).toEqual(['he', '<w6>', '<-s>', '.', 'then', '<w6>', ';', '<-e>', '.']);
  });
});

// Two made-up "styles" that differ only in function words and punctuation, over the same content words.
const CONTENT = ['river', 'garden', 'teacher', 'window', 'market', 'letter', 'winter', 'engine', 'forest', 'bridge'];
function styled(style: 'a' | 'b', seed: number, sentences = 14): string {
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) {
    const [c1, c2, c3] = [CONTENT[(seed + i) % 10], CONTENT[(seed * 3 + i * 7) % 10], CONTENT[(seed * 7 + i * 3) % 10]];
    out.push(style === 'a' ? `Moreover, the ${c1} is crucial for the ${c2}, and it plays a key role in the ${c3}.` : `I saw a ${c1} by the ${c2}; odd, but then my ${c3} was there too?`);
  }
  return out.join(' ');
}
const rowsOf = (n: number, source: string): TrainRow[] =>
  Array.from({ length: n }, (_, i) => [
    { doc: buildDoc(styled('a', i), { lang: 'en' }), label: 'machine' as const, source },
    { doc: buildDoc(styled('b', i), { lang: 'en' }), label: 'human' as const, source },
  ]).flat();

describe('style-lr with a model fitted here (computeWith)', () => {
  const model = fitStyleLr([...rowsOf(6, 's1'), ...rowsOf(6, 's2')], 'en', { vocabSize: 30 });

  it('is positive on the machine style, negative on the human style, and the model is plain JSON', () => {
    const a = computeWith(buildDoc(styled('a', 99), { lang: 'en' }), model) as SignalResult;
    const b = computeWith(buildDoc(styled('b', 99), { lang: 'en' }), model) as SignalResult;
    expect(a.raw).toBeGreaterThan(0);
    expect(b.raw).toBeLessThan(0);
    expect(a.sentences!.filter((x) => x !== undefined).length).toBeGreaterThanOrEqual(MIN_SENTENCE_TOKENS);
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });

  it('a model of one language abstains on another', () => {
    expect(computeWith(buildDoc(styled('a', 1), { lang: 'fr' }), model)).toMatchObject({ abstained: true, code: 'language' });
  });
});

describe('style-lr: words', () => {
  const e = (ui: 'en' | 'fr', raw: number) => words.evidence({ raw, details: { ratio: Math.exp(raw), sentencesMeasured: 10, sentencesMachineward: 7 } }, ui, 0.93);

  it('says which side the text fits better, with the ratio and the sentences, in English and French', () => {
    expect(e('en', 0.1)).toMatch(/fit the machine-generated training texts better.*1\.11 times.*7 of 10 sentences are better predicted by the model of machine text.*93%/);
    expect(e('en', -0.1)).toMatch(/fit the human training texts better.*1\.11 times/);
    expect(e('fr', 0.1)).toMatch(/textes de machine.*1,11 fois.*7 phrases sur 10 sont mieux prédites par le modèle des textes de machine.*93\s%/);
  });

  it.each(['en', 'fr'] as const)('makes no authorship claim (%s)', (ui) => {
    const all = [e(ui, 0.2), e(ui, -0.2), words.describe[ui], words.title[ui]].join(' ');
    expect(all).not.toMatch(/written by|écrit par|probabilit|\bAI\b|\bIA\b/i);
  });
});
