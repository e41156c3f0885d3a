/**
 * style-lr-model — the shape of the style-lr signal's model and the configuration its figures were measured with.
 * Table-free (the shipped tables are read by src/engine/signals/style-lr.ts), so that the fit code
 * (src/eval/train/style-lr.ts) can build a table where none exists yet.
 */
import type { NgramModel } from './ngram';
import type { StyleLang } from './style-tokens';

/** The marks that typography decides as much as the writer (dropped from the stream by default). */
export const TYPOGRAPHIC_MARKS: readonly string[] = ['"', "'", '-', '...', '*', '<sym>'];

export interface StyleLrConfig {
  /** Words kept as themselves (the rest become classes). Range 30..3000 (30..100 measured best). */
  vocabSize: number;
  /** n-gram order: 2 (bigram; the reader is fastest there) or 3. */
  order: number;
  /** 0 = raw counts, 1 = every (source, label) group weighs the same. */
  balance: number;
  /** Highest-order n-grams seen fewer times are pruned (table size). */
  minCount: number;
  /** Train only on sources that have both labels (in this language). */
  pairedOnly: boolean;
  /** Marks dropped from the token stream before modelling. */
  dropMarks: readonly string[];
}

/** The configuration the leave-one-source-out figures were measured with. */
export const STYLE_LR_DEFAULTS: StyleLrConfig = { vocabSize: 50, order: 2, balance: 0.5, minCount: 2, pairedOnly: true, dropMarks: TYPOGRAPHIC_MARKS };

export interface StyleLrModel {
  lang: StyleLang;
  config: StyleLrConfig;
  /** Token list: kept words first, then classes and punctuation marks (id = index). */
  tokens: string[];
  vocabWords: number;
  human: NgramModel;
  machine: NgramModel;
}

/** A shipped table: a model plus what it was fitted on. */
export interface StyleLrTable extends StyleLrModel {
  id: string;
  source: string;
  generated: string;
}
