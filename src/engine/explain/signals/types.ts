/**
 * The shape of a signal's words (one file per signal beside this one, file name = signal id): a short title, one
 * line on what it measures, and `evidence(measure, ui, percentile?)` — one or two sentences written from the
 * signal's figures. `percentile` is where the text falls among comparable human reference texts (0..1), when known.
 * Evidence never speaks of authorship.
 */
import type { UiLang } from '../../types';

/** What a signal measured, as the Report keeps it. */
export interface Measure {
  raw: number;
  details: Record<string, number>;
  examples?: string[];
}

export interface SignalWords {
  title: Record<UiLang, string>;
  describe: Record<UiLang, string>;
  evidence(result: Measure, ui: UiLang, percentile?: number): string;
}
