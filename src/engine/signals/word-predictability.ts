/**
 * word-predictability — how often words are among the likeliest next words, beyond what their frequency predicts.
 *
 * What it measures (English; French below): with a bigram table built from the Brown corpus (human prose; assets/lm-en.json,
 * scripts/build-lm.ts), each word gets a GLTR-like conditional rank: its position among the likeliest successors of
 * the previous word in the same sentence. The raw value is the share of words that land in the top 100 after the
 * previous word (TOP_RANK) MINUS the share expected for human prose made of words of the same frequencies: for each
 * (previous-word frequency bin, word frequency bin) cell the table says whether held-out human text (Brown,
 * cross-validated) lands in the top 100 at least half the time. Orientation: higher = more predictable given the
 * previous word than the vocabulary alone explains. Unit: a difference of shares, in practice -0.15..+0.15 (dev set
 * medians: human -0.007, machine +0.003; it is a weak signal on its own, AUROC ~0.6).
 * Why not the plain share of "top-10 words": perplexity-like measures call plain, common vocabulary "predictable";
 * that is how GPT detectors flagged 61% of non-native students' essays (Liang et al. 2023, "GPT detectors are biased
 * against non-native English writers"). Comparing with the expectation for the text's OWN word frequencies removes
 * most of that effect: our learner-style test paragraphs (simple words, short sentences, small slips) fall at or
 * below the human median (tests/unit/signals/word-predictability.test.ts).
 * French: `compute` ABSTAINS ('language'). A table fitted on French HUMAN running text exists (assets/lm-fr-next.json:
 * successor lists over the ranks of the French unigram list assets/lm-fr.json, and the cross-validated expectation
 * table; `npm run build:style`, src/eval/train/word-predictability.ts, from the French human texts of ../shared/data:
 * educational Wikipedia articles, OrangeSum news, homework dissertations; about 100,000 words; derived counts only)
 * and the analysis page's word view reads French ranks from it (`wordRanks`), but its document value is not shown.
 * Why (README, "word-predictability's French table"): that table knows three genres, and its value says above all
 * whether a text belongs to one of them. A new human text of a known genre measured with it is in-genre but unseen;
 * referenced against out-of-genre values (cross-fitted by source) 98% of human dissertations, 70% of news articles
 * and 55% of encyclopaedia articles landed at or above the 90th percentile of human references. Referenced in-genre
 * (cross-fitted within source), human dissertations still landed there 18% of the time (encyclopaedia 2%, news 3%),
 * and every text outside the three genres fell low, the never-seen French assistant texts included (median 7th
 * percentile): evidence that points the wrong way for most of what users paste. Within source the direction held
 * (AUROC 0.700 dissertations, 0.670 encyclopaedia articles, leave-one-source-out). `computeWith(doc, table)` still
 * measures French with a given table (the measurement, the tests and a future table use it).
 * API: default export (the Signal: English only); `computeWith(doc, model)` for any fitted table; `wordRanks(doc)` — one `{bucket, rank?}` per Doc.words entry (bucket 0 = top 10, 1 = top 100, 2 = top
 * 1000, 3 = rest or unknown; rank = conditional rank when the previous word has a successor list, else the unigram
 * rank; English and French); `LM_TABLES` (the unigram tables with their `source` and `licence`); `SUCCESSOR_TABLES`
 * (the successor tables: the signal's English one, the word view's French one); `vocabRank(lang)`; type `WordPredictabilityModel`.
 * Constants: TOP_RANK, MIN_WORDS, MIN_SENTENCE_WORDS (below); table sizes in scripts/build-lm.ts.
 * Limits: the Brown corpus is 1960s edited American prose: modern vocabulary (internet, smartphone) is unknown and
 * counts as "rest", and its collocations are not today's. False positives: formulaic genres (legal, recipes,
 * how-tos), famous texts and quotations, idiom-heavy writing, texts polished with writing tools. False negatives:
 * paraphrased text, text sampled at high temperature, and modern models whose favourite collocations Brown lacks.
 */

import type { Abstention, Doc, Signal, SignalResult } from '../types';
import lmEn from '../../../assets/lm-en.json';
import lmFr from '../../../assets/lm-fr.json';
import lmFrNext from '../../../assets/lm-fr-next.json';

/** A word counts as "predictable after the previous word" when its conditional rank is below this (GLTR's top-100
 * bucket; the table keeps at most 100 successors per word, so 10..100 are the meaningful values). */
