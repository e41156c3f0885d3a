/**
 * analyse-handler — the analysis page's requests to the engine worker (src/engine-worker.ts, shared with the lab).
 *
 * Protocol: the page posts `{ type: 'analyse', id, text, options, compact? }` (AnalyseOptions), the worker answers
 * `{ id, report }` or `{ id, error }`. `compact` drops per-sentence data a list does not need.
 * Used through src/ui/analyse-client.ts, never directly.
 */
import { analyse } from '../engine/score/analyse';
import type { AnalyseOptions, Report } from '../engine/score/types';

export interface AnalyseRequest {
  type: 'analyse';
  id: number;
  text: string;
  options: AnalyseOptions;
  compact?: boolean;
}

export type AnalyseResponse = { id: number; report: Report } | { id: number; error: string };

export function handleAnalyse(req: AnalyseRequest, post: (m: AnalyseResponse) => void): void {
  const { id, text, options, compact } = req;
  try {
    const report = analyse(text, options);
    if (compact) report.sentences = [];
    post({ id, report });
  } catch (err) {
    post({ id, error: err instanceof Error ? err.message : String(err) });
  }
}
