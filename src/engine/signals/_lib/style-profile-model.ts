/**
 * style-profile-model — the shape of the style-profile signal's model, its configuration and its documented
 * constants. Table-free (the shipped tables are read by src/engine/signals/style-profile.ts), so that the fit code
 * (src/eval/train/style-profile.ts) can build a table where none exists yet.
 */
import type { StyleLang } from './style-tokens';

/** Below this many words: abstain. */
export const MIN_WORDS = 50;
/** Standardised features are clipped at +-CLIP, so one extreme rate cannot dominate. */
export const CLIP = 5;
/** Per-sentence windows: the sentence and WINDOW sentences on each side. */
export const WINDOW = 1;
/** A sentence gets a value when it has at least this many words... */
export const MIN_SENTENCE_WORDS = 5;
/** ...and its window at least this many. */
export const MIN_WINDOW_WORDS = 25;

export interface StyleProfileConfig {
  /** Function words used as features (the most widespread candidates of the training rows). */
  k: number;
  /** Penalties of the logistic model (L2, L1). */
  l2: number;
  l1: number;
  /** Which rows the fit sees: 'paired' = only sources with both labels. */
  mode: 'paired' | 'all';
}

/** The configuration the leave-one-source-out figures were measured with. */
export const STYLE_PROFILE_DEFAULTS: StyleProfileConfig = { k: 50, l2: 0.01, l1: 0.01, mode: 'paired' };

export interface StyleProfileModel {
  lang: StyleLang;
  config: StyleProfileConfig;
  /** The function words of the fw: features. */
  vocab: string[];
  /** Feature names (profileNames order), for reading and for the evidence. */
  names: string[];
  /** Mean and sd of each feature over the training rows (standardisation). */
  mean: number[];
  sd: number[];
  /** Intercept and coefficients (machine = positive). */
  b: number;
  beta: number[];
  /** Median of each feature over the human training rows (evidence only). */
  human: number[];
}

/** A shipped table: a model plus what it was fitted on. */
export interface StyleProfileTable extends StyleProfileModel {
  id: string;
  source: string;
  generated: string;
}
