/**
 * analyse-client — analyse texts without freezing the page: in the engine's module Web Worker (src/engine-worker.ts)
 * when the browser allows it, else on the main thread, yielding between texts.
 *
 * API: `createAnalyser()` -> `{ analyse(text, options, compact?) : Promise<Report>, analyseMany(texts, options,
 * { compact?, onProgress?, signal? }) : Promise<(Report | Error)[]>, dispose() }`. `analyseMany` keeps order and
 * turns a failure on one text into an Error in its slot (nothing else is lost). An aborted signal stops it.
 */
import { analyse as analyseNow } from '../engine/score/analyse';
import type { AnalyseOptions, Report } from '../engine/score/types';
import type { AnalyseRequest, AnalyseResponse } from './analyse-handler';

export interface Analyser {
  analyse(text: string, options: AnalyseOptions, compact?: boolean): Promise<Report>;
  analyseMany(
    texts: readonly string[],
    options: AnalyseOptions,
    o?: { compact?: boolean; onProgress?: (done: number, total: number) => void; signal?: AbortSignal },
  ): Promise<(Report | Error)[]>;
  dispose(): void;
  /** 'worker' or 'main-thread' (shown nowhere; for tests). */
  readonly mode: string;
}

export function createAnalyser(): Analyser {
  let worker: Worker | undefined;
  try {
    worker = new Worker(new URL('../engine-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    worker = undefined;
  }
  let next = 1;
  const pending = new Map<number, { ok: (r: Report) => void; fail: (e: Error) => void }>();
  const failAll = (e: Error) => {
    for (const p of pending.values()) p.fail(e);
    pending.clear();
  };
  if (worker) {
    worker.onmessage = (e: MessageEvent<AnalyseResponse>) => {
      const p = pending.get(e.data.id);
      if (!p) return;
      pending.delete(e.data.id);
      if ('report' in e.data) p.ok(e.data.report);
      else p.fail(new Error(e.data.error));
    };
    worker.onerror = (e) => {
      // A worker that cannot start (e.g. blocked) falls back to the main thread for what follows.
      e.preventDefault?.();
      worker?.terminate();
      worker = undefined;
      failAll(new Error('worker-failed'));
    };
  }

  const one = (text: string, options: AnalyseOptions, compact = false): Promise<Report> => {
    if (!worker) {
      return new Promise((ok, fail) =>
        setTimeout(() => {
          try {
            const r = analyseNow(text, options);
            if (compact) r.sentences = [];
            ok(r);
          } catch (e) {
            fail(e instanceof Error ? e : new Error(String(e)));
          }
        }, 0),
      );
    }
    const id = next++;
    const w = worker;
    return new Promise<Report>((ok, fail) => {
      pending.set(id, { ok, fail });
      w.postMessage({ type: 'analyse', id, text, options, compact } satisfies AnalyseRequest);
    }).catch((e: Error) => (e.message === 'worker-failed' ? one(text, options, compact) : Promise.reject(e)));
  };

  return {
    get mode() {
      return worker ? 'worker' : 'main-thread';
    },
    analyse: one,
    async analyseMany(texts, options, o = {}) {
      const out: (Report | Error)[] = new Array(texts.length);
      let done = 0;
      // Keep a few requests in flight so the worker never idles, without queueing thousands of messages.
      const LIMIT = 4;
      let at = 0;
      const run = async (): Promise<void> => {
        while (at < texts.length) {
          if (o.signal?.aborted) return;
          const i = at++;
          try {
            out[i] = await one(texts[i], options, o.compact);
          } catch (e) {
            out[i] = e instanceof Error ? e : new Error(String(e));
          }
          done++;
          o.onProgress?.(done, texts.length);
        }
      };
      await Promise.all(Array.from({ length: Math.min(LIMIT, texts.length) }, run));
      return out;
    },
    dispose() {
      worker?.terminate();
      worker = undefined;
      failAll(new Error('disposed'));
    },
  };
}
