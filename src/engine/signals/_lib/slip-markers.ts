/**
 * slip-markers — where a text carries the small slips of unedited human writing (the writer-slips signal).
 *
 * `findSlips(doc)` returns every slip with its marker and the index of the sentence it belongs to. Markers, on the
 * typographically folded text (`doc.norm`), each chosen to survive the collection artefacts of the data sets (hard
 * line breaks, glued paragraphs, folded typography: so no double spaces, no line-break or quote markers):
 * - lcstart: a sentence that starts in lower case right after a full stop / ! / ? ending a run of 3+ lower-case
 *   letters ("... the end. then we"); abbreviations (ABBREV), ellipses and list items ("b)", "c.") excluded;
 * - lower-i (English): the pronoun written "i" ("i think", "i'm"), not "i.e.";
 * - doubled: the same word twice in a row ("the the"), except grammatical pairs (that that, had had, nous nous...);
 * - apostrophe (English): contractions written without their apostrophe, in lower case (dont, im, thats...);
 * - misspell: a short list of frequent misspellings (alot, becuase, recieve; French parceque, malgrés...);
 * - chat: chat abbreviations in lower case (lol, idk, tbh; French mdr, jsp, tkt...);
 * - accent (French): a lower-case word written without its accents where a frequent accented word (first ACCENT_TOP
 *   of assets/lm-fr.json, 4+ letters, not ending in é/ée/és/ées) strips to it and the bare form is absent from the
 *   list or ranks ACCENT_RANK_RATIO times lower (tres, deja, etait...), plus "ca" for "ça";
 * - repeatmark: "!!", "??", "?!" (a run counts once).
 * Left out (measured in the project's research): a comma glued to the next word and a space before a comma (both
 * frequent in scraped human text but also collection damage), a full stop glued to the next sentence (OrangeSum joined
 * summaries and articles that way), "gonna/wanna/u" (machine texts of casual requests use them), near-miss typos
 * (rare words look like typos on both sides).
 * How: one pass over the words (lists, doubled words, "i") and one scan of the sentence-final marks; the matching
 * rules are those of the research prototype's regular expressions, non-overlapping as theirs were.
 * Limits: careful human writers make no slips, so absence is no evidence; a generator asked to "write like a student"
 * can imitate some; OCR or scraping damage looks like slips.
 */
import lmFr from '../../../../assets/lm-fr.json';
import type { Doc } from '../../types';
import { ABBREV, APOSTROPHE_EN, CHAT, DOUBLED_OK, MISSPELL, type SlipLang } from './slip-lists';

export const SLIP_MARKERS = ['lcstart', 'lower-i', 'doubled', 'apostrophe', 'misspell', 'chat', 'accent', 'repeatmark'] as const;
export type SlipMarker = (typeof SLIP_MARKERS)[number];

export interface Slip {
  marker: SlipMarker;
  /** Index in Doc.sentences. */
  sentence: number;
  /** The word(s) concerned, for word markers (lower case). */
  word?: string;
}

/** Frequent accented words considered for the accent marker. */
export const ACCENT_TOP = 5000;
/** A bare form this many times rarer than its accented form still counts as a slip. */
export const ACCENT_RANK_RATIO = 20;

const ASCII = /^[\x00-\x7f]*$/;
const strip = (w: string) => w.normalize('NFD').replace(/\p{M}/gu, '');
let accentless: Set<string> | undefined;
/** Accent-stripped forms of frequent French words that are not themselves (frequent) words. Built once. */
export function accentlessForms(): Set<string> {
  if (accentless) return accentless;
  const words = (lmFr as { vocab: string }).vocab.split(' ').filter(Boolean);
  // the stripped form of each accented frequent word, then the rank of those forms only (one pass over the list,
  // no map of the whole list: the vocabulary holds each word once)
  const forms: [number, string][] = [];
  const rankOf = new Map<string, number>();
  for (let i = 0; i < Math.min(ACCENT_TOP, words.length); i++) {
    const w = words[i]!;
    if (ASCII.test(w)) continue; // nothing to strip (NFD leaves ASCII as it is): the costly normalisation is skipped
    const s = strip(w);
    if (s === w || s.length < 4 || /é(e?s?)$/u.test(w)) continue;
    forms.push([i, s]);
    rankOf.set(s, -1);
  }
  words.forEach((w, i) => {
    if (rankOf.get(w) === -1) rankOf.set(w, i);
  });
  accentless = new Set();
  for (const [i, s] of forms) {
    const r = rankOf.get(s)!;
    if (r < 0 || r > ACCENT_RANK_RATIO * (i + 1)) accentless.add(s);
  }
  return accentless;
}

const LETTERS = /^\p{L}+$/u;
const LOWER_LETTER = /\p{Ll}/u;
const LETTER = /\p{L}/u;
const isLetters = (t: string) => LETTERS.test(t);
const lowerAt = (s: string, i: number) => {
  const c = s.charCodeAt(i);
  return c < 128 ? c >= 97 && c <= 122 : LOWER_LETTER.test(s[i]!);
};
const letterAt = (s: string, i: number) => {
  const c = s.charCodeAt(i);
  return c < 128 ? (c | 32) >= 97 && (c | 32) <= 122 : LETTER.test(s[i]!);
};

