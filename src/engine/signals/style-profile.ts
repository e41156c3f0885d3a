/**
 * style-profile — a stylometric profile (about 150 typography-free rates) read by a regularised logistic model
 * fitted on paired human and machine texts.
 *
 * What it measures: the profile of src/engine/signals/_lib/profile.ts (rates of the 50 most widespread function
 * words, punctuation per word, sentence- and word-length statistics, word shapes and suffixes, how sentences open,
 * discourse markers, pronouns, negations, lists of three, comma + participle clauses), each feature standardised
 * with the training rows' mean and sd (clipped at +-CLIP), then the linear score of an elastic-net logistic model
 * (machine = 1) shipped in assets/style-profile-<lang>.json (fitted by src/eval/train/style-profile.ts through
 * `npm run build:style`, every (source, label) group weighing the same). Raw = the linear score in log-odds units;
 * higher = the profile looks more like the machine texts of the training sources. In practice -6..+6.
 * Per sentence: the same model on the profile of the sentence and its neighbours (+-WINDOW sentences; sentences of
 * at least MIN_SENTENCE_WORDS words, windows of at least MIN_WINDOW_WORDS words), from the same single pass.
 * Evidence: the features that weigh most in the direction of the score, with the text's value and the median of the
 * human training texts (`details` c1/v1/h1..c3/v3/h3, feature names in `examples`).
 * Choices (measured leave-one-source-out in the project's research, issue 9): paired training (only sources with both
 * labels: adding human-only sources taught genre), K = 50 function words (150 and 300 no better), L2 0.01 + L1 0.01
 * (the L1 part removed a French flip on the 2026-assistant texts), no paragraph features (one-paragraph human texts
 * in several data sets are a collection artefact). Alone, LOSO: pooled AUROC 0.797 English / 0.731 French, worst
 * source the 2026-assistant texts (0.69 / 0.48 — no better than chance in French); sentences 0.70 / 0.64.
 * API: default export (the Signal, shipped tables); `computeWith(doc, model)` for any fitted model (the evaluation
 * fits one per fold); `STYLE_PROFILE_TABLES`; types `StyleProfileModel`, `StyleProfileConfig`.
 * Limits: "machine" means the generators of the training sources (mostly 2023-2024 chat models); formal human
 * registers (abstracts, encyclopaedic articles, dissertations) score high; casual 2026-assistant registers (email,
 * forum, story) score low. Function-word rates follow genre and topic, so a text far from every training genre
 * (lists, code, poetry) gets an unreliable value.
 */
import type { Abstention, Doc, Signal, SignalResult } from '../types';
import profileEn from '../../../assets/style-profile-en.json';
import profileFr from '../../../assets/style-profile-fr.json';
import { profileNames, profilePass, type ProfileConfig } from './_lib/profile';
import { profileOf } from './_lib/profile-vector';
import type { StyleLang } from './_lib/style-tokens';
import { CLIP, MIN_SENTENCE_WORDS, MIN_WINDOW_WORDS, MIN_WORDS, WINDOW, type StyleProfileModel, type StyleProfileTable } from './_lib/style-profile-model';

export { CLIP, MIN_SENTENCE_WORDS, MIN_WINDOW_WORDS, MIN_WORDS, STYLE_PROFILE_DEFAULTS, WINDOW, type StyleProfileConfig, type StyleProfileModel, type StyleProfileTable } from './_lib/style-profile-model';

/** Features named in the evidence. */
export const EVIDENCE_FEATURES = 3;

export const STYLE_PROFILE_TABLES: Record<StyleLang, StyleProfileTable> = {
  en: profileEn as StyleProfileTable,
  fr: profileFr as StyleProfileTable,
};

function abstain(doc: Doc, model: StyleProfileModel): Abstention | undefined {
  if (doc.lang === 'und') return { abstained: true, code: 'undetermined-language' };
  if (doc.lang !== model.lang) return { abstained: true, code: 'language', params: { lang: doc.lang } };
  if (doc.words.length === 0) return { abstained: true, code: 'no-text' };
  if (doc.words.length < MIN_WORDS) return { abstained: true, code: 'too-short', params: { words: doc.words.length, needed: MIN_WORDS } };
  if (model.beta.length === 0) return { abstained: true, code: 'error', params: { reason: 'no training data' } };
  return undefined;
}

