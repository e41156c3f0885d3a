/**
 * scorer — the workshop lab's engine side: analyse each text once, then re-score the whole set with signals
 * switched off without re-measuring anything.
 *
 * Each text is analysed once with `analyseDetailed` (status, score, per-signal percentiles) and what it measured is
 * kept. Switching signals off calls the engine's own `rescore(measured, disabled)`, exactly what
 * `analyse(text, { disabled })` does after measuring, so the lab's scores are the engine's scores (tested), at a
 * fraction of the cost (no signal is recomputed). Reports are language-neutral: the lab page words them.
 *
 * API: `new LabScorer()`; `add(id, text)` -> LabResult; `rescore(disabled)` -> Map<id, score | null>;
 * `report(id, disabled)` -> a full Report for the lab's text viewer; `countedSignals()` -> ids that carry weight.
 * Pure (no DOM): runs in the engine's Web Worker (src/engine-worker.ts, through src/lab/lab-handler.ts), in Node tests, or on the main thread.
 */
import { analyseDetailed, engineInfo, rescore, type Measured, type Report } from '../engine';

export interface LabResult {
  id: string;
  status: Report['status'];
  lang: string;
  words: number;
  score: number | null;
  /** Percentile per measured signal (0..1), with every signal on. */
  percentiles: Record<string, number>;
}

interface Kept {
  text: string;
  result: LabResult;
  measured?: Measured;
}

/** Ids of the signals that carry weight in the shipped combination (the others are shown only). */
export function countedSignals(): string[] {
  return Object.entries(engineInfo().weights)
    .filter(([, w]) => w > 0)
    .map(([id]) => id);
}

export class LabScorer {
  private kept = new Map<string, Kept>();

  add(id: string, text: string): LabResult {
    const { report: r, measured } = analyseDetailed(text);
    const percentiles: Record<string, number> = {};
    for (const s of r.signals) if (s.status === 'ok' && s.percentile !== undefined) percentiles[s.id] = s.percentile;
    const result: LabResult = { id, status: r.status, lang: r.lang, words: r.counts.words, score: r.score, percentiles };
    const scored = r.status === 'ok' || r.status === 'weak';
    this.kept.set(id, { text, result, measured: scored ? measured : undefined });
    return result;
  }

  clear(): void {
    this.kept.clear();
  }

  /** Score of every text with `disabled` signals off; null when the text cannot be scored or nothing is left. */
  rescore(disabled: readonly string[]): Map<string, number | null> {
    const out = new Map<string, number | null>();
    for (const [id, k] of this.kept) {
      const r = k.result;
      if (disabled.length === 0) out.set(id, r.score);
      else if ((r.status !== 'ok' && r.status !== 'weak') || !k.measured) out.set(id, null);
      else out.set(id, rescore(k.measured, disabled));
    }
    return out;
  }

  /** The full (language-neutral) Report of one text with `disabled` signals off, for the lab's text viewer. */
  report(id: string, disabled: readonly string[] = []): Report | undefined {
    const k = this.kept.get(id);
    return k ? analyseDetailed(k.text, { disabled }).report : undefined;
  }
}
