/**
 * protocol — leave-one-source-out (LOSO): for each source S, the engine is fitted on every other source by the same
 * function `npm run calibrate` uses (fit-engine.ts `fitEngine`: references, kinds, threshold, sentence quantiles;
 * trained signals cross-fitted by trainable.ts) and S's texts are scored by the engine's own ranking
 * (src/engine/score/rank.ts) and levels (levels.ts), exactly as `analyse` would with that fold's reference.
 *
 * Nothing fitted in a fold may come from the left-out source: `runLoso` asserts that no training row belongs to it,
 * and the trained signals' values for the fold come from models fitted without it (trainable.ts `forFold`).
 * Texts below the gate are not scored: they count as abstentions (the product says "too short").
 * Node only; pure apart from the optional log.
 */
import { AGREE_PERCENTILE } from '../engine/score/constants';
import { levelFor } from '../engine/score/levels';
import { shownPercentile } from '../engine/score/kinds';
import { rankMeasures } from '../engine/score/rank';
import type { Reference } from '../engine/score/reference';
import type { SignalValue } from './features';
import { fitEngine, type FitOptions, type FittedEngine } from './fit-engine';
import { measuresOfFeatures, withSignals, type EvalRow } from './rows';

/** What the engine says about one left-out text. */
export interface Applied {
  /** The percentile the user is shown (kinds.ts shownPercentile), exact (it ranks: strictly monotone, never 1). */
  stated: number;
  flag: boolean;
  /** True when beyond every reference text of the compared kinds. */
  beyond: boolean;
  /** Counted signals beyond the agreement point (AGREE_PERCENTILE) of the register-nearest references. */
  agree: number;
  /** Level 0..3 of each sentence (Doc order) at the default sensitivity, gated by the document. */
  levels: (0 | 1 | 2 | 3)[];
}

export interface Outcome {
  row: EvalRow;
  /** undefined when abstained; see `reason`. */
  applied?: Applied;
  reason?: 'below-gate' | 'no-score';
}

export interface FoldSummary {
  held: string;
  threshold: number;
  texts: number;
  ms: number;
}

export interface LosoRun {
  gate: number;
  counted: string[];
  outcomes: Outcome[];
  folds: FoldSummary[];
  ms: number;
}

export interface LosoOptions {
  gate: number;
  /** Only these left-out sources (each still fitted without it). Default: all. */
  only?: readonly string[];
  counted?: readonly string[];
  /** Fold-dependent signal values (trainable.ts TrainableValues.forFold). */
  foldSignals?: (held: string) => ReadonlyMap<string, Record<string, SignalValue>>;
  log?: (line: string) => void;
  /** The fit (fitEngine); replaceable in tests. */
  fit?: (train: readonly EvalRow[], options: FitOptions) => FittedEngine;
}

export function sourcesOf(rows: readonly EvalRow[]): string[] {
  return [...new Set(rows.map((r) => r.item.source))].sort();
}

/** Score one text with a fitted reference, as analyse would. undefined when it cannot be placed. */
export function applyReference(reference: Reference, row: EvalRow): Applied | undefined {
  const ref = reference.langs[row.item.lang];
  if (!ref) return undefined;
  const ranked = rankMeasures(measuresOfFeatures(row.f), ref, reference.counted);
  const st = ranked.stated;
  if (!st || !Number.isFinite(st.stated)) return undefined;
  const shown = shownPercentile(st.stated, reference.heldOut).shown;
  return {
    stated: shown,
    flag: st.stated >= reference.threshold,
    beyond: st.beyond,
    agree: reference.counted.filter((id) => (ranked.percentiles[id] ?? 0) >= AGREE_PERCENTILE).length,
    // sentence levels are gated on the stated percentile (the document's evidence), as analyse does
    levels: ranked.sentences.map((s) => levelFor(s.score, 'medium', st.stated)),
  };
}

export function runLoso(rows: readonly EvalRow[], options: LosoOptions): LosoRun {
  const t0 = performance.now();
  const fit = options.fit ?? fitEngine;
  const outcomes: Outcome[] = [];
  const folds: FoldSummary[] = [];
  let counted: string[] = [];
  for (const held of sourcesOf(rows)) {
    if (options.only && !options.only.includes(held)) continue;
    const f0 = performance.now();
    const all = options.foldSignals ? withSignals(rows, options.foldSignals(held)) : [...rows];
    const train = all.filter((r) => r.item.source !== held);
    const test = all.filter((r) => r.item.source === held);
    if (train.some((r) => r.item.source === held)) throw new Error(`fold ${held}: a training row belongs to the left-out source`);
    const { reference } = fit(train, { gate: options.gate, ...(options.counted ? { counted: options.counted } : {}) });
    counted = reference.counted;
    for (const row of test) {
      if (row.f.words < options.gate) {
        outcomes.push({ row, reason: 'below-gate' });
        continue;
      }
      const applied = applyReference(reference, row);
      outcomes.push(applied ? { row, applied } : { row, reason: 'no-score' });
    }
    const ms = performance.now() - f0;
    folds.push({ held, threshold: reference.threshold, texts: test.length, ms });
    options.log?.(`  gate ${options.gate}: fold ${held} (${test.length} texts, threshold ${reference.threshold}) ${(ms / 1000).toFixed(1)} s`);
  }
  return { gate: options.gate, counted, outcomes, folds, ms: performance.now() - t0 };
}
