/**
 * reference — the shape of the human reference the engine calibrates against (assets/reference.json, written by
 * `npm run calibrate`; the leave-one-source-out protocol builds the same object in memory for each fold with the
 * same function, src/eval/fit-engine.ts).
 *
 * What it holds, per language, as figures only (no text): every human reference text's register, each signal's raw
 * value, its KIND (a kind of human writing: one source and domain, e.g. English learners' essays, or one Brown-corpus
 * genre) and its combined value; each kind's count, register centroid and spread; the register scales; quantiles of
 * per-sentence values over human reference sentences; and, for the whole file, the counted signals, the flag
 * threshold, the length gate the references were taken at, the method and the sources, named.
 * Limits: a kind of writing that is in none of the sources (legal, religious, administrative text...) is compared
 * with the nearest kinds there are, which the explanation names.
 */

/** One kind of human writing (a source and domain, or a Brown-corpus genre) with enough reference texts. */
export interface KindInfo {
  /** Stable id, e.g. 'ellipse', 'l2r', 'm4:wikihow', 'brown:learned' (words in src/engine/explain/kinds.ts). */
  id: string;
  /** Reference texts of this kind (with a combined value). */
  n: number;
  /** Mean register of its texts (src/engine/score/register.ts). */
  centroid: number[];
  /** Standard deviation of its texts' combined values (floored): the scale of the tails beyond its range. */
  spread: number;
}

/** One human reference text, as figures only. */
export interface ReferenceText {
  /** Register: [mean word length, first-person words per 10 words, contractions per 10 words]. */
  reg: number[];
  /** Raw value of each signal that measured it (the counted ones and those shown only). */
  raw: Record<string, number>;
  /** Index into LangReference.kinds, or -1 when its kind has too few texts to stand on its own. */
  kind: number;
  /** Combined value over the counted signals, placed among its own nearest references (itself left out). */
  c: number;
}

/** Where a sentence stands: its own value on one signal, blended with its document's stated percentile. */
export interface SentenceReference {
  /** The signal whose per-sentence values place a sentence ('style-lr'). */
  signal: string;
  /** Quantiles (evenly spaced probabilities 0..1) of that signal's values over human reference sentences. */
  values: number[];
  /** Quantiles of the blended sentence value over the same sentences (their documents' stated percentiles taken
   * with each document's own source left out, as a new text's would be). */
  blended: number[];
}

export interface LangReference {
  /** Human reference texts and sentences behind the figures. */
  texts: number;
  sentences: number;
  /** How many register-nearest reference texts each signal's percentile is taken among. */
  neighbours: number;
  /** How many register-nearest kinds the stated percentile is taken over (the minimum over them). */
  compared: number;
  /** Spread of each register figure over the references, to scale distances. */
  registerScale: number[];
  kinds: KindInfo[];
  refs: ReferenceText[];
  /** Quantiles of per-sentence values over human reference sentences, per signal that has them (sentence reasons). */
  sentenceGrids: Record<string, number[]>;
  /** Sentence levels; absent when the sentence signal is missing (then no sentence is placed). */
  sentence?: SentenceReference;
}

export interface Reference {
  version: 2;
  /** Where the figures come from, with the sources named. */
  source: string;
  /** How they were computed, in one paragraph. */
  method: string;
  generated: string;
  /** Length gate (words) the reference texts were taken at. */
  gate: number;
  /** Signals counted in the combination, each with the same weight; every other signal is shown only. */
  counted: string[];
  /** Default flag: stated percentile at or above which a text is "worth a closer look". */
  threshold: number;
  langs: Record<string, LangReference>;
  /** Human writing the reference was checked against as if unseen (kinds.ts `shownPercentile`): per human source
   * and language with at least HELD_OUT_MIN_TEXTS texts, the sorted log-odds of its texts' stated percentiles when
   * that source was left out of the reference. Absent in older references (the stated percentile is then shown). */
  heldOut?: HeldOutGroup[];
}

/** One human source scored as unseen writing (fit-engine.ts, the inner leave-one-source-out). */
export interface HeldOutGroup {
  /** The source's id (sources.ts) and language. */
  source: string;
  lang: string;
  /** Its texts' stated percentiles in log-odds, sorted ascending, 4 decimals. */
  values: number[];
}
