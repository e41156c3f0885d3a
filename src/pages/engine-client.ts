/**
 * engine-client — the extension pages' one way to the engine: a typed client of the engine worker
 * (src/pages/engine-worker.ts), so that no page bundles the engine or runs it on its main thread.
 *
 * API: `createEngineClient()` -> EngineClient:
 * - `analyse(text, options?, compact?)` -> Promise<Report> (language-neutral; word it with the engine's `explain`);
 * - `analyseMany(texts, options, { compact?, onProgress?, signal? })` -> Promise<(Report | Error)[]>, in order, a
 *   failure on one text being an Error in its slot; an aborted signal stops it;
 * - `wordRanks(text, lang?)` -> the words of the text with their GLTR-style rank buckets;
 * - `info()` -> the shipped threshold and signal weights;
 * - `labLoad(items, onProgress?)`, `labRescore(disabled)`, `labReport(itemId, disabled)` — the workshop lab's set,
 *   kept in the worker between requests (src/lab/scorer.ts);
 * - `dispose()`.
 * No fallback: when the worker cannot start or dies, every pending and later request rejects with an Error (the
 * page says the analysis failed) rather than running the engine on the page's main thread.
 */
import type { AnalyseOptions, Report, Span, WordRank } from '../engine';
import type { LabResult } from '../lab/scorer';
import type { EngineRequest, EngineRequestBody, EngineResponse, EngineResponseBody } from './engine-protocol';

export interface EngineClient {
  analyse(text: string, options?: AnalyseOptions, compact?: boolean): Promise<Report>;
  analyseMany(
    texts: readonly string[],
    options: AnalyseOptions,
    o?: { compact?: boolean; onProgress?: (done: number, total: number) => void; signal?: AbortSignal },
  ): Promise<(Report | Error)[]>;
  wordRanks(text: string, lang?: string): Promise<{ words: Span[]; ranks: WordRank[] }>;
  info(): Promise<{ threshold: number; weights: Record<string, number> }>;
  labLoad(items: { id: string; text: string }[], onProgress?: (done: number, total: number) => void): Promise<LabResult[]>;
  labRescore(disabled: string[]): Promise<Map<string, number | null>>;
  labReport(itemId: string, disabled: string[]): Promise<Report | undefined>;
  dispose(): void;
}

/** Requests kept in flight by analyseMany: the worker never idles, and thousands of texts are not queued at once. */
const IN_FLIGHT = 4;

type Pending = { done: (m: EngineResponseBody) => void; fail: (e: Error) => void; progress?: (d: number, t: number) => void };

function startWorker(): Worker | undefined {
  try {
    return new Worker(new URL('./engine-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return undefined;
  }
}

export function createEngineClient(): EngineClient {
  let worker = startWorker();
  let broken: Error | undefined = worker ? undefined : new Error('engine worker unavailable');
  let next = 1;
  const pending = new Map<number, Pending>();
  const failAll = (e: Error) => {
    broken = e;
    for (const p of pending.values()) p.fail(e);
    pending.clear();
    worker?.terminate();
    worker = undefined;
  };
  if (worker) {
    worker.onmessage = (e: MessageEvent<EngineResponse>) => {
      const p = pending.get(e.data.id);
      if (!p) return;
      if (e.data.type === 'progress') return p.progress?.(e.data.done, e.data.total);
      pending.delete(e.data.id);
      if (e.data.type === 'error') p.fail(new Error(e.data.message));
      else p.done(e.data);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      failAll(new Error(`engine worker failed${e.message ? `: ${e.message}` : ''}`));
    };
  }

  const ask = (body: EngineRequestBody, progress?: (d: number, t: number) => void): Promise<EngineResponseBody> =>
    new Promise((done, fail) => {
      if (broken || !worker) return fail(broken ?? new Error('engine worker unavailable'));
      const id = next++;
      pending.set(id, { done, fail, progress });
      worker.postMessage({ ...body, id } as EngineRequest);
    });
  const unexpected = (m: EngineResponseBody): never => {
    throw new Error(`unexpected answer from the engine worker: ${m.type}`);
  };

  const analyse = async (text: string, options: AnalyseOptions = {}, compact = false): Promise<Report> => {
    const m = await ask({ type: 'analyse', text, options, compact });
    return m.type === 'report' && m.report ? m.report : unexpected(m);
  };

  return {
    analyse,
    async analyseMany(texts, options, o = {}) {
      const out: (Report | Error)[] = new Array(texts.length);
      let done = 0;
      let at = 0;
      const run = async (): Promise<void> => {
        while (at < texts.length) {
          if (o.signal?.aborted) return;
          const i = at++;
          out[i] = await analyse(texts[i], options, o.compact).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
          done++;
          o.onProgress?.(done, texts.length);
        }
      };
      await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, texts.length) }, run));
      return out;
    },
    async wordRanks(text, lang) {
      const m = await ask({ type: 'word-ranks', text, lang });
      return m.type === 'word-ranks' ? { words: m.words, ranks: m.ranks } : unexpected(m);
    },
    async info() {
      const m = await ask({ type: 'info' });
      return m.type === 'info' ? { threshold: m.threshold, weights: m.weights } : unexpected(m);
    },
    async labLoad(items, onProgress) {
      const m = await ask({ type: 'lab-load', items }, onProgress);
      return m.type === 'lab-loaded' ? m.results : unexpected(m);
    },
    async labRescore(disabled) {
      const m = await ask({ type: 'lab-rescore', disabled });
      return m.type === 'lab-scores' ? new Map(m.scores) : unexpected(m);
    },
    async labReport(itemId, disabled) {
      const m = await ask({ type: 'lab-report', itemId, disabled });
      return m.type === 'report' ? m.report : unexpected(m);
    },
    dispose() {
      failAll(new Error('disposed'));
    },
  };
}
