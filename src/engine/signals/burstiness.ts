/**
 * burstiness — how much sentence length and sentence shape vary across a text.
 *
 * What it measures: the coefficient of variation (sd / mean) of sentence lengths in words (`cvLength`) and of the
 * number of clause marks per sentence plus one (`cvShape`; clause marks are , ; : and opening parentheses, a cheap
 * stand-in for clause count). Human prose tends to alternate short and long, simple and complex sentences; the prose
 * of 2023-era language models is more even. Raw: `1 - (W_LENGTH * cvLength + W_SHAPE * cvShape)`, so higher = more
 * uniform = more predictable. Units: 1 minus a coefficient of variation; in practice -0.2..0.8 (dev set: human
 * median ~0.51 in English and French, i.e. a combined variation of ~0.49). Language-independent: it reads only
 * words and punctuation.
 * Per sentence: `1 - |len - local| / local`, clamped to 0..1, where `local` is the mean length of the sentence and
 * its LOCAL_RADIUS neighbours on each side: 1 for a sentence as long as its neighbours, lower for a sentence that
 * breaks the rhythm.
 * When to use: running prose of at least MIN_WORDS words and MIN_SENTENCES sentences (below that: abstain).
 * Constants: MIN_WORDS, MIN_SENTENCES, W_LENGTH, W_SHAPE, LOCAL_RADIUS, TYPICAL_HUMAN_CV (below).
 * Limits: a uniform rhythm is a style, not an author. False positives: formulaic genres (abstracts, how-to steps,
 * product descriptions), lists and bullet points turned into sentences, legal and administrative text, children's
 * books and texts for learners, and non-native writers who keep to short plain sentences (Liang et al. 2023): such
 * texts can score high on their own. False negatives: edited or prompted machine text ("vary your sentences").
 * Sentence splitting on unpunctuated text (chat, poetry, headings) makes the figure meaningless. Dev-set checks:
 * AUROC 0.63 (wikihow) to 0.90 per domain, no direction flip; it is one signal among several.
 */
import type { Abstention, Doc, Signal, SignalResult } from '../types';
import { checkAbstain, clamp, cv, mean } from './_lib/descriptive-stats';

/** Below this many words: abstain. A coefficient of variation over fewer than ~5 sentences is noise. Range 60..150. */
export const MIN_WORDS = 80;
/** Below this many sentences (with words): abstain. Range 5..10. */
export const MIN_SENTENCES = 5;
/** Weight of the length variation. Length is the classic burstiness measure and the stronger part; shape adds a
 * little (weights chosen a priori as 3:1, the dev set agreed within ±0.01 AUROC for 2:1..4:1). Sum = 1. */
export const W_LENGTH = 0.75;
/** Weight of the shape (clause-mark) variation. */
export const W_SHAPE = 0.25;
/** Neighbours on each side that define a sentence's local typical length (per-sentence values). Range 1..5. */
export const LOCAL_RADIUS = 2;
/** Median combined variation of the human texts of the dev set (a derived figure, for the explanation only;
 * calibrated percentiles from src/score take precedence when given). */
export const TYPICAL_HUMAN_CV = 0.49;

const COMMA = 44; // ,
const SEMICOLON = 59; // ;
const COLON = 58; // :
const LPAREN = 40; // (

function compute(doc: Doc): SignalResult | Abstention {
  const no = checkAbstain(doc, { languages: 'any', minWords: MIN_WORDS, minSentences: MIN_SENTENCES });
  if (no) return no;
  const lengths: number[] = [];
  const shapes: number[] = [];
  const index: number[] = []; // sentence index of each measured sentence
  for (const s of doc.sentences) {
    if (s.wordCount === 0) continue;
    let marks = 0;
    for (let i = s.start; i < s.end; i++) {
      const c = doc.norm.charCodeAt(i);
      if (c === COMMA || c === SEMICOLON || c === COLON || c === LPAREN) marks++;
    }
    lengths.push(s.wordCount);
    shapes.push(marks + 1);
    index.push(s.index);
  }
  const cvLength = cv(lengths);
  const cvShape = cv(shapes);
  const variation = W_LENGTH * cvLength + W_SHAPE * cvShape;

  const sentences = new Array<number | undefined>(doc.sentences.length).fill(undefined);
  // local mean by a running sum over a window of 2*LOCAL_RADIUS+1 measured sentences: O(sentences)
  const n = lengths.length;
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i]! + lengths[i]!;
  for (let i = 0; i < n; i++) {
    const lo = Math.max(0, i - LOCAL_RADIUS);
    const hi = Math.min(n, i + LOCAL_RADIUS + 1);
    const local = (prefix[hi]! - prefix[lo]!) / (hi - lo);
    sentences[index[i]!] = clamp(1 - Math.abs(lengths[i]! - local) / local, 0, 1);
  }
  return {
    raw: 1 - variation,
    sentences,
    details: {
      variation,
      cvLength,
      cvShape,
      meanLength: mean(lengths),
      shortest: lengths.reduce((a, b) => Math.min(a, b)),
      longest: lengths.reduce((a, b) => Math.max(a, b)),
      sentences: n,
      typicalHuman: TYPICAL_HUMAN_CV,
    },
  };
}

const burstiness: Signal = {
  id: 'burstiness',
  languages: 'any',
  minWords: MIN_WORDS,
  compute,
};

export default burstiness;
