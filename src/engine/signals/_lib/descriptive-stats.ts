/**
 * descriptive-stats — small pure helpers shared by the burstiness, lexical-diversity, repetition and function-words
 * signals: mean, standard deviation, coefficient of variation, Simpson's repeat index, and the common abstention
 * checks. (Their words live in src/engine/explain/.)
 *
 * All functions are O(n), allocation-free where possible, and never throw: an empty input gives NaN (mean, sd) or 0
 * (cv, simpson), and callers abstain before that can matter.
 */
import type { Abstention, Doc, SupportedLang } from '../../types';

export function mean(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return s / xs.length;
}

/** Population standard deviation (divides by n): the texts are the whole population we describe. */
export function sd(xs: ArrayLike<number>): number {
  const m = mean(xs);
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += (xs[i]! - m) ** 2;
  return Math.sqrt(s / xs.length);
}

/** Coefficient of variation sd/mean; 0 when the mean is 0 or there is nothing to measure. */
export function cv(xs: ArrayLike<number>): number {
  if (xs.length === 0) return 0;
  const m = mean(xs);
  return m > 0 ? sd(xs) / m : 0;
}

/** Simpson's index: the chance that two different items drawn at random have the same key (0..1). It does not grow
 * with the number of items, unlike a count of repeats. */
export function simpson(keys: readonly (string | number)[]): number {
  const n = keys.length;
  if (n < 2) return 0;
  const counts = new Map<string | number, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  let s = 0;
  for (const c of counts.values()) s += c * (c - 1);
  return s / (n * (n - 1));
}

export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/** Number of sentences that contain at least one word. */
export function countWordySentences(doc: Doc): number {
  let n = 0;
  for (const s of doc.sentences) if (s.wordCount > 0) n++;
  return n;
}

export interface AbstainRules {
  languages: readonly SupportedLang[] | 'any';
  minWords: number;
  minSentences?: number;
}

/** The common "don't know" checks, in order: language, length in words, number of sentences. */
export function checkAbstain(doc: Doc, rules: AbstainRules): Abstention | undefined {
  if (rules.languages !== 'any') {
    if (doc.lang === 'und') return { abstained: true, code: 'undetermined-language' };
    if (!(rules.languages as readonly string[]).includes(doc.lang)) return { abstained: true, code: 'language', params: { lang: doc.lang } };
  }
  if (doc.words.length === 0) return { abstained: true, code: 'no-text' };
  if (doc.words.length < rules.minWords) return { abstained: true, code: 'too-short', params: { words: doc.words.length, needed: rules.minWords } };
  if (rules.minSentences !== undefined) {
    const n = countWordySentences(doc);
    if (n < rules.minSentences) return { abstained: true, code: 'too-few-sentences', params: { sentences: n, needed: rules.minSentences } };
  }
  return undefined;
}
