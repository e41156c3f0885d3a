import { describe, expect, it } from 'vitest';
import { buildDoc } from '@/src/engine/text/doc';
import { SEGMENT_CHUNK, splitParagraphs, splitWords } from '@/src/engine/text/segment';

describe('splitParagraphs', () => {
  it.each([
    ['one paragraph', 'A b c.', [[0, 6]]],
    ['two paragraphs', 'A.\n\nB.', [[0, 2], [4, 6]]],
    ['leading and trailing space', '  A.  \n \n  B.  ', [[2, 4], [11, 13]]],
    ['empty', '   ', []],
  ])('%s', (_n, text, spans) => {
    expect(splitParagraphs(text).map((s) => [s.start, s.end])).toEqual(spans);
  });
});

describe('splitWords', () => {
  it.each([
    ['english contraction stays whole', "Don't stop", 'en', ["Don't", 'stop']],
    ['hyphenated word', 'a well-known fact', 'en', ['a', 'well-known', 'fact']],
    ['french elision split', "l'homme qu'il aime", 'fr', ["l'", 'homme', "qu'", 'il', 'aime']],
    ['accents and digits', 'été 2024 à Paris', 'fr', ['été', '2024', 'à', 'Paris']],
    ['combining accent kept in word', 'cafe\u0301 noir', 'fr', ['cafe\u0301', 'noir']],
    ['punctuation only', '... !!! ---', 'en', []],
  ])('%s', (_n, text, lang, words) => {
    expect(splitWords(text, 0, text.length, lang).map((w) => w.text)).toEqual(words);
  });
});

describe('buildDoc', () => {
  const text = 'The first sentence is here. The second one follows!\n\nA new paragraph starts, and it ends.';
  const doc = buildDoc(text, { lang: 'en' });

  it('keeps offsets into the original string', () => {
    expect(doc.sentences.map((s) => text.slice(s.start, s.end))).toEqual([
      'The first sentence is here.',
      'The second one follows!',
      'A new paragraph starts, and it ends.',
    ]);
    for (const w of doc.words) expect(text.slice(w.start, w.end)).toBe(w.text);
  });

  it('links words, sentences and paragraphs', () => {
    expect(doc.paragraphs.map((p) => p.sentenceCount)).toEqual([2, 1]);
    expect(doc.sentences.map((s) => s.wordCount)).toEqual([5, 4, 7]);
    expect(doc.words.every((w) => doc.sentences[w.sentence]!.firstWord <= doc.words.indexOf(w))).toBe(true);
    expect(doc.words[0]!.lower).toBe('the');
  });

  it('keeps offsets when typography is folded', () => {
    const t = '“Quoted” text—with dashes… and more words here.';
    const d = buildDoc(t, { lang: 'en' });
    for (const w of d.words) expect(t.slice(w.start, w.end).replace(/[“”]/g, '"')).toBe(w.text);
  });

  it('segments a long paragraph in chunks without losing words', () => {
    const sentence = 'This sentence has exactly seven words here. ';
    const long = sentence.repeat(2000);
    const d = buildDoc(long, { lang: 'en' });
    expect(d.words.length).toBe(14000);
    expect(d.sentences.length).toBe(2000);
  });

  it('counts a token longer than a segmentation chunk as one word in one sentence', () => {
    for (const n of [SEGMENT_CHUNK + 1, 5 * SEGMENT_CHUNK, 20_000]) {
      const token = 'a'.repeat(n);
      const d = buildDoc(`Before it. ${token} after it.`, { lang: 'en' });
      expect(d.words.map((w) => w.text.length)).toEqual([6, 2, n, 5, 2]);
      const [, tok] = d.words;
      const at = d.words[2]!;
      expect(tok!.text).toBe('it');
      const holder = d.sentences.find((x) => x.start <= at.start && at.end <= x.end);
      expect(holder).toBeDefined(); // the token lies in one sentence, not cut across two
      const alone = buildDoc(token, { lang: 'en' });
      expect([alone.words.length, alone.sentences.length]).toEqual([1, 1]);
    }
  });

  it('detects the language per block and for the document', () => {
    const en = 'The weather was mild all week, and the farmers were glad to bring in the harvest before the rain came back.';
    const fr = 'Le temps est resté doux toute la semaine, et les paysans étaient contents de rentrer la récolte avant le retour de la pluie.';
    const d = buildDoc(`${en}\n\n${fr}\n\n${en}`);
    expect(d.paragraphs.map((p) => p.lang)).toEqual(['en', 'fr', 'en']);
    expect(d.lang).toBe('en');
  });

  it('handles empty text', () => {
    const d = buildDoc('');
    expect(d.words).toEqual([]);
    expect(d.lang).toBe('und');
  });
});
