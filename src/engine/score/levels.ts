/**
 * levels — which sentences are highlighted, and how strongly, at each sensitivity.
 *
 * A sentence score is the share of human reference sentences (blended with their documents' stated percentiles, as
 * the sentence is with its own document's: rank.ts) that are less predictable. Two conditions make a level:
 * - the sentence's score reaches the level's cut (LEVEL_CUTS): at 'medium', level 1 at 0.90, level 3 at 0.99;
 * - its DOCUMENT's stated percentile reaches the level's gate (DOCUMENT_GATES): at 'medium', level 1 only in a
 *   document at 0.80 or above, level 2 at 0.90, level 3 at 0.95. A sentence of an ordinary document is never marked,
 *   however it reads on its own: one sentence is too little evidence, and human pages were otherwise covered in marks.
 * Under leave-one-source-out (README, "Measured figures") this keeps level 3 to about 1% of human sentences.
 * Readers who want fewer marks choose 'low' (both cuts and gates rise); workshop participants exploring false
 * positives may choose 'high'. The UI re-levels without re-scoring: it needs the sentence's score and the document's.
 */
import type { Sensitivity } from '../types';

/** Cut points [level 1, level 2, level 3] per sensitivity, as sentence-score percentiles. */
export const LEVEL_CUTS: Record<Sensitivity, readonly [number, number, number]> = {
  low: [0.95, 0.98, 0.995],
  medium: [0.9, 0.96, 0.99],
  high: [0.8, 0.9, 0.97],
};

/** The document's stated percentile each level needs [level 1, level 2, level 3], per sensitivity. */
export const DOCUMENT_GATES: Record<Sensitivity, readonly [number, number, number]> = {
  low: [0.9, 0.95, 0.98],
  medium: [0.8, 0.9, 0.95],
  high: [0.6, 0.8, 0.9],
};

export const DEFAULT_SENSITIVITY: Sensitivity = 'medium';

/** Level 0..3 of a sentence with score `score` in a document whose stated percentile is `documentScore`. */
export function levelFor(score: number | null | undefined, sensitivity: Sensitivity = DEFAULT_SENSITIVITY, documentScore: number | null | undefined): 0 | 1 | 2 | 3 {
  if (score == null || !Number.isFinite(score) || documentScore == null || !Number.isFinite(documentScore)) return 0;
  const cuts = LEVEL_CUTS[sensitivity] ?? LEVEL_CUTS.medium;
  const gates = DOCUMENT_GATES[sensitivity] ?? DOCUMENT_GATES.medium;
  for (let level = 3; level >= 1; level--) {
    if (score >= cuts[level - 1]! && documentScore >= gates[level - 1]!) return level as 1 | 2 | 3;
  }
  return 0;
}

export function isSensitivity(x: unknown): x is Sensitivity {
  return x === 'low' || x === 'medium' || x === 'high';
}
