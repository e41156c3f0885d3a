import { describe, expect, it } from 'vitest';
import styleProfile, { computeWith, expectedNames, MIN_SENTENCE_WORDS, MIN_WORDS, naturalValue, STYLE_PROFILE_DEFAULTS, STYLE_PROFILE_TABLES } from '@/src/engine/signals/style-profile';
import { featurePhrase, words } from '@/src/engine/explain/signals/style-profile';
import { profileNames, profilePass } from '@/src/engine/signals/_lib/profile';
import { profileOf } from '@/src/engine/signals/_lib/profile-vector';
import { hasTriad } from '@/src/engine/signals/_lib/profile-lexicon';
import { buildDoc } from '@/src/engine/text/doc';
import { isAbstention, type SignalResult } from '@/src/engine/types';
import { fitStyleProfile } from '@/src/eval/train/style-profile';
import type { TrainRow } from '@/src/eval/train/rows';
import { byGroup } from '../score/own-texts';

const en = (t: string) => buildDoc(t, { lang: 'en' });
const measure = (text: string, lang: 'en' | 'fr') => {
  const r = styleProfile.compute(buildDoc(text, { lang }));
  if (isAbstention(r)) throw new Error(`abstained: ${r.code}`);
  return r;
};
const feature = (x: Float64Array, name: string, cfg: { lang: 'en' | 'fr'; vocab: readonly string[] }) => x[profileNames(cfg).indexOf(name)]!;

describe('the profile (one pass)', () => {
  const cfg = { lang: 'en' as const, vocab: ['the', 'we', 'it'] };
  const t = 'However, the results were clear. We tested three models, two datasets, and one baseline; it worked (mostly). Why? ';

  it('gives one finite value per name; rates do not grow with length', () => {
    const a = profileOf(profilePass(en(t.repeat(3)), cfg));
    const b = profileOf(profilePass(en(t.repeat(9)), cfg));
    expect(a.length).toBe(profileNames(cfg).length);
    for (const v of a) expect(Number.isFinite(v)).toBe(true);
    for (const name of ['fw:the', 'p:;', 'p:(', 'cls:<num>', 'init:discourse', 'misc:triads', 'sl:logmean']) expect(feature(a, name, cfg), name).toBeCloseTo(feature(b, name, cfg), 6);
  });

  it.each([
    ['fw:the', Math.sqrt(1 / 18)],
    ['p:;', Math.sqrt(1 / 18)],
    ['p:(', Math.sqrt(1 / 18)],
    ['p:?', Math.sqrt(1 / 18)],
    ['p:comma-sentences', 2 / 3],
    ['init:discourse', 1 / 3],
    ['init:other', 1 / 3],
    ['init:pronoun', 1 / 3],
    ['misc:triads', 1 / 3],
    ['sl:logp50', Math.log(5)],
  ])('counts %s as written', (name, expected) => {
    // 18 words in 3 sentences: "However, the results were clear." (5) / "We tested ... (mostly)." (12) / "Why?" (1)
    const x = profileOf(profilePass(en(t), cfg));
    expect(feature(x, name, cfg)).toBeCloseTo(expected, 10);
  });

  it('a window of sentences has the profile of those sentences alone', () => {
    const text = `${t}${t}Then it rained. We stayed at home and read.`;
    const doc = en(text);
    const pass = profilePass(doc, cfg);
    const lo = 3;
    const hi = 6;
    const alone = en(doc.norm.slice(doc.sentences[lo]!.start, doc.sentences[hi - 1]!.end));
    expect([...profileOf(pass, lo, hi)]).toEqual([...profileOf(profilePass(alone, cfg))]);
  });

  it('finds lists of three with and without the Oxford comma, not a plain clause', () => {
    expect(hasTriad('We need speed, clarity, and focus.', 'en')).toBe(true);
    expect(hasTriad('We need speed, clarity and focus.', 'en')).toBe(true);
    expect(hasTriad('Il faut de la vitesse, de la clarté et du calme.', 'fr')).toBe(true);
    expect(hasTriad('We left early and came back late.', 'en')).toBe(false);
  });
});

