/**
 * style-tokens — a document as a stream of style tokens: frequent words as themselves, punctuation as itself, every
 * other word as a cheap class (number, capitalised, acronym, hyphenated, suffix, length). Used by style-lr (its
 * n-gram models read the stream) and style-profile (its class rates).
 *
 * Classes need no tagger: a word outside the vocabulary is `<num>` (has a digit), `<acr>` (2+ capitals, no lower
 * case), `<cap>` (capitalised, not the sentence's first word), `<hyph>` (hyphenated), else its longest suffix from
 * SUFFIXES[lang] (`<-tion>`...; the stem must keep 2 letters), else its length bucket (`<w3>`, `<w6>`, `<w9>`,
 * `<w+>`). Punctuation comes from the folded text (`doc.norm`) between and around a sentence's words; a run of one
 * mark counts once ("..." is its own token), other symbols are `<sym>`.
 * Why: function words, punctuation and word shapes carry style (how sentences are built) and little topic, so a model
 * over them transfers across sources better than one over content words.
 * API: `wordClass`, `SUFFIXES`, `classTokens(lang)` (every class and mark token, fixed by code), `encodeStyle(doc,
 * encoding)` (ids per sentence, one pass, classes memoised per distinct word).
 * Limits: suffix classes are rough morphology (English "-ed" adjectives and verbs share a class). Lists, code and
 * tables give unusual streams.
 */
import type { Doc } from '../../types';

export type StyleLang = 'en' | 'fr';

/** Suffix classes, longest first within each language (a word takes the first that matches and leaves a stem of at
 * least 2 letters). The order is part of the shipped tables' meaning: do not reorder. */
export const SUFFIXES: Record<StyleLang, readonly string[]> = {
  en: ['ically', 'ation', 'ition', 'ness', 'ment', 'ship', 'ance', 'ence', 'ible', 'able', 'less', 'ical', 'izes', 'ized', 'izing', 'ises', 'ised', 'ising',
    'ings', 'tion', 'sion', 'ists', 'ism', 'ist', 'ity', 'ous', 'ive', 'ful', 'ize', 'ise', 'ing', 'ly', 'ed', 'er', 'ers', 'est', 'al', 'ic', 'ary', 'ory', 'ure', 'ant', 'ent', "'s", 'ies', 'es', 's', 'y', 'e'],
  fr: ['issement', 'ements', 'ement', 'ments', 'ment', 'ations', 'ation', 'tions', 'tion', 'sions', 'sion', 'iques', 'ique', 'ismes', 'isme', 'istes', 'iste',
    'ités', 'ité', 'euses', 'euse', 'eurs', 'eur', 'trices', 'trice', 'ables', 'able', 'ibles', 'ible', 'ives', 'ive', 'ifs', 'if', 'elles', 'elle', 'aux', 'ales', 'ale', 'al',
    'aient', 'ait', 'ais', 'èrent', 'erait', 'eront', 'era', 'ées', 'és', 'ée', 'é', 'ants', 'ante', 'ant', 'ent', 'ons', 'ez', 'er', 'ir', 're', 'es', 'x', 's', 'e'],
};

const DIGIT = /\p{N}/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{M}\p{N}]/u;

/** Suffix -> its position in SUFFIXES[lang] (the first listed suffix that fits wins). */
const SUFFIX_RANK: Record<StyleLang, Map<string, number>> = {
  en: new Map(SUFFIXES.en.map((s, i) => [s, i])),
  fr: new Map(SUFFIXES.fr.map((s, i) => [s, i])),
};
const LONGEST_SUFFIX = Math.max(...SUFFIXES.en.map((s) => s.length), ...SUFFIXES.fr.map((s) => s.length));

/** Character facts of a word: has a digit, has an upper-case letter, has a lower-case letter (ASCII fast path). */
function shape(text: string): { digit: boolean; upper: boolean; lower: boolean } {
  let digit = false;
  let upper = false;
  let lower = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return { digit: DIGIT.test(text), upper: UPPER.test(text), lower: LOWER.test(text) };
    if (c >= 48 && c <= 57) digit = true;
    else if (c >= 65 && c <= 90) upper = true;
    else if (c >= 97 && c <= 122) lower = true;
  }
  return { digit, upper, lower };
}

/** Class of a word that is not in the vocabulary. `first` = first word of its sentence. */
export function wordClass(text: string, lower: string, lang: StyleLang, first: boolean): string {
  const sh = shape(text);
  if (sh.digit) return '<num>';
  if (text.length >= 2 && sh.upper && !sh.lower) return '<acr>';
  if (!first && UPPER.test(text[0] ?? '')) return '<cap>';
  if (lower.includes('-')) return '<hyph>';
  // the first suffix of SUFFIXES[lang] that the word ends with, leaving a stem of 2+ letters
  const ranks = SUFFIX_RANK[lang];
  let best = -1;
  const longest = Math.min(LONGEST_SUFFIX, lower.length - 2);
  for (let n = 1; n <= longest; n++) {
    const r = ranks.get(lower.slice(lower.length - n));
    if (r !== undefined && (best < 0 || r < best)) best = r;
  }
  if (best >= 0) return `<-${SUFFIXES[lang][best]!}>`;
  const n = lower.length;
  return n <= 3 ? '<w3>' : n <= 6 ? '<w6>' : n <= 9 ? '<w9>' : '<w+>';
}

