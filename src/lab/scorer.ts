/**
 * scorer — the workshop lab's engine side: analyse each text once, then re-score the whole set with signals
 * switched off without re-measuring anything.
 *
 * Each text is analysed once with `analyseDetailed` (status, score, per-signal percentiles, evidence) and what it
 * measured is kept. Switching signals off calls the engine's own `rank(measured, reference, weights, disabled)`, exactly
 * what `analyse(text, { disabled })` does after measuring, so the lab's scores are the engine's scores (tested),
 * at a fraction of the cost (no signal is recomputed).
 *
 * API: `new LabScorer(ui)`; `add(id, text)` -> LabResult; `rescore(disabled)` -> Map<id, score | null>;
 * `report(id, disabled)` -> a full Report for the lab's text viewer; `countedSignals()` -> ids that carry weight.
 * Pure (no DOM): runs in the engine's Web Worker (src/engine-worker.ts, through src/lab/lab-handler.ts), in Node tests, or on the main thread.
 */
import { analyse, analyseDetailed, measure, rank, REFERENCE, type Measured } from '../engine/score/analyse';
import type { Report } from '../engine/score/types';
import { buildDoc } from '../engine/text/doc';
import type { UiLang } from '../engine/types';

export interface LabResult {
  id: string;
  status: Report['status'];
  lang: string;
  words: number;
  score: number | null;
  /** Percentile per measured signal (0..1), with every signal on. */
  percentiles: Record<string, number>;
  headline: string;
}

interface Kept {
  text: string;
  result: LabResult;
  measured?: Measured;
}

export function countedSignals(): string[] {
  return Object.entries(REFERENCE.weights)
    .filter(([, w]) => w > 0)
    .map(([id]) => id);
}

export class LabScorer {
  private kept = new Map<string, Kept>();
  constructor(public ui: UiLang = 'en') {}

  add(id: string, text: string): LabResult {
    const { report: r, measured } = analyseDetailed(text, { ui: this.ui });
    const percentiles: Record<string, number> = {};
    for (const s of r.signals) if (s.status === 'ok' && s.percentile !== undefined) percentiles[s.id] = s.percentile;
    const result: LabResult = { id, status: r.status, lang: r.lang, words: r.counts.words, score: r.score, percentiles, headline: r.headline };
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
      if (disabled.length === 0) {
        out.set(id, r.score);
        continue;
      }
      const ref = REFERENCE.langs[r.lang];
      if ((r.status !== 'ok' && r.status !== 'weak') || !ref) {
        out.set(id, null);
        continue;
      }
      try {
        k.measured ??= measure(buildDoc(k.text, { lang: r.lang }));
        const ranked = rank(k.measured, ref, REFERENCE.weights, disabled);
        out.set(id, Number.isFinite(ranked.score) ? Math.round(ranked.score * 1000) / 1000 : null);
      } catch {
        const again = analyse(k.text, { ui: this.ui, lang: r.lang, disabled });
        out.set(id, again.score);
      }
    }
    return out;
  }

  report(id: string, disabled: readonly string[] = []): Report | undefined {
    const k = this.kept.get(id);
    return k ? analyse(k.text, { ui: this.ui, disabled }) : undefined;
  }
}
