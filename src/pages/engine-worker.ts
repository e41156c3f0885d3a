/**
 * engine-worker — the one Web Worker that runs the engine for extension pages, off their main thread: the analysis
 * page's texts and word views, the lab's sets. One worker file means one copy of the engine and its tables in the
 * package for every page (the background has its own). Protocol: src/pages/engine-protocol.ts; the pages talk to
 * it only through src/pages/engine-client.ts.
 */
import { analyse, engineInfo, wordRanks } from '../engine';
import { LabScorer } from '../lab/scorer';
import type { EngineRequest, EngineResponseBody } from './engine-protocol';

let scorer = new LabScorer();

/** Answer one request; `post` sends every message of the answer (progress first, when any). */
export function handle(req: EngineRequest, post: (m: EngineResponseBody) => void): void {
  try {
    switch (req.type) {
      case 'analyse': {
        const report = analyse(req.text, req.options);
        if (req.compact) report.sentences = [];
        return post({ type: 'report', report });
      }
      case 'word-ranks':
        return post({ type: 'word-ranks', ...wordRanks(req.text, req.lang) });
      case 'info':
        return post({ type: 'info', ...engineInfo() });
      case 'lab-load': {
        scorer = new LabScorer();
        const results = req.items.map((it, i) => {
          const r = scorer.add(it.id, it.text);
          if (i % 10 === 9 || i === req.items.length - 1) post({ type: 'progress', done: i + 1, total: req.items.length });
          return r;
        });
        return post({ type: 'lab-loaded', results });
      }
      case 'lab-rescore':
        return post({ type: 'lab-scores', scores: [...scorer.rescore(req.disabled)] });
      case 'lab-report':
        return post({ type: 'report', report: scorer.report(req.itemId, req.disabled) });
    }
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}

const scope = globalThis as unknown as { onmessage: ((e: MessageEvent<EngineRequest>) => void) | null; postMessage(m: unknown): void };
if (typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined') {
  scope.onmessage = (e) => handle(e.data, (m) => scope.postMessage({ ...m, id: e.data.id }));
}
