/**
 * The report the engine gives for one text: what the CLI prints, what the side panel, popup, analysis page and
 * teacher reports render. Everything in it is derived from the text and the shipped reference figures; it never
 * says who wrote the text.
 */
import type { AbstainCode, Lang, UiLang } from '../types';

/** Where a result stands. 'weak' = scored, but on little text (see MIN_WORDS / WEAK_WORDS in analyse.ts). */
export type ReportStatus = 'ok' | 'weak' | 'too-short' | 'unsupported-language' | 'undetermined-language' | 'no-text';

/** How eager highlights are: which sentence scores get which level (see levels.ts). */
export type Sensitivity = 'low' | 'medium' | 'high';

export interface SignalReport {
  id: string;
  title: string;
  describe: string;
  /** 'ok' = measured; 'abstained' = said nothing, `reason` says why. */
  status: 'ok' | 'abstained';
  /** The signal's own measure (units documented in its file). */
  raw?: number;
  /** Share of the comparable human reference texts (same language, nearest in register: src/engine/score/register.ts)
   * that are *less* predictable on this signal (0..1). */
  percentile?: number;
  /** True when the text is beyond the agreement point (AGREE_PERCENTILE) of human reference writing. */
  agrees?: boolean;
  /** Weight of the signal in the combined score (0 = shown for information only). */
  weight: number;
  evidence?: string;
  code?: AbstainCode;
  reason?: string;
  details?: Record<string, number>;
}

export interface SentenceReport {
  index: number;
  /** Offsets into the analysed string. */
  start: number;
  end: number;
  words: number;
  /** Sentence predictability in [0, 1] against human reference sentences; null when too little to say. */
  score: number | null;
  /** 0 = not highlighted; 1..3 = increasingly predictable, at the default sensitivity. */
  level: 0 | 1 | 2 | 3;
  /** Signals that push this sentence up, strongest first, with a short reason each (UI language). */
  reasons: { id: string; text: string }[];
}

export interface Agreement {
  /** Signals beyond the agreement point. */
  agree: number;
  /** Signals that measured something. */
  measured: number;
  /** Signals that abstained. */
  abstained: number;
}

export interface Report {
  /** Version of the engine and reference tables that produced it. */
  engine: string;
  status: ReportStatus;
  lang: Lang;
  langName: string;
  ui: UiLang;
  counts: { chars: number; words: number; sentences: number; paragraphs: number };
  /** Combined predictability in [0, 1]: the share of comparable human reference texts (same language, nearest in
   * register) that are less predictable than this one. null when nothing meaningful can be said (see status). Not a probability. */
  score: number | null;
  /** The default threshold's decision: true when score >= threshold AND enough signals agree. */
  flag: boolean;
  threshold: number;
  agreement: Agreement;
  /** One line for the popup. */
  headline: string;
  /** Two or three sentences for the side panel and reports. */
  summary: string;
  signals: SignalReport[];
  sentences: SentenceReport[];
  /** Limits that apply to this result, in the UI language. */
  caveats: string[];
  ms: number;
}

export interface AnalyseOptions {
  /** Language of the explanations. Default 'en'. */
  ui?: UiLang;
  /** Force the text's language instead of detecting it. */
  lang?: Lang;
  /** Highlight eagerness for sentence levels. Default 'medium'. */
  sensitivity?: Sensitivity;
  /** Ids of signals to leave out (the workshop lab switches signals off). */
  disabled?: readonly string[];
}
