/**
 * levels — which sentence scores are highlighted, and how strongly, at each sensitivity.
 *
 * A sentence score is the share of human reference sentences (in their documents' context) that are less
 * predictable. The cut points below say how far out in the human distribution a sentence must be before it is
 * marked: at 'medium', level 1 marks roughly the most predictable 10% of human sentences, level 3 the top 1%.
 * Readers who want fewer marks choose 'low'; workshop participants exploring false positives may choose 'high'.
 * The UI can re-level without re-scoring.
 */
import type { Sensitivity } from '../types';

/** Cut points [level 1, level 2, level 3] per sensitivity, as sentence-score percentiles. */
export const LEVEL_CUTS: Record<Sensitivity, readonly [number, number, number]> = {
  low: [0.95, 0.98, 0.995],
  medium: [0.9, 0.96, 0.99],
  high: [0.8, 0.9, 0.97],
};

export const DEFAULT_SENSITIVITY: Sensitivity = 'medium';

export function levelFor(score: number | null | undefined, sensitivity: Sensitivity = DEFAULT_SENSITIVITY): 0 | 1 | 2 | 3 {
  if (score == null || !Number.isFinite(score)) return 0;
  const [a, b, c] = LEVEL_CUTS[sensitivity] ?? LEVEL_CUTS.medium;
  return score >= c ? 3 : score >= b ? 2 : score >= a ? 1 : 0;
}

export function isSensitivity(x: unknown): x is Sensitivity {
  return x === 'low' || x === 'medium' || x === 'high';
}
