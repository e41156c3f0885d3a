/**
 * profile — a fixed vector of cheap, typography-free stylometric rates of a document or of a run of its sentences
 * (the style-profile signal's input; its fit is src/eval/train/style-profile.ts).
 *
 * Features, in `profileNames(config)` order (every one a rate or a length statistic, so none grows with length):
 * - fw:<word>  sqrt(share of words) of each of the config's function words (the K most widespread candidates of the
 *              training rows; profile-lexicon.ts functionWordCandidates);
 * - p:<mark>   sqrt(marks per word) for , ; : ( ? ! and the sentence-final full stop (a run of one mark counts once;
 *              quotes, dashes, ellipses and other symbols are typography and never counted); p:comma-sentences, the
 *              share of sentences with a comma; p:early-comma, of sentences (6+ words) whose first comma comes within
 *              their first five words;
 * - sl:*       sentence length in words: log mean, sd / mean, log p10/p50/p90, share <= 8 and >= 30 words, mean
 *              absolute difference of consecutive lengths / mean;
 * - wl:*       word length in letters: mean, sd, share <= 3, >= 7, >= 10;
 * - cls:*      sqrt(share of words) in each shape/suffix class of style-tokens.ts `wordClass`;
 * - init:*     share of sentences opening with a determiner, pronoun, preposition, conjunction, auxiliary, discourse
 *              marker, -ly/-ment adverb, number, two capitalised words, or anything else; share whose first word
 *              repeats the previous sentence's; distinct openers per window of OPENER_WINDOW sentences;
 * - dm:rate    discourse markers anywhere, per sentence;
 * - pr:*       sqrt(share of words) of pronouns by person (1st singular, 1st plural, 2nd, 3rd, it / on);
 * - misc:*     sqrt(share of words) of contractions (English), negations, words with digits, capitalised words not
 *              opening a sentence; per sentence: lists of three ("A, B and C"), comma + participle clauses.
 * How: `profilePass(doc, config)` reads every word and every sentence ONCE and keeps integer counts per sentence;
 * `profileOf(pass, from, to)` (profile-vector.ts) turns the counts of sentences [from, to) into the vector (the whole
 * document, or a window of sentences for per-sentence values) without reading the text again.
 * Limits: the function-word rates follow genre and topic (Biber's dimensions): only a model trained across many
 * sources can use them without learning genre. Lists, code and tables give odd profiles. In a window, a one-word
 * last sentence cannot see the next sentence's first word (the "two capitalised words" opener): the whole-document
 * vector can.
 */
import type { Doc } from '../../types';
import { COMMA_PARTICIPLE, FW_CLASS, FW_CLASSES, hasTriad, MARKER_PHRASES, NEGATION, OPENER_PHRASES, PERSON_OF, PERSONS } from './profile-lexicon';
import { SUFFIXES, wordClass, type StyleLang } from './style-tokens';

export interface ProfileConfig {
  lang: StyleLang;
  /** Function words whose rates are features. */
  vocab: readonly string[];
}

const MARKS = [',', ';', ':', '(', '?', '!', '.'] as const;
/** Window (sentences) of the distinct-openers share. */
export const OPENER_WINDOW = 10;
export const INIT_KINDS = [...FW_CLASSES, 'discourse', 'adverb', 'number', 'capitalised', 'other'] as const;
export const MISC = ['contractions', 'negation', 'digits', 'caps'] as const;

/** Word classes used as features. */
export function classList(lang: StyleLang): string[] {
  return ['<num>', '<acr>', '<cap>', '<hyph>', '<w3>', '<w6>', '<w9>', '<w+>', ...SUFFIXES[lang].map((s) => `<-${s}>`)];
}

export function profileNames(c: ProfileConfig): string[] {
  return [
    ...c.vocab.map((w) => `fw:${w}`),
    ...MARKS.map((m) => `p:${m}`),
    'p:comma-sentences', 'p:early-comma',
    'sl:logmean', 'sl:cv', 'sl:logp10', 'sl:logp50', 'sl:logp90', 'sl:short', 'sl:long', 'sl:diff',
    'wl:mean', 'wl:sd', 'wl:le3', 'wl:ge7', 'wl:ge10',
    ...classList(c.lang).map((k) => `cls:${k}`),
    ...INIT_KINDS.map((k) => `init:${k}`),
    'init:repeat', 'init:distinct',
    'dm:rate',
    ...PERSONS.map((k) => `pr:${k}`),
    ...MISC.map((k) => `misc:${k}`), 'misc:triads', 'misc:comma-participle',
  ];
}

/** Layout of one sentence's integer counts. */
export interface Slots {
  K: number;
  marks: number;
  comma: number;
  early: number;
  le3: number;
  ge7: number;
  ge10: number;
  lettered: number;
  misc: number;
  dm: number;
  triad: number;
  participle: number;
  pron: number;
  cls: number;
  init: number;
  width: number;
}

