/**
 * engine-worker — the one Web Worker that runs the engine for extension pages, off their main thread: the analysis
 * page's texts (src/ui/analyse-handler.ts) and the lab's sets (src/lab/lab-handler.ts). One worker file means one
 * copy of the engine and its tables in the package, not one per page.
 * Protocol: requests with `type: 'analyse'` go to the analysis handler, every other `type` to the lab's; answers
 * carry the request's `id`. Started by src/ui/analyse-client.ts and src/lab/lab-client.ts.
 */
import { handleAnalyse, type AnalyseRequest, type AnalyseResponse } from './ui/analyse-handler';
import { handle as handleLab, type LabRequest, type LabResponse } from './lab/lab-handler';

export type EngineRequest = AnalyseRequest | LabRequest;

const scope = self as unknown as { onmessage: ((e: MessageEvent<EngineRequest>) => void) | null; postMessage(m: AnalyseResponse | LabResponse): void };

scope.onmessage = (e) => {
  const req = e.data;
  if (req.type === 'analyse') handleAnalyse(req, (m) => scope.postMessage(m));
  else handleLab(req, (m) => scope.postMessage(m));
};