/** Standardised, clipped feature j. */
const z = (x: number, m: StyleProfileModel, j: number) => Math.max(-CLIP, Math.min(CLIP, (x - m.mean[j]!) / m.sd[j]!));

const nonZero = new WeakMap<StyleProfileModel, number[]>();
/** Indices of the non-zero coefficients (the L1 penalty zeroes many): the others add exactly nothing. */
function used(m: StyleProfileModel): number[] {
  let u = nonZero.get(m);
  if (!u) nonZero.set(m, (u = m.beta.flatMap((b, j) => (b !== 0 ? [j] : []))));
  return u;
}

function score(x: Float64Array, m: StyleProfileModel): number {
  let s = m.b;
  for (const j of used(m)) s += m.beta[j]! * z(x[j]!, m, j);
  return s;
}

/** Features kept as sqrt(share) are read back as shares, log lengths as lengths; the rest as they are. */
export function naturalValue(name: string, x: number): number {
  if (/^(fw|cls|pr):|^p:[,;:(?!.]$|^misc:(contractions|negation|digits|caps)$/.test(name)) return x * x;
  if (/^sl:log/.test(name)) return Math.exp(x);
  return x;
}

/** The features weighing most in the direction of the score: details c/v/h 1..EVIDENCE_FEATURES and their names. */
function evidence(x: Float64Array, raw: number, m: StyleProfileModel): { details: Record<string, number>; examples: string[] } {
  const dir = raw >= 0 ? 1 : -1;
  const parts = m.beta
    .map((b, j) => ({ j, c: b * z(x[j]!, m, j) }))
    .filter((p) => p.c * dir > 0)
    .sort((a, b) => Math.abs(b.c) - Math.abs(a.c) || a.j - b.j)
    .slice(0, EVIDENCE_FEATURES);
  const details: Record<string, number> = { direction: dir, shown: parts.length };
  const examples: string[] = [];
  parts.forEach((p, i) => {
    const name = m.names[p.j]!;
    examples.push(name);
    details[`c${i + 1}`] = p.c;
    details[`v${i + 1}`] = naturalValue(name, x[p.j]!);
    details[`h${i + 1}`] = naturalValue(name, m.human[p.j] ?? NaN);
  });
  return { details, examples };
}

const configs = new WeakMap<StyleProfileModel, ProfileConfig>();
/** The profile configuration of a model, one object per model (the profile caches its word lists per config). */
function configOf(m: StyleProfileModel): ProfileConfig {
  let c = configs.get(m);
  if (!c) configs.set(m, (c = { lang: m.lang, vocab: m.vocab }));
  return c;
}

/** Measure `doc` with any fitted model (the shipped tables, or a fold's model in the evaluation). */
export function computeWith(doc: Doc, model: StyleProfileModel): SignalResult | Abstention {
  const no = abstain(doc, model);
  if (no) return no;
  const pass = profilePass(doc, configOf(model));
  const x = profileOf(pass);
  const raw = score(x, model);
  const S = doc.sentences.length;
  const sentences = new Array<number | undefined>(S).fill(undefined);
  for (let i = 0; i < S; i++) {
    if (doc.sentences[i]!.wordCount < MIN_SENTENCE_WORDS) continue;
    const lo = Math.max(0, i - WINDOW);
    const hi = Math.min(S, i + WINDOW + 1);
    const words = doc.sentences[hi - 1]!.firstWord + doc.sentences[hi - 1]!.wordCount - doc.sentences[lo]!.firstWord;
    if (words >= MIN_WINDOW_WORDS) sentences[i] = score(profileOf(pass, lo, hi), model);
  }
  const { details, examples } = evidence(x, raw, model);
  return { raw, sentences, details: { ...details, features: model.beta.length, words: doc.words.length }, examples };
}

/** Names of a model's features (a check that a table matches the code that reads it). */
export function expectedNames(model: StyleProfileModel): string[] {
  return profileNames({ lang: model.lang, vocab: model.vocab });
}

function compute(doc: Doc): SignalResult | Abstention {
  if (doc.lang !== 'en' && doc.lang !== 'fr') return { abstained: true, code: doc.lang === 'und' ? 'undetermined-language' : 'language', params: { lang: doc.lang } };
  return computeWith(doc, STYLE_PROFILE_TABLES[doc.lang]);
}

const styleProfile: Signal = {
  id: 'style-profile',
  languages: ['en', 'fr'],
  minWords: MIN_WORDS,
  compute,
};

export default styleProfile;
