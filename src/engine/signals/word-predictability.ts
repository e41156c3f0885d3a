/**
 * word-predictability — how often words are among the likeliest next words, beyond what their frequency predicts.
 *
 * What it measures (English): with a bigram table built from the Brown corpus (human prose; assets/lm-en.json,
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
 * French: the only human French data we can ship are unigram frequency lists (assets/lm-fr.json), and a unigram
 * score measures vocabulary level and nothing else — the very bias above. So `compute` abstains ('language') for
 * French, while `wordRanks` still gives the unigram GLTR view of French text for the analysis page.
 * API: default export (the Signal); `wordRanks(doc)` — one `{bucket, rank?}` per Doc.words entry (bucket 0 = top 10,
 * 1 = top 100, 2 = top 1000, 3 = rest or unknown; rank = conditional rank when the previous word has a successor
 * list, else the unigram rank); `LM_TABLES` (the loaded tables with their `source` and `licence`).
 * Constants: TOP_RANK, MIN_WORDS, MIN_SENTENCE_WORDS (below); table sizes in scripts/build-lm.ts.
 * Limits: the Brown corpus is 1960s edited American prose: modern vocabulary (internet, smartphone) is unknown and
 * counts as "rest", and its collocations are not today's. False positives: formulaic genres (legal, recipes,
 * how-tos), famous texts and quotations, idiom-heavy writing, texts polished with writing tools. False negatives:
 * paraphrased text, text sampled at high temperature, and modern models whose favourite collocations Brown lacks.
 */

import type { Abstention, Doc, Signal, SignalResult } from '../types';
import lmEn from '../../../assets/lm-en.json';
import lmFr from '../../../assets/lm-fr.json';

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
  /** next[r]: unigram ranks of the likeliest successors of word r, likeliest first (English only). */
  next?: number[][];
  /** expect[k][prevBin][wordBin]: share of held-out human words with conditional rank < 10^(k+1). */
  expect?: number[][][];
}

export const LM_TABLES: Record<'en' | 'fr', LmTable> = { en: lmEn, fr: lmFr };

interface Model {
  rank: Map<string, number>;
  size: number;
  /** next[prev]: the shipped successor list of prev (position = index; lists hold no repeats, at most 100 ids),
   * read as shipped: no per-entry work at first use. */
  next: readonly (readonly number[])[];
  /** top100[prevBin][wordBin]: does human prose usually land in the top 100 here? */
  top100?: boolean[][];
}

const models = new Map<string, Model>();

function model(lang: 'en' | 'fr'): Model {
  let m = models.get(lang);
  if (m) return m;
  const t = LM_TABLES[lang];
  const words = t.vocab.split(' ');
  const rank = new Map<string, number>();
  words.forEach((w, i) => rank.set(w, i));
  const top100 = t.expect?.[1]!.map((row) => row.map((share) => share >= 0.5));
  m = { rank, size: words.length, next: t.next ?? [], top100 };
  models.set(lang, m);
  return m;
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

function score(doc: Doc, lang: 'en' | 'fr'): Scored[] {
  const m = model(lang);
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
 * English: rank after the previous word when known, else unigram rank; French: unigram rank; other languages:
 * bucket 3 without rank. */
export function wordRanks(doc: Doc): WordRank[] {
  if (doc.lang !== 'en' && doc.lang !== 'fr') return doc.words.map(() => ({ bucket: 3 }));
  return score(doc, doc.lang).map(({ bucket, rank }) => (rank === undefined ? { bucket } : { bucket, rank }));
}

function compute(doc: Doc): SignalResult | Abstention {
  if (doc.lang !== 'en') return { abstained: true, code: 'language', params: { lang: doc.lang } };
  if (doc.words.length < MIN_WORDS) return { abstained: true, code: 'too-short', params: { words: doc.words.length, needed: MIN_WORDS } };
  const scored = score(doc, 'en');
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
  return { raw, sentences, details: { scored: n, top100Share: top / n, expectedShare: top / n - raw, top10Share: top10 / n, excess: raw } };
}

const wordPredictability: Signal = {
  id: 'word-predictability',
  languages: ['en'],
  minWords: MIN_WORDS,
  compute,
};

export default wordPredictability;
