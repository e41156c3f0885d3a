/**
 * analyse-worker — runs the engine off the page's main thread for the analysis page (class sets). The lab has its
 * own worker (src/lab/lab-worker.ts), which keeps measures for re-ranking; both bundle the engine (a known debt).
 *
 * Protocol: the page posts `{ id, text, options, compact? }` (AnalyseOptions), the worker answers
 * `{ id, report }` or `{ id, error }`. `compact` drops per-sentence data the lab does not need for its charts.
 * Start it with src/ui/analyse-client.ts, never directly.
 */
import { analyse } from '../score/analyse';
import type { AnalyseOptions, Report } from '../score/types';

export interface AnalyseRequest {
  id: number;
  text: string;
  options: AnalyseOptions;
  compact?: boolean;
}

export type AnalyseResponse = { id: number; report: Report } | { id: number; error: string };

const scope = self as unknown as { onmessage: ((e: MessageEvent<AnalyseRequest>) => void) | null; postMessage(m: AnalyseResponse): void };

scope.onmessage = (e) => {
  const { id, text, options, compact } = e.data;
  try {
    const report = analyse(text, options);
    if (compact) report.sentences = [];
    scope.postMessage({ id, report });
  } catch (err) {
    scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
};