function slots(K: number, classes: number): Slots {
  const s = { K, marks: K, comma: K + 7, early: K + 8, le3: K + 9, ge7: K + 10, ge10: K + 11, lettered: K + 12, misc: K + 13, dm: K + 17, triad: K + 18, participle: K + 19, pron: K + 20 };
  const cls = s.pron + PERSONS.length;
  const init = cls + classes;
  return { ...s, cls, init, width: init + INIT_KINDS.length };
}

/** What one pass over a document keeps. */
export interface ProfilePass {
  config: ProfileConfig;
  slots: Slots;
  /** counts[sentence * width + slot]. */
  counts: Uint16Array;
  /** Letters of each word (index = Doc.words index). */
  letters: Uint16Array;
  /** First word (lower case) of each sentence, '' for a sentence without words. */
  firsts: string[];
  /** Sentences whose opener kind changes when they end a window (one-word sentences): kind as a window's last. */
  aloneKind: Map<number, number>;
  doc: Doc;
}

const CONTRACTION = /^\p{L}+'(t|s|re|ve|ll|d|m)$/u;
const LETTERS_ONLY = /^\p{L}+$/u;
const NON_LETTER = /[^\p{L}]/gu;
const UPPER_START = /^\p{Lu}/u;
const LETTER_OR_DIGIT = /\p{L}|\p{N}/u;

/** Letters in a word (ASCII fast path; the Unicode rule otherwise). */
function letterCount(text: string): number {
  let ascii = true;
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) | 32;
    if (text.charCodeAt(i) >= 128) {
      ascii = false;
      break;
    }
    if (c >= 97 && c <= 122) letters++;
  }
  if (ascii) return letters;
  return LETTERS_ONLY.test(text) ? text.length : text.replace(NON_LETTER, '').length;
}

function upperStart(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER_START.test(text);
}

/** Does the discourse phrase list of `w`'s first word match words [i, end) of the doc (words compared in lower case)? */
function phraseAt(doc: Doc, i: number, end: number, phrases: readonly string[][]): number {
  for (const p of phrases) {
    let ok = true;
    for (let j = 1; j < p.length && ok; j++) ok = i + j < end && doc.words[i + j]!.lower === p[j];
    if (ok) return p.length;
  }
  return 0;
}

/** What one look-up tells about a word: its fw: index, pronoun person, negation, discourse phrases starting with it. */
interface WordFacts {
  fw: number;
  person: number;
  negation: boolean;
  phrases?: string[][];
}

const lexicons = new WeakMap<ProfileConfig, Map<string, WordFacts>>();
/** One map per config: every word any list knows, with all its facts. */
function lexicon(c: ProfileConfig): Map<string, WordFacts> {
  let m = lexicons.get(c);
  if (m) return m;
  const map = new Map<string, WordFacts>();
  m = map;
  const facts = (w: string) => {
    let f = map.get(w);
    if (!f) map.set(w, (f = { fw: -1, person: -1, negation: false }));
    return f;
  };
  c.vocab.forEach((w, i) => (facts(w).fw = i));
  for (const [w, p] of PERSON_OF[c.lang]) facts(w).person = p;
  for (const w of NEGATION[c.lang]) facts(w).negation = true;
  for (const [w, ps] of MARKER_PHRASES[c.lang]) facts(w).phrases = ps;
  lexicons.set(c, m);
  return m;
}

/** Counts of the words of one sentence into the pass's counts (offset `o`). */
function countWords(pass: ProfilePass, si: number, o: number, classIndex: Map<string, number>, memo: Map<string, number>): void {
  const { doc, counts, letters, slots: sl, config } = pass;
  const lang = config.lang;
  const s = doc.sentences[si]!;
  const end = s.firstWord + s.wordCount;
  const lex = lexicon(config);
  for (let i = s.firstWord; i < end; i++) {
    const w = doc.words[i]!;
    const first = i === s.firstWord;
    const lw = w.lower;
    const l = letterCount(w.text);
    letters[i] = l;
    if (l > 0) {
      counts[o + sl.lettered]!++;
      if (l <= 3) counts[o + sl.le3]!++;
      if (l >= 7) counts[o + sl.ge7]!++;
      if (l >= 10) counts[o + sl.ge10]!++;
    }
    const key = first ? `\u0001${w.text}` : w.text;
    let k = memo.get(key);
    if (k === undefined) memo.set(key, (k = classIndex.get(wordClass(w.text, lw, lang, first))!));
    counts[o + sl.cls + k]!++;
    if (k === 0) counts[o + sl.misc + 2]!++; // class '<num>' = has a digit
    if (!first && upperStart(w.text)) counts[o + sl.misc + 3]!++;
    if (lang === 'en' && lw.includes("'") && CONTRACTION.test(lw)) counts[o + sl.misc]!++;
    const f = lex.get(lw);
    if (f?.negation || lw.endsWith("n't")) counts[o + sl.misc + 1]!++;
    if (!f) continue;
    if (f.fw >= 0) counts[o + f.fw]!++;
    if (f.person >= 0) counts[o + sl.pron + f.person]!++;
    if (f.phrases && phraseAt(doc, i, end, f.phrases) > 0) counts[o + sl.dm]!++;
  }
}

