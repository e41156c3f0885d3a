// Invisible and control characters (a site's soft hyphens, zero-width spaces, a byte-order mark, stray control
// characters) are not the writer's words: a text carrying them is measured as the same text without them, and what
// leaves the engine points into the string given (the audit found a soft hyphen in every long word took a learner's
// essay from 78% to 25%).
import { describe, expect, it } from 'vitest';
import { analyse, blockLanguages, wordRanks } from '@/src/engine';
import { OWN_TEXTS } from './own-texts';

const INVISIBLE = /[\u0000-\u0008\u000E-\u001F\u00AD\u200B\u200D\u2060\uFEFF]/g;

/** The text as a site or a hostile paste might give it: soft hyphens inside long words, zero-width spaces and
 * joiners between some of them, a byte-order mark, control characters. */
function disguise(text: string): string {
  let n = 0;
  const words = text.replace(/\p{L}{6,}/gu, (w) => `${w.slice(0, 3)}\u00AD${w.slice(3)}`);
  return '\uFEFF' + words.replace(/ /g, () => (++n % 5 === 0 ? ' \u200B' : n % 7 === 0 ? '\u0007 ' : n % 11 === 0 ? ' \u2060\u200D' : ' '));
}

describe('invisible and control characters', () => {
  const cases = ['learner-en-3', 'learner-fr-1', 'assistant-en-1'].map((id) => OWN_TEXTS.find((t) => t.id === id)!);

  it.each(cases.map((t) => [t.id, t] as const))('%s: the same report as the clean text, offsets into the string given', (_id, t) => {
    const given = disguise(t.text);
    expect(given.length).toBeGreaterThan(t.text.length + 20); // the disguise did something
    const clean = analyse(t.text);
    const r = analyse(given);
    expect(r.status).toBe(clean.status);
    expect(r.score).toBe(clean.score);
    expect(r.stated).toBe(clean.stated);
    expect(r.flag).toBe(clean.flag);
    expect(r.counts.words).toBe(clean.counts.words);
    expect(r.counts.chars).toBe(given.length);
    expect(r.signals.map((s) => [s.id, s.raw, s.percentile])).toEqual(clean.signals.map((s) => [s.id, s.raw, s.percentile]));
    expect(r.sentences.length).toBe(clean.sentences.length);
    r.sentences.forEach((s, i) => {
      const c = clean.sentences[i]!;
      expect(given.slice(s.start, s.end).replace(INVISIBLE, '')).toBe(t.text.slice(c.start, c.end));
      expect([s.score, s.level]).toEqual([c.score, c.level]);
    });
  });

  it('the word view and the language of blocks read the visible text; word offsets point into the string given', () => {
    const t = cases[0]!;
    const given = disguise(t.text);
    const clean = wordRanks(t.text, 'en');
    const w = wordRanks(given, 'en');
    expect(w.ranks).toEqual(clean.ranks);
    w.words.forEach((s, i) => expect(given.slice(s.start, s.end).replace(INVISIBLE, '')).toBe(t.text.slice(clean.words[i]!.start, clean.words[i]!.end)));
    const fr = cases[1]!;
    expect(blockLanguages([disguise(t.text), disguise(fr.text)])).toEqual(blockLanguages([t.text, fr.text]));
  });
});