/** Punctuation marks kept as themselves (any other non-letter is `<sym>`). */
export const MARK_CHARS = ',;:()"\'?!.-/%&[]*';
const SPECIAL = ['<num>', '<acr>', '<cap>', '<hyph>', '<w3>', '<w6>', '<w9>', '<w+>', '<sym>', '...', ...MARK_CHARS];

/** Every class and mark token of a language, in the shipped tables' order (fixed by code, so an unseen class still
 * has an id). */
export function classTokens(lang: StyleLang): string[] {
  return [...SPECIAL, ...SUFFIXES[lang].map((s) => `<-${s}>`)];
}

/** How a model turns tokens into ids: its token list (vocabulary words first), and the marks it drops. */
export interface StyleEncoding {
  lang: StyleLang;
  /** Token list: `vocabWords` words first, then classes and marks (id = index). */
  tokens: readonly string[];
  vocabWords: number;
  /** Marks left out of the stream (typography). */
  drop: readonly string[];
}

interface Compiled {
  words: Map<string, number>;
  classes: Map<string, number>;
  sym: number;
  /** Id of each mark, or -1 when dropped: index = char code for ASCII marks; '...' separately. */
  markId: Int32Array;
  ellipsis: number;
}

const compiled = new WeakMap<StyleEncoding, Compiled>();

function compile(e: StyleEncoding): Compiled {
  const hit = compiled.get(e);
  if (hit) return hit;
  const all = new Map(e.tokens.map((t, i) => [t, i]));
  const words = new Map(e.tokens.slice(0, e.vocabWords).map((t, i) => [t, i]));
  const sym = all.get('<sym>') ?? -1;
  const drop = new Set(e.drop);
  const idOf = (t: string) => (drop.has(t) ? -1 : (all.get(t) ?? (drop.has('<sym>') ? -1 : sym)));
  const markId = new Int32Array(128).fill(idOf('<sym>'));
  for (const c of MARK_CHARS) markId[c.charCodeAt(0)] = idOf(c);
  const c: Compiled = { words, classes: all, sym, markId, ellipsis: idOf('...') };
  compiled.set(e, c);
  return c;
}

const SPACE = 32;
const NEWLINE = 10;
const DOT = 46;

function isLetterOrDigit(code: number, ch: string): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return LETTER_OR_DIGIT.test(ch);
}

/** Mark ids of norm[start, end) (a gap between two words, or before/after a sentence's words), appended to out. */
function marks(norm: string, start: number, end: number, c: Compiled, out: number[]): void {
  let i = start;
  while (i < end) {
    const code = norm.charCodeAt(i);
    if (code === SPACE || code === NEWLINE || isLetterOrDigit(code, norm[i]!)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < end && norm.charCodeAt(j) === code) j++;
    const id = code === DOT && j - i >= 2 ? c.ellipsis : code < 128 ? c.markId[code]! : c.markId[0]!;
    if (id >= 0) out.push(id);
    i = j;
  }
}

/** Style-token ids of every sentence of `doc` under `e` (index = Doc.sentences index; a sentence without words gives
 * an empty array). One pass over the words; a word's class is computed once per distinct spelling. */
export function encodeStyle(doc: Doc, e: StyleEncoding): Int32Array[] {
  const c = compile(e);
  const memo = new Map<string, number>();
  const out: Int32Array[] = [];
  const buf: number[] = [];
  for (const s of doc.sentences) {
    buf.length = 0;
    if (s.wordCount > 0) {
      let pos = s.start;
      for (let k = 0; k < s.wordCount; k++) {
        const w = doc.words[s.firstWord + k]!;
        marks(doc.norm, pos, w.start, c, buf);
        buf.push(c.words.get(w.lower) ?? classId(w.text, w.lower, k === 0, e.lang, c, memo));
        pos = w.end;
      }
      marks(doc.norm, pos, s.end, c, buf);
    }
    out.push(Int32Array.from(buf));
  }
  return out;
}

function classId(text: string, lower: string, first: boolean, lang: StyleLang, c: Compiled, memo: Map<string, number>): number {
  const key = first ? `\u0001${text}` : text;
  let id = memo.get(key);
  if (id === undefined) {
    id = c.classes.get(wordClass(text, lower, lang, first)) ?? c.sym;
    memo.set(key, id);
  }
  return id;
}
