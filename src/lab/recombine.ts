/**
 * recombine — the workshop lab's fast path for switching signals on and off.
 *
 * Each text is analysed once (in a worker); its per-signal percentiles among human reference texts are kept. With a
 * set of signals switched off, the combined score is recomputed exactly as the engine does
 * (src/score/analyse.ts `rank`: weighted mean log-odds of the remaining percentiles, placed among the human
 * reference combinations), which takes microseconds instead of re-running every signal on every text.
 * Percentiles in a Report are rounded to 3 decimals, so a recombined score may differ from
 * `analyse(text, { disabled })` in the third decimal (tested).
 *
 * API: `entryOf(report)` -> LabEntry; `rescore(entry, disabled, reference?)` -> number | null (null when the text
 * could not be scored, or when every counted signal is switched off); `countedSignals(reference?)` -> the ids
 * that carry weight in the combination (the only ones whose switch changes the score).
 */
import { REFERENCE } from '../score/analyse';
import { combine, percentileOf, type Reference } from '../score/calibration';
import type { Report } from '../score/types';

export interface LabEntry {
  status: Report['status'];
  lang: string;
  /** Percentile per measured signal (0..1). */
  percentiles: Record<string, number>;
}

export function entryOf(report: Report): LabEntry {
  const percentiles: Record<string, number> = {};
  for (const s of report.signals) if (s.status === 'ok' && s.percentile !== undefined) percentiles[s.id] = s.percentile;
  return { status: report.status, lang: report.lang, percentiles };
}

export function rescore(entry: LabEntry, disabled: readonly string[], reference: Reference = REFERENCE): number | null {
  if (entry.status !== 'ok' && entry.status !== 'weak') return null;
  const ref = reference.langs[entry.lang];
  if (!ref) return null;
  const kept: Record<string, number> = {};
  for (const [id, p] of Object.entries(entry.percentiles)) if (!disabled.includes(id)) kept[id] = p;
  const c = combine(kept, reference.weights);
  if (!Number.isFinite(c)) return null;
  const s = percentileOf(c, ref.combined);
  return Number.isFinite(s) ? s : null;
}

export function countedSignals(reference: Reference = REFERENCE): string[] {
  return Object.entries(reference.weights)
    .filter(([, w]) => w > 0)
    .map(([id]) => id);
}
