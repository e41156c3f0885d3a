/**
 * lexical-diversity — how varied the vocabulary is, measured in a length-robust way (MATTR).
 *
 * What it measures: the moving-average type-token ratio (Covington & McFall 2010): the share of distinct words in
 * every window of WINDOW consecutive words, averaged over all windows. Unlike a plain type-token ratio it does not
 * fall as a text gets longer, so short and long texts are comparable. Words are the lower-cased words of the Doc
 * (French elisions such as l' and d' count as words). Raw: `1 - MATTR`, so higher = LESS diverse = more repetitive
 * vocabulary. Units: a share, in practice 0.10..0.35 (dev set: human median ~0.20 in English and in French).
 * Per sentence: `1 - TTR` of the window centred on the sentence's middle word.
 * When to use: English and French prose of at least MIN_WORDS words. Shown for information: see the warning below.
 *
 * WARNING, orientation is NOT stable across domains. The orientation is fixed (less diverse = higher) and documented,
 * but on the dev set (AUROC of `raw`, machine = positive) it points the right way in some domains and the wrong way
 * in others: reddit_eli5 0.88, wikihow 0.74, wikipedia 0.69, news_xsum 0.67, fr/wiki_edu 0.66, story 0.57, but
 * cs224n 0.48, arxiv 0.44 and en/wiki_edu 0.32. Machine text of 2023-era models is less varied than casual human
 * writing and MORE varied than careful human expository writing. Variants (window 25/100, MTLD, content words only,
 * crude stems) flip the same way. The combiner should therefore give this signal weight 0 (show it for
 * information only); its figure is still useful evidence in words ("the vocabulary repeats more than usual").
 *
 * Constants: MIN_WORDS, WINDOW, TYPICAL_HUMAN (below).
 * Limits: lexical diversity penalises learners and non-native writers, children's and plain-language texts, and
 * anyone writing on a narrow topic (a recipe repeats its ingredients, a legal text its defined terms): low diversity
 * is NOT evidence of machine text by itself (Liang et al. 2023). Texts with many names or numbers look more diverse.
 * Conversely, rich vocabulary is not evidence of a human writer.
 */
import type { Abstention, Doc, Signal, SignalResult, SupportedLang } from '../types';
import { checkAbstain } from './_lib/descriptive-stats';

/** Window of the moving-average type-token ratio, in words. 50 is the usual choice for short texts (Covington &
 * McFall used 500 for long ones; a 50-word window keeps texts of 100 words measurable). Range 25..100. */
export const WINDOW = 50;
/** Below this many words: abstain (two windows' worth, so that at least WINDOW+1 windows are averaged). */
export const MIN_WORDS = 100;
/** Median MATTR of the human texts of the dev set, per language (a derived figure, for the explanation only;
 * calibrated percentiles from src/score take precedence when given). */
export const TYPICAL_HUMAN: Record<SupportedLang, number> = { en: 0.8, fr: 0.8 };

const LANGS = ['en', 'fr'] as const;

/** Distinct-word share of each window of `w` words: out[i] = types in ids[i .. i+w) / w. O(n). */
export function windowTtr(ids: Int32Array, w: number, types: number): Float64Array {
  const n = ids.length;
  const out = new Float64Array(Math.max(0, n - w + 1));
  if (n < w) return out;
  const counts = new Int32Array(types);
  let distinct = 0;
  for (let i = 0; i < n; i++) {
    if (counts[ids[i]!]!++ === 0) distinct++;
    if (i >= w && --counts[ids[i - w]!]! === 0) distinct--;
    if (i >= w - 1) out[i - w + 1] = distinct / w;
  }
  return out;
}

function compute(doc: Doc): SignalResult | Abstention {
  const no = checkAbstain(doc, { languages: LANGS, minWords: MIN_WORDS });
  if (no) return no;
  const vocab = new Map<string, number>();
  const ids = new Int32Array(doc.words.length);
  doc.words.forEach((w, i) => {
    let id = vocab.get(w.lower);
    if (id === undefined) vocab.set(w.lower, (id = vocab.size));
    ids[i] = id;
  });
  const ttr = windowTtr(ids, WINDOW, vocab.size);
  let sum = 0;
  for (let i = 0; i < ttr.length; i++) sum += ttr[i]!;
  const mattr = sum / ttr.length;
  const last = ttr.length - 1;
  const sentences = doc.sentences.map((s) => {
    if (s.wordCount === 0) return undefined;
    const mid = s.firstWord + (s.wordCount >> 1);
    const start = Math.min(last, Math.max(0, mid - (WINDOW >> 1)));
    return 1 - ttr[start]!;
  });
  return {
    raw: 1 - mattr,
    sentences,
    details: { mattr, window: WINDOW, words: doc.words.length, typicalHuman: TYPICAL_HUMAN[doc.lang as SupportedLang] },
  };
}

const lexicalDiversity: Signal = {
  id: 'lexical-diversity',
  languages: LANGS,
  minWords: MIN_WORDS,
  compute,
};

export default lexicalDiversity;
