/**
 * Shared types of the Mirage Lens engine (src/text, src/signals, src/score).
 *
 * Pure TypeScript: no DOM, no browser API. A Doc's offsets are UTF-16 indices into `Doc.text` (the string given to
 * `buildDoc` less its invisible characters); what leaves the engine (a report's sentences, `wordRanks`) is mapped
 * back to the string given (`Doc.origin`), so that the page layer can highlight exact ranges.
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
  /** The text analysed: the string given, less its invisible and control characters (src/engine/text/normalise.ts
   * visibleText). Every span of the Doc is an offset into it. */
  text: string;
  /** Present when characters were taken out: `origin[i]` is the offset in the string given of offset i of `text`
   * (`origin[text.length]` is that string's length). Use `originSpan` (src/engine/text/doc.ts) to map a span back. */
  origin?: Int32Array;
  /** Typographically folded copy of `text`, same length, same offsets (see src/engine/text/normalise.ts). */
  norm: string;
  lang: Lang;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  words: Word[];
}

/** Why a signal (or the whole analysis) said nothing. Codes are stable; words live in src/engine/explain/. */
export type AbstainCode =
  | 'too-short' // fewer words than the minimum
  | 'too-few-sentences'
  | 'language' // language not supported by this signal
  | 'undetermined-language'
  | 'no-text'
  | 'switched-off' // left out on request (the workshop lab)
  | 'error';

/** Figures that go with a code, e.g. { words: 80, needed: 150 }. */
export type Params = Record<string, number | string>;

export interface Abstention {
  abstained: true;
  code: AbstainCode;
  params?: Params;
}

/** What a signal measured. Orientation is fixed: a higher `raw` always means "more predictable / uniform /
 * formulaic". Units are the signal's own and documented in its file. */
export interface SignalResult {
  raw: number;
  /** Per-sentence raw values (same orientation), index = Doc.sentences index; undefined where not meaningful. */
  sentences?: (number | undefined)[];
  /** Figures used by the explanation, e.g. { cv: 0.31 }. Numbers only, so reports can print them. */
  details: Record<string, number>;
  /** Phrases of the text worth quoting as examples (as listed in the signal's table), most frequent first. */
  examples?: string[];
}

export interface Signal {
  /** === file name in src/engine/signals/. */
  id: string;
  /** 'any' = language-independent. */
  languages: readonly SupportedLang[] | 'any';
  /** Below this many words the signal abstains. */
  minWords: number;
  /** Measure. Return an Abstention (never throw, never guess) when the text does not allow a measure. Its words
   * (title, description, evidence) live in src/engine/explain/signals/<id>.ts. */
  compute(doc: Doc): SignalResult | Abstention;
}

/** Where a result stands. 'weak' = scored, but on little text (see MIN_WORDS / WEAK_WORDS in analyse.ts). */
export type ReportStatus = 'ok' | 'weak' | 'too-short' | 'unsupported-language' | 'undetermined-language' | 'no-text';

/** How eager highlights are: which sentence scores get which level (see levels.ts). */
export type Sensitivity = 'low' | 'medium' | 'high';

export interface SignalReport {
  id: string;
  /** 'ok' = measured; 'abstained' = said nothing, `code` (and `params`) say why. */
  status: 'ok' | 'abstained';
  /** The signal's own measure (units documented in its file). */
  raw?: number;
  /** Share of the comparable human reference texts (same language, nearest in register: src/engine/score/register.ts)
   * that are *less* predictable on this signal (0..1). */
  percentile?: number;
  /** `percentile` before rounding: the figure the evidence is worded from. */
  exactPercentile?: number;
  /** True when the text is beyond the agreement point (AGREE_PERCENTILE) of human reference writing. */
  agrees?: boolean;
  /** Weight of the signal in the combined score (0 = shown for information only). */
  weight: number;
  code?: AbstainCode;
  params?: Params;
  details?: Record<string, number>;
  examples?: string[];
}

export interface SentenceReport {
  index: number;
  /** Offsets into the analysed string. */
  start: number;
  end: number;
  words: number;
  /** Sentence predictability in [0, 1] against human reference sentences (its own evidence blended with its
   * document's stated percentile); null when too little to say. */
  score: number | null;
  /** 0 = not highlighted; 1..3 = increasingly predictable, at the default sensitivity, gated by the document's score
   * (levels.ts: re-level with `levelFor(score, sensitivity, report.stated ?? report.score)`). */
  level: 0 | 1 | 2 | 3;
  /** Signals that push this sentence up, strongest first: where the sentence stands among human reference
   * sentences on each (0..1, not rounded). */
  reasons: SentenceReason[];
}

export interface SentenceReason {
  id: string;
  percentile: number;
}

