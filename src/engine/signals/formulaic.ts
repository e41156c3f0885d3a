/**
 * formulaic — stock phrases and over-used vocabulary typical of language-model output, per 100 words.
 *
 * What it measures: occurrences of the entries of assets/formulaic-{en,fr}.json — stock phrases ("it is important
 * to note", "plays a crucial role", "in today's fast-paced world", sentence-initial "In conclusion", "Overall";
 * "il est important de noter", "joue un rôle crucial", "dans le monde d'aujourd'hui"...) and words whose use rose
 * sharply with chat assistants (delve, showcasing, underscore, intricate, pivotal, realm, meticulous...). Each entry
 * belongs to a group with a weight (stock phrase 2, excess word 1, over-used common word 0.5). Raw value: weighted
 * hits per 100 words. Per sentence: weighted hits in the sentence. Orientation: higher = more formulaic.
 * Sources: the `sources` field of each JSON file (English words guided by Kobak et al. 2024 and Liang et al. 2024;
 * French entries are our own equivalents and labelled as such). Chat artefacts ("Sure, here's", "As an AI language
 * model") are deliberately absent: they are trivial to remove and say nothing about the prose itself.
 * Matching: one word-trie per language over Doc.words (lower-cased words of the typographically folded text), longest
 * entry first, no overlaps, never across a sentence boundary; an entry starting with '^' counts only at the start of
 * a sentence. Linear in the number of words.
 * Constants: MIN_WORDS, TOP_PHRASES, TYPICAL_HUMAN (below).
 * Details (numbers only): hits, weighted, per100, words, listLang (0 = en, 1 = fr) and top1..top3 / top1Count..: the
 * indices of the most frequent entries in the list; `examples` holds those entries' phrases (quoted by the evidence).
 * Limits: false positives — formulaic genres (school essays, corporate and wellness copy, grant prose, abstracts),
 * writers who learned these phrases as "good style" (often non-native writers), texts polished with writing tools,
 * and any text that quotes such phrases. False negatives — paraphrased or edited machine text, newer models that
 * avoid the stereotypes, and prompts that ask for a plain style. Vocabulary fashions move: the lists age.
 */

import type { Abstention, Doc, Signal, SignalResult, SupportedLang } from '../types';
import { lowerWord, splitWords } from '../text/segment';
import listEn from '../../../assets/formulaic-en.json';
import listFr from '../../../assets/formulaic-fr.json';

/** Below this many words the signal abstains: one stock phrase in a 30-word text would dominate. */
export const MIN_WORDS = 40;
/** How many of the most frequent entries are reported in `details`. */
export const TOP_PHRASES = 3;
/** Mean weighted hits per 100 words among the human texts of the dev set, per language (a derived figure, for the
 * explanation only; calibrated percentiles from src/score take precedence when given). The median is 0 in English
 * (most human texts have no hit at all), 0.24 in French; the machine texts' means are 1.2 and 1.9. */
export const TYPICAL_HUMAN: Record<SupportedLang, number> = { en: 0.2, fr: 0.3 };

export interface FormulaicList {
  lang: string;
  sources: string[];
  groups: { name: string; weight: number; entries: string[] }[];
}

export const LISTS: Record<SupportedLang, FormulaicList> = { en: listEn, fr: listFr };
const LANGS = ['en', 'fr'] as const;
const LANG_CODE: Record<SupportedLang, number> = { en: 0, fr: 1 };

interface Terminal {
  index: number;
  weight: number;
  length: number;
}
interface TrieNode {
  next: Map<string, TrieNode>;
  /** Entry that counts anywhere / only at a sentence start. */
  any?: Terminal;
  initial?: Terminal;
}
interface Compiled {
  root: TrieNode;
  entries: string[];
}

const compiled = new Map<SupportedLang, Compiled>();

function compile(lang: SupportedLang): Compiled {
  let c = compiled.get(lang);
  if (c) return c;
  const root: TrieNode = { next: new Map() };
  const entries: string[] = [];
  for (const group of LISTS[lang].groups) {
    for (const raw of group.entries) {
      const initial = raw.startsWith('^');
      const phrase = initial ? raw.slice(1) : raw;
      const words = splitWords(phrase, 0, phrase.length, lang).map((w) => lowerWord(w.text));
      if (words.length === 0) continue;
      let node = root;
      for (const w of words) {
        let n = node.next.get(w);
        if (!n) node.next.set(w, (n = { next: new Map() }));
        node = n;
      }
      const t: Terminal = { index: entries.length, weight: group.weight, length: words.length };
      if (initial) node.initial ??= t;
      else node.any ??= t;
      entries.push(phrase);
    }
  }
  c = { root, entries };
  compiled.set(lang, c);
  return c;
}

/** The phrase of entry `index` of a language's list (for explanations and the analysis page). */
export function formulaicEntry(lang: SupportedLang, index: number): string | undefined {
  return compile(lang).entries[index];
}

export interface FormulaicHit {
  /** Index into Doc.words of the first word, and number of words. */
  word: number;
  length: number;
  entry: number;
  weight: number;
}

/** All non-overlapping hits in the document, longest entry first at each word. */
export function formulaicHits(doc: Doc, lang: SupportedLang): FormulaicHit[] {
  const { root } = compile(lang);
  const words = doc.words;
  const out: FormulaicHit[] = [];
  for (let i = 0; i < words.length; ) {
    const sentence = words[i]!.sentence;
    const atStart = i === 0 || words[i - 1]!.sentence !== sentence;
    let node = root.next.get(words[i]!.lower);
    let best: Terminal | undefined;
    for (let j = i; node; ) {
      const t = atStart && node.initial && (!node.any || node.initial.weight > node.any.weight) ? node.initial : node.any;
      if (t) best = t;
      j++;
      if (j >= words.length || words[j]!.sentence !== sentence) break;
      node = node.next.get(words[j]!.lower);
    }
    if (best) {
      out.push({ word: i, length: best.length, entry: best.index, weight: best.weight });
      i += best.length;
    } else i++;
  }
  return out;
}

function compute(doc: Doc): SignalResult | Abstention {
  const lang = doc.lang as SupportedLang;
  if (!LANGS.includes(lang)) return { abstained: true, code: 'language', params: { lang: doc.lang } };
  const n = doc.words.length;
  if (n < MIN_WORDS) return { abstained: true, code: 'too-short', params: { words: n, needed: MIN_WORDS } };
  const hits = formulaicHits(doc, lang);
  const sentences = new Array<number>(doc.sentences.length).fill(0);
  const counts = new Map<number, number>();
  let weighted = 0;
  for (const h of hits) {
    weighted += h.weight;
    sentences[doc.words[h.word]!.sentence]! += h.weight;
    counts.set(h.entry, (counts.get(h.entry) ?? 0) + 1);
  }
  const raw = (100 * weighted) / n;
  const details: Record<string, number> = { hits: hits.length, weighted, per100: raw, words: n, listLang: LANG_CODE[lang], typicalHuman: TYPICAL_HUMAN[lang] };
  const examples: string[] = [];
  // examples[k] is details top{k+1}, found top{k+1}Count times
  [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, TOP_PHRASES).forEach(([entry, count]) => {
    const phrase = formulaicEntry(lang, entry);
    if (!phrase) return;
    examples.push(phrase);
    details[`top${examples.length}`] = entry;
    details[`top${examples.length}Count`] = count;
  });
  return { raw, sentences, details, examples };
}

const formulaic: Signal = {
  id: 'formulaic',
  languages: LANGS,
  minWords: MIN_WORDS,
  compute,
};

export default formulaic;