export const TOP_RANK = 100;
/** Below this many words the signal abstains (the raw value's spread on shorter texts swamps the effect). */
export const MIN_WORDS = 60;
/** A sentence gets a value only when at least this many of its words have a previous word with a successor list. */
export const MIN_SENTENCE_WORDS = 4;

export interface LmTable {
  lang: string;
  source: string;
  licence: string;
  /** Space-separated words in frequency order (index = unigram rank). */
  vocab: string;
  /** next[r]: unigram ranks of the likeliest successors of word r, likeliest first (lm-en.json only; the French
   * successors are in lm-fr-next.json). */
  next?: number[][];
  /** expect[k][prevBin][wordBin]: share of held-out human words with conditional rank < 10^(k+1). */
  expect?: number[][][];
}

export const LM_TABLES: Record<'en' | 'fr', LmTable> = { en: lmEn, fr: lmFr };

/** The successor tables: English = the Brown table the signal measures with (lm-en.json), French = the table fitted
 * on French human texts that the word view reads (lm-fr-next.json, over lm-fr.json's vocabulary; `npm run
 * build:style`; the signal abstains in French). */
export const SUCCESSOR_TABLES: Record<'en' | 'fr', WordPredictabilityModel & { source: string; licence: string }> = {
  en: lmEn as WordPredictabilityModel & LmTable,
  fr: lmFrNext as WordPredictabilityModel & { source: string; licence: string },
};

/** A fitted successor table over the vocabulary of LM_TABLES[lang] (the French one is trained on French human
 * running text: src/eval/train/word-predictability.ts). */
export interface WordPredictabilityModel {
  lang: 'en' | 'fr';
  /** Words the unigram list lacks, spliced into it in this order: [rank, word] puts word at that rank (the words
   * from that rank on move down one). The French lists omit one-letter words (à, a, y). */
  insert?: [number, string][];
  /** next[r]: vocab ranks of the likeliest successors of word r, likeliest first (at most 100, no repeats). */
  next: number[][];
  /** expect[k][prevBin][wordBin]: share of held-out human words with conditional rank < 10^(k+1). */
  expect: number[][][];
}

interface Model {
  rank: Map<string, number>;
  size: number;
  /** next[prev]: the shipped successor list of prev (position = index; lists hold no repeats, at most 100 ids),
   * read as shipped: no per-entry work at first use. */
  next: readonly (readonly number[])[];
  /** top100[prevBin][wordBin]: does human prose usually land in the top 100 here? */
  top100?: boolean[][];
}

type Vocab = { rank: Map<string, number>; size: number };
const vocabs = new Map<string, Vocab>();
const models = new WeakMap<object, Model>();

function vocabFrom(words: readonly string[]): Vocab {
  const rank = new Map<string, number>();
  words.forEach((w, i) => rank.set(w, i));
  return { rank, size: words.length };
}

/** The vocabulary of LM_TABLES[lang], with `insert` spliced in (a model's own additions). */
function vocabOf(lang: 'en' | 'fr', insert?: readonly (readonly [number, string])[]): Vocab {
  if (insert?.length) {
    const words = LM_TABLES[lang].vocab.split(' ');
    for (const [r, w] of insert) words.splice(r, 0, w);
    return vocabFrom(words);
  }
  let v = vocabs.get(lang);
  if (!v) vocabs.set(lang, (v = vocabFrom(LM_TABLES[lang].vocab.split(' '))));
  return v;
}

/** The runtime model of a table (the shipped LmTable, or a fitted WordPredictabilityModel of that language). */
function modelOf(lang: 'en' | 'fr', t: Pick<WordPredictabilityModel, 'insert'> & Pick<LmTable, 'next' | 'expect'>): Model {
  let m = models.get(t);
  if (m) return m;
  const { rank, size } = vocabOf(lang, t.insert);
  const top100 = t.expect?.[1]!.map((row) => row.map((share) => share >= 0.5));
  m = { rank, size, next: t.next ?? [], top100 };
  models.set(t, m);
  return m;
}

/** Word -> unigram rank in LM_TABLES[lang] with `insert` spliced in (the vocabulary a model indexes), and its size. */
export function vocabRank(lang: 'en' | 'fr', insert?: readonly (readonly [number, string])[]): { rank: ReadonlyMap<string, number>; size: number } {
  return vocabOf(lang, insert);
}

function model(lang: 'en' | 'fr'): Model {
  return modelOf(lang, SUCCESSOR_TABLES[lang]);
}

