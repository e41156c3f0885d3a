/**
 * lab-client — talk to the lab's half of the engine worker (src/engine-worker.ts, src/lab/lab-handler.ts) with promises; on the main thread when a worker
 * cannot start. API: `createLabClient()` -> { load(items, ui, onProgress), rescore(disabled), report(id, disabled),
 * dispose() }.
 */
import type { Report } from '../engine/score/types';
import type { UiLang } from '../engine/types';
import type { LabResult } from './scorer';
import { handle, type LabRequest, type LabResponse } from './lab-handler';

type Body<T> = T extends unknown ? Omit<T, 'id'> : never;

export interface LabClient {
  load(items: { id: string; text: string }[], ui: UiLang, onProgress?: (done: number, total: number) => void): Promise<LabResult[]>;
  rescore(disabled: string[]): Promise<Map<string, number | null>>;
  report(itemId: string, disabled: string[]): Promise<Report | undefined>;
  dispose(): void;
}

export function createLabClient(): LabClient {
  let worker: Worker | undefined;
  try {
    worker = new Worker(new URL('../engine-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    worker = undefined;
  }
  let next = 1;
  const waiting = new Map<number, { done: (m: LabResponse) => void; progress?: (d: number, t: number) => void }>();
  const receive = (m: LabResponse) => {
    const w = waiting.get(m.id);
    if (!w) return;
    if (m.type === 'progress') {
      w.progress?.(m.done, m.total);
      return;
    }
    waiting.delete(m.id);
    w.done(m);
  };
  if (worker) {
    worker.onmessage = (e: MessageEvent<LabResponse>) => receive(e.data);
    worker.onerror = (e) => {
      e.preventDefault?.();
      worker?.terminate();
      worker = undefined;
      for (const [id, w] of waiting) w.done({ id, type: 'error', message: 'worker-failed' });
      waiting.clear();
    };
  }
  const ask = (body: Body<LabRequest>, progress?: (d: number, t: number) => void): Promise<LabResponse> =>
    new Promise((done) => {
      const id = next++;
      const req = { ...body, id } as LabRequest;
      waiting.set(id, { done, progress });
      if (worker) worker.postMessage(req);
      else setTimeout(() => handle(req, receive), 0);
    });
  const fail = (m: LabResponse): never => {
    throw new Error(m.type === 'error' ? m.message : `unexpected ${m.type}`);
  };
  return {
    async load(items, ui, onProgress) {
      const m = await ask({ type: 'load', ui, items }, onProgress);
      return m.type === 'loaded' ? m.results : fail(m);
    },
    async rescore(disabled) {
      const m = await ask({ type: 'rescore', disabled });
      return m.type === 'scores' ? new Map(m.scores) : fail(m);
    },
    async report(itemId, disabled) {
      const m = await ask({ type: 'report', itemId, disabled });
      return m.type === 'report' ? m.report : fail(m);
    },
    dispose() {
      worker?.terminate();
      worker = undefined;
    },
  };
}