/** Index in MARKS of each ASCII code, -1 for others. */
const MARK_INDEX = new Int8Array(128).fill(-1);
MARKS.forEach((m, i) => (MARK_INDEX[m.charCodeAt(0)] = i));
const DOT = 46;
const COMMA = 44;

/** Punctuation, commas and clause shapes of one sentence. */
function countMarks(pass: ProfilePass, si: number, o: number): void {
  const { doc, counts, slots: sl, config } = pass;
  const s = doc.sentences[si]!;
  const norm = doc.norm;
  let firstComma = -1;
  for (let i = s.start; i < s.end; i++) {
    const c = norm.charCodeAt(i);
    const m = c < 128 ? MARK_INDEX[c]! : -1;
    if (m < 0) continue;
    if (c === COMMA && firstComma < 0) firstComma = i;
    if (i > s.start && norm.charCodeAt(i - 1) === c) continue;
    if (c === DOT && i + 1 < s.end) {
      const next = norm.charCodeAt(i + 1);
      const ld = next < 128 ? (next >= 48 && next <= 57) || ((next | 32) >= 97 && (next | 32) <= 122) : LETTER_OR_DIGIT.test(norm[i + 1]!);
      if (next === DOT || ld) continue; // ellipsis, abbreviation, decimal
    }
    counts[o + sl.marks + m]!++;
  }
  if (firstComma < 0) return;
  counts[o + sl.comma] = 1;
  const lastEarly = doc.words[s.firstWord + Math.min(s.wordCount, 5) - 1]!;
  if (firstComma < lastEarly.end && s.wordCount > 5) counts[o + sl.early] = 1;
  const t = norm.slice(s.start, s.end);
  if (hasTriad(t, config.lang)) counts[o + sl.triad] = 1;
  if (COMMA_PARTICIPLE[config.lang].test(t)) counts[o + sl.participle] = 1;
}

/** Kind of a sentence's opener (index in INIT_KINDS). `alone`: as if no word followed the sentence (a window's last
 * sentence: the "two capitalised words" test of a one-word sentence then cannot see the next sentence). */
function openerKind(doc: Doc, si: number, lang: StyleLang, alone = false): number {
  const s = doc.sentences[si]!;
  const w0 = doc.words[s.firstWord]!;
  const first = w0.lower;
  const phrases = OPENER_PHRASES[lang].get(first);
  if (phrases) {
    const n = Math.min(s.wordCount, 8);
    for (const p of phrases) {
      if (p.length > n) continue;
      let ok = true;
      for (let j = 1; j < p.length && ok; j++) ok = doc.words[s.firstWord + j]!.lower === p[j];
      if (ok && (n > p.length || s.wordCount === p.length)) return FW_CLASSES.length; // discourse
    }
  }
  const fw = FW_CLASS[lang].get(first);
  if (fw !== undefined) return FW_CLASSES.indexOf(fw as (typeof FW_CLASSES)[number]);
  if (/\p{N}/u.test(w0.text)) return FW_CLASSES.length + 2;
  if ((lang === 'en' && first.endsWith('ly') && first.length > 4) || (lang === 'fr' && first.endsWith('ment') && first.length > 6)) return FW_CLASSES.length + 1;
  const next = alone && s.wordCount < 2 ? undefined : doc.words[s.firstWord + 1];
  if (upperStart(w0.text) && next && upperStart(next.text)) return FW_CLASSES.length + 3;
  return FW_CLASSES.length + 4;
}

/** One pass over the words and sentences of `doc`: integer counts per sentence. */
export function profilePass(doc: Doc, config: ProfileConfig): ProfilePass {
  const classes = classList(config.lang);
  const classIndex = new Map(classes.map((k, i) => [k, i]));
  const sl = slots(config.vocab.length, classes.length);
  const S = doc.sentences.length;
  const pass: ProfilePass = { config, slots: sl, counts: new Uint16Array(S * sl.width), letters: new Uint16Array(doc.words.length), firsts: new Array<string>(S).fill(''), aloneKind: new Map(), doc };
  const memo = new Map<string, number>();
  for (let si = 0; si < S; si++) {
    const s = doc.sentences[si]!;
    if (s.wordCount === 0) continue;
    const o = si * sl.width;
    countWords(pass, si, o, classIndex, memo);
    countMarks(pass, si, o);
    const kind = openerKind(doc, si, config.lang);
    pass.counts[o + sl.init + kind] = 1;
    const alone = s.wordCount === 1 ? openerKind(doc, si, config.lang, true) : kind;
    if (alone !== kind) pass.aloneKind.set(si, alone);
    pass.firsts[si] = doc.words[s.firstWord]!.lower;
  }
  return pass;
}