/** Sentence index of a character offset (the sentence containing it, else the last one starting before it). */
function sentenceAt(doc: Doc, offset: number): number {
  let lo = 0;
  let hi = doc.sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (doc.sentences[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Sentences starting in lower case after a lower-case word and . ! ? (non-overlapping, as a global regex). */
function lowerCaseStarts(doc: Doc, out: Slip[]): void {
  const t = doc.norm;
  let lastEnd = 0;
  for (let p = 0; p < t.length; p++) {
    const c = t.charCodeAt(p);
    if (c !== 46 && c !== 33 && c !== 63) continue; // . ! ?
    let q = p + 1;
    while (q < t.length && t.charCodeAt(q) === 32) q++;
    if (q === p + 1 || q >= t.length || !lowerAt(t, q)) continue;
    const after = t.charCodeAt(q + 1);
    if (after === 41 || after === 46) continue; // list items: "b)", "c."
    let r = p - 1;
    while (r >= 0 && lowerAt(t, r)) r--;
    if (p - 1 - r < 3 || r + 1 < lastEnd) continue;
    if (r >= 0 && (t.charCodeAt(r) === 46 || letterAt(t, r))) continue;
    lastEnd = q + 1;
    const word = t.slice(r + 1, p);
    if (!ABBREV.has(word) && doc.text[p] !== '\u2026') out.push({ marker: 'lcstart', sentence: sentenceAt(doc, q) });
  }
}

/** "!!", "??", "?!": runs of two or more. */
function repeatedMarks(doc: Doc, out: Slip[]): void {
  for (const m of doc.norm.matchAll(/[!?]{2,}/g)) out.push({ marker: 'repeatmark', sentence: sentenceAt(doc, m.index) });
}

const LOWER_I = new Set(['i', "i'm", "i've", "i'd", "i'll"]);
const BEFORE_I_BLOCK = /[\p{L}\p{N}'.(]/u;
const AFTER_I = new Set([' ', ',', '.', '!', '?', ';', ':']);

/** The pronoun "i" in lower case, with the neighbours the research prototype's pattern required. */
function lowerI(doc: Doc, i: number): boolean {
  const w = doc.words[i]!;
  if (!LOWER_I.has(w.text)) return false;
  const t = doc.norm;
  if (w.start > 0 && BEFORE_I_BLOCK.test(t[w.start - 1]!)) return false;
  if (!AFTER_I.has(t[w.end] ?? '')) return false;
  return !(t[w.end + 1] === 'e' && t[w.end + 2] === '.');
}

const DOUBLE_EDGE = /[\p{L}'-]/u;

/** Word markers: lower-case i, doubled words, missing apostrophes, misspellings, chat forms, missing accents. */
function wordSlips(doc: Doc, lang: SlipLang, out: Slip[]): void {
  const t = doc.norm;
  const stripped = lang === 'fr' ? accentlessForms() : undefined;
  let lastDoubleEnd = -1;
  for (let i = 0; i < doc.words.length; i++) {
    const w = doc.words[i]!;
    const lw = w.lower;
    const lowerWritten = w.text === lw;
    const sentence = w.sentence;
    if (lang === 'en' && lowerI(doc, i)) out.push({ marker: 'lower-i', sentence });
    if (i > 0 && w.start > lastDoubleEnd) {
      const a = doc.words[i - 1]!;
      if (a.end + 1 === w.start && t.charCodeAt(a.end) === 32 && a.start >= lastDoubleEnd && a.text.toLowerCase() === w.text.toLowerCase() && isLetters(a.text) && isLetters(w.text)
        && !(a.start > 0 && DOUBLE_EDGE.test(t[a.start - 1]!)) && !DOUBLE_EDGE.test(t[w.end] ?? '')) {
        lastDoubleEnd = w.end;
        if (!DOUBLED_OK.has(a.text.toLowerCase())) out.push({ marker: 'doubled', sentence, word: `${a.text.toLowerCase()} ${lw}` });
      }
    }
    if (lang === 'en' && lowerWritten && APOSTROPHE_EN.has(lw)) out.push({ marker: 'apostrophe', sentence, word: lw });
    if (MISSPELL[lang].has(lw)) out.push({ marker: 'misspell', sentence, word: lw });
    if (lowerWritten && CHAT[lang].has(lw)) out.push({ marker: 'chat', sentence, word: lw });
    if (stripped && lowerWritten && (lw === 'ca' || stripped.has(lw))) out.push({ marker: 'accent', sentence, word: lw });
  }
}

/** Every slip of `doc` (English and French; other languages are read with the English lists). */
export function findSlips(doc: Doc): Slip[] {
  const lang: SlipLang = doc.lang === 'fr' ? 'fr' : 'en';
  const out: Slip[] = [];
  if (doc.sentences.length === 0) return out;
  lowerCaseStarts(doc, out);
  wordSlips(doc, lang, out);
  repeatedMarks(doc, out);
  return out;
}
