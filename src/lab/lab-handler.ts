/**
 * lab-handler — the lab's requests to the engine worker (src/engine-worker.ts, shared with the analysis page): a
 * LabScorer (src/lab/scorer.ts) kept in the worker between requests. `handle` also runs on the main thread when no
 * worker can start (src/lab/lab-client.ts).
 * Protocol (request -> response, matched by `id`):
 *   { id, type: 'load', ui, items: [{ id, text }] } -> progress messages { id, type: 'progress', done, total },
 *     then { id, type: 'loaded', results: LabResult[] }
 *   { id, type: 'rescore', disabled } -> { id, type: 'scores', scores: [itemId, score][] }
 *   { id, type: 'report', itemId, disabled } -> { id, type: 'report', report }
 * Errors: { id, type: 'error', message }.
 */
import { LabScorer, type LabResult } from './scorer';
import type { Report } from '../engine/score/types';
import type { UiLang } from '../engine/types';

export type LabRequest =
  | { id: number; type: 'load'; ui: UiLang; items: { id: string; text: string }[] }
  | { id: number; type: 'rescore'; disabled: string[] }
  | { id: number; type: 'report'; itemId: string; disabled: string[] };

export type LabResponse =
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'loaded'; results: LabResult[] }
  | { id: number; type: 'scores'; scores: [string, number | null][] }
  | { id: number; type: 'report'; report: Report | undefined }
  | { id: number; type: 'error'; message: string };

let scorer = new LabScorer('en');
export function handle(req: LabRequest, post: (m: LabResponse) => void): void {
  try {
    if (req.type === 'load') {
      scorer = new LabScorer(req.ui);
      const results: LabResult[] = [];
      req.items.forEach((it, i) => {
        results.push(scorer.add(it.id, it.text));
        if (i % 10 === 9 || i === req.items.length - 1) post({ id: req.id, type: 'progress', done: i + 1, total: req.items.length });
      });
      post({ id: req.id, type: 'loaded', results });
      if (!req.items.length) return;
    } else if (req.type === 'rescore') {
      post({ id: req.id, type: 'scores', scores: [...scorer.rescore(req.disabled)] });
    } else {
      post({ id: req.id, type: 'report', report: scorer.report(req.itemId, req.disabled) });
    }
  } catch (e) {
    post({ id: req.id, type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}
