/**
 * function-words — how steady the grammatical texture is: punctuation repertoire and function-word density.
 *
 * What it measures, two parts:
 * - marks: the share of sentences that use any punctuation beyond commas and full stops (; : ( ) ? ! or quotation
 *   marks). Human writers reach for asides, questions, exclamations, quotations and lists; the prose of 2023-era
 *   models keeps mostly to commas and full stops. Typography is folded away before (src/engine/text/normalise.ts): the
 *   signal counts whether a mark is used, never which glyph (curly or straight quotes, dash styles play no part, and
 *   dashes are not counted at all).
 * - steadiness: the standard deviation of the function-word rate over windows of FW_WINDOW words (step FW_STEP).
 *   Function words (determiners, pronouns, prepositions, conjunctions, auxiliaries) come from
 *   assets/function-words.json, derived from the compromise 14.17.0 and fr-compromise 0.2.8 lexicons (MIT) by
 *   scripts/build-function-words.ts: a table look-up per word, no tagging at run time. Human text moves between
 *   dense, noun-heavy passages and chatty, pronoun-heavy ones; machine text keeps a steadier mix.
 * Raw: `1 - (W_MARKS * marks / MARKS_SCALE + W_FW * fwSd / FW_SCALE)`, higher = fewer marks and a steadier
 * function-word mix = closer to the machine-typical profile. Units: 1 minus a sum of ratios to typical human spreads;
 * in practice -1.5..1 (dev-set human median ~0.1 in English, ~0.25 in French).
 * Why this and not the rates themselves: on the dev set, the rate of each function-word class (determiners,
 * pronouns, prepositions, conjunctions, auxiliaries) and a distance to a human "centroid" profile point one way in
 * some domains and the other way in others when one domain is left out, which is what theory predicts (rates follow
 * genre and topic first). The repertoire of punctuation and the steadiness of the mix held their direction in every
 * domain left out. The weights are a priori (equal halves), not fitted.
 * Per sentence (>= MIN_SENTENCE_WORDS words): 0.5 if the sentence uses no mark beyond commas and full stops, plus
 * 0.5 × (1 - |its function-word rate - the text's| / 0.25), clamped to 0..1.
 * When to use: English and French prose of at least MIN_WORDS words and MIN_SENTENCES sentences.
 * Constants: see below.
 * Limits: plain expository genres (encyclopaedia articles, reports, abstracts, legal and administrative text, news
 * in brief) use few questions, asides or quotations and score high whatever their author; so do texts by learners
 * and non-native writers who keep to simple punctuation (Liang et al. 2023). Conversational text, dialogue and
 * quotations score low. A text whose punctuation was lost (speech transcripts, some scraped pages) scores high.
 * The function-word lists are the lexicons' closed classes plus a few additions: they miss rare function words.
 */
import type { Abstention, Doc, Signal, SignalResult, SupportedLang } from '../types';
import table from '../../../assets/function-words.json';
import { checkAbstain, clamp, mean, sd } from './_lib/descriptive-stats';

/** Below this many words: abstain (three windows of FW_WINDOW words at FW_STEP). Range 100..200. */
export const MIN_WORDS = 100;
/** Below this many sentences (with words): abstain; the marks share needs several sentences. Range 5..10. */
export const MIN_SENTENCES = 5;
/** Window and step of the function-word rate, in words. About two or three sentences. Ranges 30..100, 10..50. */
export const FW_WINDOW = 50;
export const FW_STEP = 25;
/** Typical human spreads (dev-set human medians, rounded): share of sentences with marks, sd of the rate. */
export const MARKS_SCALE = 0.3;
export const FW_SCALE = 0.06;
/** Weights of the two parts; equal a priori. */
export const W_MARKS = 0.5;
export const W_FW = 0.5;
/** Sentences shorter than this get no per-sentence value (a rate over 3 words means little). */
export const MIN_SENTENCE_WORDS = 5;
/** Typical human figures for the explanation (dev-set medians, derived figures). */
export const TYPICAL_MARKS: Record<SupportedLang, number> = { en: 0.26, fr: 0.15 };

const LANGS = ['en', 'fr'] as const;
type FwClass = 'determiner' | 'pronoun' | 'preposition' | 'conjunction' | 'auxiliary';
const TABLES: Record<SupportedLang, Record<string, string>> = {
  en: (table as { en: Record<string, string> }).en,
  fr: (table as { fr: Record<string, string> }).fr,
};
const CLASSES: readonly FwClass[] = ['determiner', 'pronoun', 'preposition', 'conjunction', 'auxiliary'];

// ; : ( ) ? ! "
const MARKS = new Set([59, 58, 40, 41, 63, 33, 34]);

/** Function-word class of a lower-cased word ("l'" and "qu'" are looked up without their apostrophe). */
function classOf(lower: string, t: Record<string, string>): string | undefined {
  const key = lower.charCodeAt(lower.length - 1) === 39 ? lower.slice(0, -1) : lower;
  return Object.hasOwn(t, key) ? t[key] : undefined;
}

function compute(doc: Doc): SignalResult | Abstention {
  const no = checkAbstain(doc, { languages: LANGS, minWords: MIN_WORDS, minSentences: MIN_SENTENCES });
  if (no) return no;
  const t = TABLES[doc.lang as SupportedLang];
  const n = doc.words.length;
  const isFw = new Uint8Array(n);
  const perClass = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const c = classOf(doc.words[i]!.lower, t);
    if (c) {
      isFw[i] = 1;
      perClass.set(c, (perClass.get(c) ?? 0) + 1);
    }
  }
  const prefix = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i]! + isFw[i]!;
  const fwRate = prefix[n]! / n;
  const rates: number[] = [];
  for (let st = 0; st + FW_WINDOW <= n; st += FW_STEP) rates.push((prefix[st + FW_WINDOW]! - prefix[st]!) / FW_WINDOW);
  const fwSd = sd(rates);

  let marked = 0;
  let measured = 0;
  const sentences = doc.sentences.map((s) => {
    if (s.wordCount === 0) return undefined;
    let has = false;
    for (let i = s.start; i < s.end && !has; i++) has = MARKS.has(doc.norm.charCodeAt(i));
    measured++;
    if (has) marked++;
    if (s.wordCount < MIN_SENTENCE_WORDS) return undefined;
    const rate = (prefix[s.firstWord + s.wordCount]! - prefix[s.firstWord]!) / s.wordCount;
    return clamp((has ? 0 : 0.5) + 0.5 * (1 - Math.abs(rate - fwRate) / 0.25), 0, 1);
  });
  const marks = marked / measured;
  const raw = 1 - (W_MARKS * (marks / MARKS_SCALE) + W_FW * (fwSd / FW_SCALE));
  const details: Record<string, number> = {
    marks,
    markedSentences: marked,
    sentences: measured,
    fwSd,
    fwRate,
    fwMin: rates.reduce((a, b) => Math.min(a, b)),
    fwMax: rates.reduce((a, b) => Math.max(a, b)),
    typicalMarks: TYPICAL_MARKS[doc.lang as SupportedLang],
  };
  for (const c of CLASSES) details[c] = (perClass.get(c) ?? 0) / n;
  details.meanWindowRate = mean(rates);
  return { raw, sentences, details };
}

const functionWords: Signal = {
  id: 'function-words',
  languages: LANGS,
  minWords: MIN_WORDS,
  compute,
};

export default functionWords;