export interface Agreement {
  /** Signals beyond the agreement point. */
  agree: number;
  /** Signals that measured something. */
  measured: number;
  /** Signals that abstained. */
  abstained: number;
}

/** A limit that applies to a result (words in src/engine/explain/messages.ts). */
export type CaveatCode = 'base' | 'weak' | 'mixed-language' | 'reference';
export interface Caveat {
  code: CaveatCode;
  params?: Params;
}

/** What the engine says about one text, in no language: numbers, ids, codes and their figures. */
export interface Report {
  /** Version of the engine and reference tables that produced it. */
  engine: string;
  status: ReportStatus;
  lang: Lang;
  counts: { chars: number; words: number; sentences: number; paragraphs: number };
  /** Shown predictability in (0, 1), never 1: the lowest of the text's percentiles among the kinds of human writing
   * most like it (`comparison`), lowered where that would over-claim for human writing the reference lacks (kinds.ts
   * `shownPercentile`: the held-out check) — "more predictable than this share of the texts of each of those kinds,
   * and of each kind of human writing tested as unseen". Strictly rising with the combined evidence, beyond the
   * reference range too (so it ranks). null when nothing meaningful can be said (see status). Not a probability. */
  score: number | null;
  /** The stated percentile before the held-out check (the lowest among the nearest kinds): the document's evidence
   * that sentence levels are gated on (`levelFor(score, sensitivity, report.stated)`). Absent in reports of engines
   * before 0.3.0, where it equals `score`. */
  stated?: number | null;
  /** The default flag ("worth a closer look"): true when score >= threshold (threshold in the shown figure's terms). */
  flag: boolean;
  threshold: number;
  /** What the text was compared with to state its score; null when it was not scored. */
  comparison: Comparison | null;
  agreement: Agreement;
  /** The length gate this result was computed with (MIN_WORDS unless the caller changed it). */
  minWords: number;
  signals: SignalReport[];
  sentences: SentenceReport[];
  /** Limits that apply to this result. */
  caveats: Caveat[];
  ms: number;
}

/** One kind of human writing a text was compared with (words for its id in src/engine/explain/kinds.ts). */
export interface ComparedKind {
  id: string;
  /** Reference texts of this kind. */
  texts: number;
  /** The text's percentile among them (0..1, never 0 or 1). */
  percentile: number;
  /** True when the text is above every one of them. */
  beyond: boolean;
}

/** What a score was stated against: the kinds of human writing nearest to the text in register. */
export interface Comparison {
  /** Nearest in register first. The score is the lowest of their percentiles. */
  kinds: ComparedKind[];
  /** Reference texts of all those kinds together. */
  texts: number;
  /** True when the text is beyond every one of those texts and the held-out check left its whole percent as it was:
   * the words then say "beyond all N human reference texts it was compared with", never 100%. A figure the check
   * lowered is shown as that figure (each kind's own `beyond` still says where the text stands among it). */
  beyond: boolean;
  /** When the held-out check lowered the figure: the human source that lowered it most, scored as unseen writing, and
   * the text's percentile among it (the shown score). */
  heldOut?: { source: string; lang: string; texts: number; percentile: number };
}

/** A Report without its per-sentence list and signals: enough for a one-line headline. */
export type ReportHead = Omit<Report, 'signals' | 'sentences' | 'caveats'>;

export interface AnalyseOptions {
  /** Force the text's language instead of detecting it. */
  lang?: Lang;
  /** Highlight eagerness for sentence levels. Default 'medium'. */
  sensitivity?: Sensitivity;
  /** Ids of signals to leave out (the workshop lab switches signals off). */
  disabled?: readonly string[];
  /** Change the length gate (default MIN_WORDS), for research use (the CLI's --min-words). */
  minWords?: number;
}

// ---------------------------------------------------------------- the same report in words (src/engine/explain/)

export interface ExplainedSignal extends SignalReport {
  title: string;
  describe: string;
  /** Present when measured: one or two sentences of evidence. */
  evidence?: string;
  /** Present when abstained: why. */
  reason?: string;
}

export interface ExplainedSentence extends Omit<SentenceReport, 'reasons'> {
  reasons: { id: string; text: string }[];
}

/** A Report with its words in one UI language: what the pages, reports and the CLI show. */
export interface ExplainedReport extends Omit<Report, 'signals' | 'sentences' | 'caveats'> {
  ui: UiLang;
  langName: string;
  /** One line for the popup. */
  headline: string;
  /** Two or three sentences for the side panel and reports. */
  summary: string;
  signals: ExplainedSignal[];
  sentences: ExplainedSentence[];
  caveats: string[];
}

export function isAbstention(x: SignalResult | Abstention): x is Abstention {
  return (x as Abstention).abstained === true;
}