describe('style-profile with the shipped tables', () => {
  it.each(['en', 'fr'] as const)('scores the assistant-like texts of tests/fixtures above the human-like ones (%s)', (lang) => {
    const machine = byGroup('assistant-2026').filter((x) => x.lang === lang).map((x) => measure(x.text, lang).raw);
    const human = [...byGroup('learner-style'), ...byGroup('plain-human-style')].filter((x) => x.lang === lang).map((x) => measure(x.text, lang).raw);
    expect(machine.length).toBeGreaterThan(0);
    expect(Math.min(...machine)).toBeGreaterThan(Math.max(...human));
  });

  it('tables match the code that reads them', () => {
    for (const lang of ['en', 'fr'] as const) {
      const t = STYLE_PROFILE_TABLES[lang];
      expect(t.config).toEqual(STYLE_PROFILE_DEFAULTS);
      expect(t.vocab).toHaveLength(STYLE_PROFILE_DEFAULTS.k);
      expect(t.names).toEqual(expectedNames(t));
      for (const a of [t.mean, t.sd, t.beta, t.human]) expect(a).toHaveLength(t.names.length);
      expect(t.beta.some((b) => b === 0)).toBe(true); // the L1 penalty zeroes some coefficients
      for (const w of t.vocab) expect(w).not.toMatch(/\s/);
    }
  });

  it('gives per-sentence values from windows, none for short sentences, and evidence in the direction of the score', () => {
    const text = byGroup('assistant-2026').find((x) => x.lang === 'en')!.text;
    const doc = en(`${text} Yes.`);
    const r = styleProfile.compute(doc) as SignalResult;
    expect(r.sentences).toHaveLength(doc.sentences.length);
    expect(doc.sentences.at(-1)!.wordCount).toBeLessThan(MIN_SENTENCE_WORDS);
    expect(r.sentences!.at(-1)).toBeUndefined();
    expect(r.sentences!.filter((v) => v !== undefined).length).toBeGreaterThan(5);
    expect(r.raw).toBeGreaterThan(0);
    expect(r.details.direction).toBe(1);
    expect(r.examples!.length).toBe(r.details.shown);
    r.examples!.forEach((name, i) => {
      expect(STYLE_PROFILE_TABLES.en.names).toContain(name);
      expect(r.details[`c${i + 1}`]).toBeGreaterThan(0);
      expect(Number.isFinite(r.details[`v${i + 1}`])).toBe(true);
    });
    expect(r.details.c1).toBeGreaterThanOrEqual(r.details.c2 ?? 0);
  });

  it.each([
    ['too short', en('Too short to say anything.'), 'too-short'],
    ['another language', buildDoc('Ein kurzer Satz. '.repeat(30), { lang: 'deu' }), 'language'],
    ['undetermined language', buildDoc('word '.repeat(80), { lang: 'und' }), 'undetermined-language'],
  ])('abstains: %s', (_name, doc, code) => {
    const r = styleProfile.compute(doc);
    expect(isAbstention(r) && r.code).toBe(code);
  });

  it('abstains below MIN_WORDS and measures from it', () => {
    const n = (k: number) => en(Array.from({ length: k }, (_, i) => (i % 9 === 8 ? 'word.' : 'word')).join(' '));
    expect(isAbstention(styleProfile.compute(n(MIN_WORDS - 1)))).toBe(true);
    expect(isAbstention(styleProfile.compute(n(MIN_WORDS)))).toBe(false);
  });

  it.each([
    ['punctuation only', '!!! ??? ... --- ;;; '.repeat(40)],
    ['numbers', '1 2 3 4 5. 6 7 8 9 10. '.repeat(20)],
    ['emoji and symbols', '😀 👍 ★ ✓ → ← word '.repeat(60)],
    ['code', 'const x = a[i]!; if (x) { y(x, 2); } // comment\n'.repeat(30)],
    ['one-word sentences', 'Yes. No. Maybe. Constructor. ToString. '.repeat(30)],
  ])('never throws, and any value is finite (%s)', (_name, text) => {
    for (const lang of ['en', 'fr']) {
      const r = styleProfile.compute(buildDoc(text, { lang }));
      if (!isAbstention(r)) expect(Number.isFinite(r.raw)).toBe(true);
    }
  });
});

// Two made-up styles: chatty questions and asides against connective-rich, even statements.
const mk = (s: string, k: number) => en(Array.from({ length: 8 }, (_, i) => s.replace('#', String(k * 10 + i))).join(' '));
const human = (k: number) => mk('i went there # times and honestly it was weird; we laughed (a lot). did it matter? no.', k);
const machine = (k: number) => mk('Moreover, the approach offers several benefits, including efficiency, clarity, and scalability for # users.', k);

