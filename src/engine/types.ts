/**
 * Shared types of the Mirage Lens engine (src/text, src/signals, src/score).
 *
 * Pure TypeScript: no DOM, no browser API. Every offset is a UTF-16 index into the original string that was given
 * to `buildDoc`, so that the page layer can highlight exact ranges.
 */

/** A language the engine knows: 'en' and 'fr' are fully supported; other ISO 639-3 codes get only the
 * language-independent signals; 'und' means the detector was not sure. */
export type Lang = string;
export const SUPPORTED_LANGS = ['en', 'fr'] as const;
export type SupportedLang = (typeof SUPPORTED_LANGS)[number];
/** The languages the explanations are written in. */
export type UiLang = SupportedLang;

export interface Span {
  /** Inclusive start offset into Doc.text. */
  start: number;
  /** Exclusive end offset into Doc.text. */
  end: number;
}

export interface Word extends Span {
  /** The word as written in the normalised text (same length as the original slice). */
  text: string;
  /** Lower-cased form, for table look-ups. */
  lower: string;
  /** Index of the sentence it belongs to (in Doc.sentences). */
  sentence: number;
}

export interface Sentence extends Span {
  index: number;
  paragraph: number;
  /** Index of the first word of the sentence in Doc.words, and the number of words. */
  firstWord: number;
  wordCount: number;
}

export interface Paragraph extends Span {
  index: number;
  /** Language of this paragraph (block), detected on its own when long enough, else the document's. */
  lang: Lang;
  firstSentence: number;
  sentenceCount: number;
}

/** A segmented document: the unit that signals read. */
export interface Doc {
  /** The original text. */
  text: string;
  /** Typographically folded copy of `text`, same length, same offsets (see src/engine/text/normalise.ts). */
  norm: string;
  lang: Lang;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  words: Word[];
}

/** Why a signal (or the whole analysis) said nothing. Codes are stable; messages live in src/engine/score/messages.ts. */
export type AbstainCode =
  | 'too-short' // fewer words than the minimum
  | 'too-few-sentences'
  | 'language' // language not supported by this signal
  | 'undetermined-language'
  | 'no-text'
  | 'error';

export interface Abstention {
  abstained: true;
  code: AbstainCode;
  /** Figures for the message, e.g. { words: 80, needed: 150 }. */
  params?: Record<string, number | string>;
}

/** What a signal measured. Orientation is fixed: a higher `raw` always means "more predictable / uniform /
 * formulaic". Units are the signal's own and documented in its file. */
export interface SignalResult {
  raw: number;
  /** Per-sentence raw values (same orientation), index = Doc.sentences index; undefined where not meaningful. */
  sentences?: (number | undefined)[];
  /** Figures used by `explain`, e.g. { cv: 0.31 }. Numbers only, so reports can print them. */
  details: Record<string, number>;
}

export interface Signal {
  /** === file name in src/engine/signals/. */
  id: string;
  /** 'any' = language-independent. */
  languages: readonly SupportedLang[] | 'any';
  /** Below this many words the signal abstains. */
  minWords: number;
  /** Measure. Return an Abstention (never throw, never guess) when the text does not allow a measure. */
  compute(doc: Doc): SignalResult | Abstention;
  /** One or two sentences of plain-language evidence, in the UI language. `percentile` is where the text falls
   * among human reference texts of its language (0..1), when known. Never speaks of authorship. */
  explain(result: SignalResult, lang: UiLang, percentile?: number): string;
  /** Short name and a one-line description of what it measures, per UI language. */
  title: Record<UiLang, string>;
  describe: Record<UiLang, string>;
}

export function isAbstention(x: SignalResult | Abstention): x is Abstention {
  return (x as Abstention).abstained === true;
}