const bin = (rank: number) => Math.floor(Math.log2(1 + rank));
export const bucketOf = (rank: number): 0 | 1 | 2 | 3 => (rank < 10 ? 0 : rank < 100 ? 1 : rank < 1000 ? 2 : 3);

export interface WordRank {
  bucket: 0 | 1 | 2 | 3;
  rank?: number;
}

interface Scored extends WordRank {
  /** Observed in top 100 minus expected (1/0), when the previous word has a successor list. */
  excess?: number;
}

function score(doc: Doc, m: Model): Scored[] {
  const words = doc.words;
  const out = new Array<Scored>(words.length);
  for (let i = 0; i < words.length; i++) {
    const u = m.rank.get(words[i]!.lower);
    const p = i > 0 && words[i - 1]!.sentence === words[i]!.sentence ? m.rank.get(words[i - 1]!.lower) : undefined;
    const list = p === undefined ? undefined : m.next[p];
    const n = list?.length ?? 0;
    if (p === undefined || n === 0 || !m.top100) {
      out[i] = u === undefined ? { bucket: 3 } : { bucket: bucketOf(u), rank: u };
      continue;
    }
    const at = u === undefined ? -1 : list!.indexOf(u);
    const pos = at < 0 ? undefined : at;
    const c = pos ?? (u === undefined ? undefined : n + u);
    const row = m.top100[Math.min(bin(p), m.top100.length - 1)];
    const expected = row![Math.min(bin(u ?? m.size), row!.length - 1)] ? 1 : 0;
    const observed = c !== undefined && c < TOP_RANK ? 1 : 0;
    out[i] = c === undefined ? { bucket: 3, excess: observed - expected } : { bucket: bucketOf(c), rank: c, excess: observed - expected };
  }
  return out;
}

/** GLTR-style rank bucket of every word of `doc` (index = Doc.words index), for the analysis page's word view.
 * English and French: rank after the previous word when known, else unigram rank; other languages: bucket 3 without
 * rank. */
export function wordRanks(doc: Doc): WordRank[] {
  if (doc.lang !== 'en' && doc.lang !== 'fr') return doc.words.map(() => ({ bucket: 3 }));
  return score(doc, model(doc.lang)).map(({ bucket, rank }) => (rank === undefined ? { bucket } : { bucket, rank }));
}

/** Measure `doc` with a table of its language: the shipped English one, or any fitted model (the evaluation fits
 * one per fold). `details.frenchTable` = 1 when the table is a French one (the evidence names its source). */
export function computeWith(doc: Doc, table: WordPredictabilityModel): SignalResult | Abstention {
  if (doc.lang !== table.lang) return { abstained: true, code: 'language', params: { lang: doc.lang } };
  if (doc.words.length < MIN_WORDS) return { abstained: true, code: 'too-short', params: { words: doc.words.length, needed: MIN_WORDS } };
  const scored = score(doc, modelOf(table.lang, table));
  let n = 0;
  let excess = 0;
  let top = 0;
  let top10 = 0;
  const sums = new Array<number>(doc.sentences.length).fill(0);
  const counts = new Array<number>(doc.sentences.length).fill(0);
  scored.forEach((s, i) => {
    if (s.excess === undefined) return;
    n++;
    excess += s.excess;
    if (s.bucket <= 1) top++;
    if (s.bucket === 0) top10++;
    const si = doc.words[i]!.sentence;
    sums[si]! += s.excess;
    counts[si]!++;
  });
  if (n < MIN_WORDS / 2) return { abstained: true, code: 'too-short', params: { words: n, needed: MIN_WORDS / 2 } };
  const raw = excess / n;
  const sentences = sums.map((s, i) => (counts[i]! >= MIN_SENTENCE_WORDS ? s / counts[i]! : undefined));
  const details: Record<string, number> = { scored: n, top100Share: top / n, expectedShare: top / n - raw, top10Share: top10 / n, excess: raw };
  if (table.lang === 'fr') details.frenchTable = 1;
  return { raw, sentences, details };
}

/** English only: French abstains (see the header: its table measures genre more than predictability). */
function compute(doc: Doc): SignalResult | Abstention {
  if (doc.lang !== 'en') return { abstained: true, code: 'language', params: { lang: doc.lang } };
  return computeWith(doc, SUCCESSOR_TABLES.en);
}

const wordPredictability: Signal = {
  id: 'word-predictability',
  languages: ['en'],
  minWords: MIN_WORDS,
  compute,
};

export default wordPredictability;
