/**
 * sentence-pairs — how often a sentence is about as long as the one before it.
 *
 * What it measures: the share of consecutive sentence pairs (sentences with words, in reading order) whose lengths
 * differ by at most NEAR_WORDS words. `burstiness` measures how much sentence lengths spread over a whole text; this
 * looks at neighbours: a text that keeps one rhythm from sentence to sentence has many matching pairs, one that
 * alternates short and long has few. Raw: that share, so higher = more even from one sentence to the next = more
 * predictable (direction fixed once on the pooled data of the leave-one-source-out protocol). Units: a share, 0..1
 * (dev sets, texts of 150 words or more: human median 0.21, machine 0.25). Language-independent: it reads only
 * sentence lengths.
 * Per sentence: 1 when the sentence's length is within NEAR_WORDS of the sentence before it or after it, else 0;
 * undefined for a sentence without words.
 * When to use: running prose of at least MIN_WORDS words and MIN_SENTENCES sentences (below that: abstain).
 * Limits: it also follows the spread of lengths (short sentences of a narrow range match more often), so it is not
 * independent of `burstiness`; lists, how-to steps and texts for learners written in short even sentences score
 * high. The lag-1 autocorrelation of log sentence lengths (`details.autocorrelation`), the other candidate for "order,
 * not spread", pointed opposite ways in English and French and was dropped (README, "The signals").
 * Constants: MIN_WORDS, MIN_SENTENCES, NEAR_WORDS.
 * Status: a candidate measured for the README's "The signals" (`npx tsx scripts/signal-auroc.ts --by-source
 * src/eval/candidates/sentence-pairs.ts`; counted in a scratch tree for the protocol), not registered: counted, it
 * lowered the protocol's figures.
 */
import type { Abstention, Doc, Signal, SignalResult } from '../../engine/types';
import { checkAbstain } from '../../engine/signals/_lib/descriptive-stats';

/** Below this many words: abstain (as `burstiness`). */
export const MIN_WORDS = 80;
/** Below this many sentences with words (five pairs): abstain. */
export const MIN_SENTENCES = 6;
/** Two consecutive sentences "match" when their lengths differ by at most this many words. Chosen a priori. */
export const NEAR_WORDS = 3;

/** Lag-1 autocorrelation (lag-1 autocovariance over variance); 0 for a constant series. The other candidate. */
export function lag1(xs: readonly number[]): number {
  const n = xs.length;
  let m = 0;
  for (const x of xs) m += x;
  m /= n;
  let v = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    v += (xs[i]! - m) ** 2;
    if (i > 0) c += (xs[i]! - m) * (xs[i - 1]! - m);
  }
  return v > 0 ? c / v : 0;
}

function compute(doc: Doc): SignalResult | Abstention {
  const no = checkAbstain(doc, { languages: 'any', minWords: MIN_WORDS, minSentences: MIN_SENTENCES });
  if (no) return no;
  const measured = doc.sentences.filter((s) => s.wordCount > 0);
  const sentences = new Array<number | undefined>(doc.sentences.length).fill(undefined);
  const near = (i: number) => Math.abs(measured[i]!.wordCount - measured[i - 1]!.wordCount) <= NEAR_WORDS;
  let nearPairs = 0;
  for (let i = 1; i < measured.length; i++) if (near(i)) nearPairs++;
  measured.forEach((s, i) => {
    sentences[s.index] = (i > 0 && near(i)) || (i + 1 < measured.length && near(i + 1)) ? 1 : 0;
  });
  const pairs = measured.length - 1;
  return { raw: nearPairs / pairs, sentences, details: { nearShare: nearPairs / pairs, nearPairs, pairs, nearWords: NEAR_WORDS, autocorrelation: lag1(measured.map((x) => Math.log(x.wordCount))) } };
}

const sentencePairs: Signal = { id: 'sentence-pairs', languages: 'any', minWords: MIN_WORDS, compute };

export default sentencePairs;