describe('style-profile with a model fitted here (computeWith)', () => {
  const train: TrainRow[] = [0, 1, 2, 3, 4, 5].flatMap((k) => [
    { doc: human(k), label: 'human' as const, source: `s${k % 2}` },
    { doc: machine(k), label: 'machine' as const, source: `s${k % 2}` },
  ]);

  it('scores unseen texts in the right order', () => {
    const m = fitStyleProfile(train, 'en', { k: 20 });
    expect((computeWith(machine(9), m) as SignalResult).raw).toBeGreaterThan((computeWith(human(9), m) as SignalResult).raw);
  });

  it('paired training ignores single-label sources; with nothing to learn from, the model abstains', () => {
    const onlyHuman = train.filter((r) => r.label === 'human');
    const m = fitStyleProfile(onlyHuman, 'en');
    expect(m.beta).toEqual([]);
    expect(computeWith(machine(9), m)).toMatchObject({ abstained: true, code: 'error' });
  });
});

describe('style-profile: words', () => {
  it.each([
    ['fw:however', 0.006, 0.002, 'en', '"however" 3.0 times as often'],
    ['fw:i', 0.002, 0.01, 'en', '"i" only 20% as often'],
    ['fw:cependant', 0.004, 0.001, 'fr', '« cependant » 4,0 fois plus souvent'],
    ['p:;', 0, 0.003, 'en', 'no semicolons (typically 3.0 per 1,000 words)'],
    ['fw:can', 0.03, 0, 'en', '"can": 30.0 per 1,000 words (most of the human texts have none)'],
    ['cls:<-tion>', 0.02, 0.01, 'en', 'words ending in "-tion" 2.0 times as often'],
    ['sl:cv', 0.31, 0.52, 'en', 'variation of sentence length: 0.31 (typically 0.52)'],
    ['sl:long', 0.02, 0.14, 'fr', 'phrases longues (30 mots ou plus) : 2\u00A0% (d\'ordinaire 14\u00A0%)'],
    ['init:discourse', 0.4, 0.1, 'en', 'sentences opening with a linking word (however, moreover, in addition…): 40% (typically 10%)'],
    ['sl:logmean', 24, 19, 'en', 'average sentence length: 24 words (typically 19)'],
  ] as const)('%s in words', (name, v, h, ui, expected) => {
    expect(featurePhrase(name, v, h, ui)).toBe(expected);
  });

  it.each([
    ['fw:however', 0.006, 0.002, 'en', '"however" 3.0 times as often (8 in 1,250 words)'],
    ['fw:i', 0.002, 0.01, 'en', '"i" only 20% as often (3 in 1,250 words)'],
    ['fw:cependant', 0.004, 0.001, 'fr', '« cependant » 4,0 fois plus souvent (5 sur 1\u202F250 mots)'],
    ['p:;', 0, 0.003, 'en', 'no semicolons in 1,250 words (typically 3.0 per 1,000 words)'],
    ['p:;', 0, 0.003, 'fr', 'points-virgules : aucune occurrence sur 1\u202F250 mots (d\'ordinaire 3,0 pour 1\u202F000 mots)'],
    ['fw:can', 0.0304, 0, 'en', '"can": 38 in 1,250 words (most of the human texts have none)'],
    ['p:comma-sentences', 0.62, 0.55, 'en', 'sentences with a comma: 62%, 31 of 50 sentences (typically 55%)'],
    ['sl:long', 0.02, 0.14, 'fr', 'phrases longues (30 mots ou plus) : 2\u00A0%, 1 sur 50 phrases (d\'ordinaire 14\u00A0%)'],
    ['wl:ge7', 0.3, 0.25, 'en', 'long words (7 letters or more): 30%, 360 of 1,200 words (typically 25%)'],
    ['init:repeat', 4 / 49, 0.02, 'en', 'sentences opening with the same word as the one before: 8%, 4 of 49 sentences after the first (typically 2%)'],
    ['init:distinct', 0.7, 0.8, 'en', 'different sentence openers (over ten sentences), in 50 sentences: 70% (typically 80%)'],
    ['sl:logmean', 25, 19, 'en', 'average sentence length, over 50 sentences: 25 words (typically 19)'],
    ['wl:mean', 4.71, 4.5, 'fr', 'longueur moyenne des mots, sur 1\u202F200 mots : 4,7 lettres (d\'ordinaire 4,5)'],
    ['dm:rate', 0.42, 0.2, 'en', 'linking words per sentence: 0.42, 21 in 50 sentences (typically 0.20)'],
  ] as const)('%s in words, with the count it comes from (%s, %s, %s)', (name, v, h, ui, expected) => {
    expect(featurePhrase(name, v, h, ui, { words: 1250, sentences: 50, lettered: 1200 })).toBe(expected);
  });

  it('says one sentence and one word in the singular', () => {
    expect(featurePhrase('sl:long', 1, 0.14, 'en', { words: 40, sentences: 1, lettered: 1 })).toBe('long sentences (30 words or more): 100%, 1 of 1 sentence (typically 14%)');
    expect(featurePhrase('wl:ge7', 1, 0.25, 'fr', { words: 1, sentences: 1, lettered: 1 })).toBe('mots longs (7 lettres ou plus) : 100\u00A0%, 1 sur 1 mot (d\'ordinaire 25\u00A0%)');
  });

  it('gives every rate and share of a real text with counts that are the text\'s own', () => {
    // 7 semicolons and 12 sentences with a comma, among 24 sentences, in a text whose words are counted here
    const sentence = (i: number) => (i % 2 === 0 ? `On day ${i}, the team walked to the river and back` : `The team rested at home after the long walk of day ${i}`) + (i < 7 ? '; then they slept.' : '.');
    const text = Array.from({ length: 24 }, (_, i) => sentence(i)).join(' ');
    const doc = en(text);
    const r = styleProfile.compute(doc) as SignalResult;
    expect(r.details.words).toBe(doc.words.length);
    expect(r.details.sentences).toBe(doc.sentences.filter((s) => s.wordCount > 0).length);
    const x = profileOf(profilePass(doc, { lang: 'en', vocab: STYLE_PROFILE_TABLES.en.vocab }));
    const cfg = { lang: 'en' as const, vocab: STYLE_PROFILE_TABLES.en.vocab };
    const base = { words: r.details.words, sentences: r.details.sentences, lettered: r.details.lettered };
    const semis = (text.match(/;/g) ?? []).length;
    expect(featurePhrase('p:;', naturalValue('p:;', feature(x, 'p:;', cfg)), 0.003, 'en', base)).toContain(`(${semis} in ${doc.words.length} words)`);
    const withComma = doc.sentences.filter((s) => text.slice(s.start, s.end).includes(',')).length;
    expect(featurePhrase('p:comma-sentences', feature(x, 'p:comma-sentences', cfg), 0.5, 'en', base)).toContain(`${withComma} of ${r.details.sentences} sentences`);
  });

  it.each(['en', 'fr'] as const)('the evidence of a real text says each rate with its count and base (%s)', (ui) => {
    const text = byGroup('assistant-2026').find((x) => x.lang === 'en')!.text;
    const r = styleProfile.compute(en(text)) as SignalResult;
    const e = words.evidence(r, ui, 0.95);
    const n = r.details.words!.toLocaleString(ui === 'fr' ? 'fr-FR' : 'en-US');
    r.examples!.forEach((name) => {
      if (/^(fw|cls|pr):|^p:[,;:(?!.]$/.test(name)) expect(e).toContain(ui === 'fr' ? `sur ${n} mots` : `in ${n} words`);
    });
    expect(e).not.toMatch(/NaN|undefined/);
  });

  it('a stored report without the bases keeps the phrases without counts', () => {
    expect(featurePhrase('fw:however', 0.006, 0.002, 'en', {})).toBe('"however" 3.0 times as often');
    expect(featurePhrase('p:comma-sentences', 0.62, 0.55, 'en', { words: 100 })).toBe('sentences with a comma: 62% (typically 55%)');
  });

  it('reads rates and log lengths back in natural units', () => {
    expect(naturalValue('fw:the', 0.2)).toBeCloseTo(0.04, 12);
    expect(naturalValue('sl:logmean', Math.log(20))).toBeCloseTo(20, 12);
    expect(naturalValue('sl:cv', 0.4)).toBe(0.4);
  });

  it.each(['en', 'fr'] as const)('names the features that weigh most and makes no authorship claim (%s)', (ui) => {
    const text = byGroup('assistant-2026').find((x) => x.lang === 'en')!.text;
    const r = styleProfile.compute(en(text)) as SignalResult;
    const e = words.evidence(r, ui, 0.95);
    expect(e).toMatch(ui === 'en' ? /towards the machine side: .+; .+/ : /du côté des textes de machine : .+ ; .+/);
    expect([e, words.describe[ui], words.title[ui]].join(' ')).not.toMatch(/written by|écrit par|probabilit|\bAI\b|\bIA\b/i);
  });
});
